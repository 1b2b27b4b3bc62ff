package org.liangshan.pipelines.source;

import static java.util.Objects.requireNonNull;

import java.sql.Date;
import java.util.List;
import org.liangshan.pipelines.source.Rejection.Reason;

/**
 * The record-level check of a family's declared {@code term} (see {@link LandingSpec.Term}), after each field
 * has been parsed on its own. A right (a family with a term kind) must state when its term starts and whether
 * it is a flow or a stock, and a flow right when it ends; a family without a kind (an auction's term) may state
 * no term at all (the default applies) but not half of one. A term that ends before it starts is refused. Each
 * refusal quarantines the record with the field at fault, never a silent default.
 */
final class TermCheck implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  static final String FLOW = "flow";

  private final FieldSpec from;
  private final FieldSpec until;
  private final FieldSpec kind;
  private final int fromIndex;
  private final int untilIndex;
  private final int kindIndex;

  TermCheck(LandingSpec.Term term, List<FieldSpec> fields) {
    requireNonNull(term, "term is null");
    List<String> columns = fields.stream().map(FieldSpec::column).toList();
    this.fromIndex = columns.indexOf(term.from());
    this.untilIndex = columns.indexOf(term.until());
    this.kindIndex = term.kind() == null ? -1 : columns.indexOf(term.kind());
    this.from = fields.get(fromIndex);
    this.until = fields.get(untilIndex);
    this.kind = kindIndex < 0 ? null : fields.get(kindIndex);
  }

  /** Throws the rejection of a record whose parsed values ({@code row}, in field order) state no valid term. */
  void check(Object[] row) throws Rejection {
    Date start = (Date) row[fromIndex];
    Date end = (Date) row[untilIndex];
    if (kind != null) {
      if (start == null) {
        throw new Rejection(Reason.MISSING_TERM, from.column(), "'" + header(from) + "' is empty: every right states when its"
            + " term starts");
      }
      if (row[kindIndex] == null) {
        throw new Rejection(Reason.MISSING_TERM, kind.column(), "'" + header(kind) + "' is empty: every right states"
            + " whether it is a flow right (per year) or a stock");
      }
      if (end == null && FLOW.equals(row[kindIndex])) {
        throw new Rejection(Reason.MISSING_TERM, until.column(), "'" + header(until) + "' is empty: a flow right is valid"
            + " for a stated term and must say when it ends");
      }
    } else if ((start == null) != (end == null)) {
      FieldSpec missing = start == null ? from : until;
      throw new Rejection(Reason.MISSING_TERM, missing.column(), "'" + header(missing) + "' is empty but '"
          + header(missing == from ? until : from) + "' is not: state the whole term, or neither for the default");
    }
    if (start != null && end != null && end.before(start)) {
      throw new Rejection(Reason.INVERTED_TERM, until.column(), "'" + header(until) + "' " + end + " is before '"
          + header(from) + "' " + start + ": the term ends before it starts");
    }
  }

  private static String header(FieldSpec field) {
    return field.headers().get(0);
  }
}
