package org.liangshan.market.model;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.param.ParameterSet;

/**
 * The green-credit score of a person, enterprise or organisation for a year (METHODOLOGY.md section 8):
 * base score + a bonus for the eco-points earned in the year (one score point per {@code
 * points_per_score_point}, at most {@code max_points_bonus}) − the penalty of every violation recorded in the
 * year (Tianjin's negative credit events, by severity), clamped to [min_score, max_score]; the tier is the
 * highest whose threshold the score reaches. All numbers are {@code carbon_inclusion.credit.*}.
 */
public final class CreditScore {
  private static final String KEY = "carbon_inclusion.credit.";

  private CreditScore() {}

  public record Result(long pointsBonus, long violationPenalty, int violations, long score, String tier) {}

  public static Result compute(long pointsEarnedInYear, List<String> violationSeverities, ParameterSet params) {
    requireNonNull(violationSeverities, "violationSeverities is null");
    long base = (long) params.number(KEY + "base_score");
    long perPoint = (long) params.number(KEY + "points_per_score_point");
    long bonus = Math.min((long) params.number(KEY + "max_points_bonus"), Math.max(0, pointsEarnedInYear) / perPoint);
    long penalty = 0;
    for (String severity : violationSeverities) {
      String key = KEY + "violation_penalty." + severity;
      if (!params.has(key)) {
        throw LiangshanException.badInput("Unknown violation severity '%s': the parameter set has penalties for %s.",
            severity, params.keys(KEY + "violation_penalty"));
      }
      penalty += (long) params.number(key);
    }
    long score = Math.max((long) params.number(KEY + "min_score"),
        Math.min((long) params.number(KEY + "max_score"), base + bonus - penalty));
    return new Result(bonus, penalty, violationSeverities.size(), score, tier(score, params));
  }

  static String tier(long score, ParameterSet params) {
    Map<Long, String> byThreshold = new TreeMap<>(Comparator.reverseOrder());
    for (String tier : params.keys(KEY + "tiers")) {
      byThreshold.put((long) params.number(KEY + "tiers." + tier), tier);
    }
    for (Map.Entry<Long, String> e : byThreshold.entrySet()) {
      if (score >= e.getKey()) {
        return e.getValue();
      }
    }
    return new ArrayList<>(byThreshold.values()).get(byThreshold.size() - 1);
  }
}
