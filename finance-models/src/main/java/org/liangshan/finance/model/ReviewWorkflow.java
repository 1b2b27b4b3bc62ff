package org.liangshan.finance.model;

import static java.util.Objects.requireNonNull;
import static org.liangshan.finance.model.LedgerRevisions.APPROVED;
import static org.liangshan.finance.model.LedgerRevisions.DRAFT;
import static org.liangshan.finance.model.LedgerRevisions.REJECTED;
import static org.liangshan.finance.model.LedgerRevisions.REVIEWED;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.liangshan.core.LiangshanException;

/**
 * The review workflow of a ledger revision as rules, without storage: which action is allowed from
 * which status, and the reason when it is not (a {@link LiangshanException.Kind#BAD_INPUT}, exit 2).
 *
 * <ul>
 *   <li>{@code review}: draft → reviewed. The reviewer attests to the entries (their content hash).
 *   <li>{@code approve}: reviewed → approved, by someone other than the reviewer (four eyes), and only
 *       while the entries still hash as reviewed. An approved revision is frozen.
 *   <li>{@code reject}: reviewed → rejected, with a reason. A rejected revision is kept; a recomputation
 *       writes the next revision.
 * </ul>
 *
 * Only the latest revision of a period can be acted on.
 */
public final class ReviewWorkflow {
  public enum Action {
    REVIEW("review", REVIEWED),
    APPROVE("approve", APPROVED),
    REJECT("reject", REJECTED);

    private final String word;
    private final String target;

    Action(String word, String target) {
      this.word = word;
      this.target = target;
    }

    public String word() {
      return word;
    }

    public String target() {
      return target;
    }
  }

  /** A past event of the revision (from the append-only events table). */
  public record Event(String action, String actor, Instant at, String reason, String contentHash) {}

  /** The revision acted on: where it stands now. */
  public record Subject(String region, String period, int revision, int latestRevision, String status, String contentHash,
      boolean balanced, List<Event> history) {
    public Subject {
      requireNonNull(region, "region is null");
      requireNonNull(period, "period is null");
      requireNonNull(status, "status is null");
      history = List.copyOf(history);
    }

    Optional<Event> last(String action) {
      for (int i = history.size() - 1; i >= 0; i--) {
        if (history.get(i).action().equals(action)) {
          return Optional.of(history.get(i));
        }
      }
      return Optional.empty();
    }
  }

  private ReviewWorkflow() {}

  /** Checks the action is allowed; returns the status after it. */
  public static String check(Subject s, Action action, String actor, String reason) {
    String what = s.region() + " " + s.period() + " revision " + s.revision();
    if (actor == null || actor.isBlank()) {
      throw LiangshanException.badInput("Ledger %s: --by NAME is required (who does the %s).", what, action.word());
    }
    if (s.revision() != s.latestRevision()) {
      throw LiangshanException.badInput(
          "Ledger %s is superseded by revision %d: only the latest revision of a period can be %s.", what,
          s.latestRevision(), past(action));
    }
    if (!s.balanced()) {
      throw LiangshanException.badInput("Ledger %s does not balance (debits differ from credits): it cannot be %s;"
          + " recompute the period.", what, past(action));
    }
    switch (action) {
      case REVIEW -> {
        switch (s.status()) {
          case DRAFT -> { }
          case REVIEWED -> throw LiangshanException.badInput("Ledger %s is already reviewed%s; approve or reject it.", what,
              by(s.last("review")));
          case APPROVED -> throw LiangshanException.badInput("Ledger %s is approved%s and frozen: it cannot be reviewed again."
              + " A recomputation writes a new revision beside it.", what, by(s.last("approve")));
          case REJECTED -> throw LiangshanException.badInput("Ledger %s was rejected%s and is closed: recompute the period"
              + " ('liangshan run compensation') to make a new revision, then review that.", what, by(s.last("reject")));
          default -> throw new IllegalStateException("Unknown status " + s.status());
        }
      }
      case APPROVE, REJECT -> {
        switch (s.status()) {
          case DRAFT -> throw LiangshanException.badInput("Ledger %s is a draft that nobody has reviewed: run 'liangshan ledger"
              + " review' first.", what);
          case REVIEWED -> { }
          case APPROVED -> throw LiangshanException.badInput("Ledger %s is already approved%s and frozen.", what,
              by(s.last("approve")));
          case REJECTED -> throw LiangshanException.badInput("Ledger %s was rejected%s: a rejected revision cannot be %s;"
              + " recompute the period to make a new revision.", what, by(s.last("reject")), past(action));
          default -> throw new IllegalStateException("Unknown status " + s.status());
        }
        Optional<Event> review = s.last("review");
        if (review.isPresent() && review.get().actor().equals(actor)) {
          throw LiangshanException.badInput("Ledger %s was reviewed by %s: the %s must be done by someone else (four eyes).",
              what, actor, action == Action.APPROVE ? "approval" : "rejection");
        }
        if (review.isPresent() && review.get().contentHash() != null && !review.get().contentHash().equals(s.contentHash())) {
          throw LiangshanException.badInput("Ledger %s changed after it was reviewed (content hash %s, reviewed %s):"
              + " it cannot be %s.", what, s.contentHash(), review.get().contentHash(), past(action));
        }
        if (action == Action.REJECT && (reason == null || reason.isBlank())) {
          throw LiangshanException.badInput("Ledger %s: a rejection needs --reason TEXT.", what);
        }
      }
      default -> throw new IllegalStateException("Unknown action " + action);
    }
    return action.target();
  }

  private static String past(Action action) {
    return switch (action) {
      case REVIEW -> "reviewed";
      case APPROVE -> "approved";
      case REJECT -> "rejected";
    };
  }

  private static String by(Optional<Event> event) {
    return event.map(e -> " by " + e.actor() + " at " + e.at()
        + (e.reason() == null || e.reason().isBlank() ? "" : " (" + e.reason() + ")")).orElse("");
  }
}
