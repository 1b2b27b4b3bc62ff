package org.liangshan.pipelines.source;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.liangshan.core.unit.QuoteUnits;
import org.liangshan.core.unit.Unit;
import org.liangshan.pipelines.source.Rejection.Reason;

/**
 * The record-level check of a family's declared {@code quoted-in} (see {@link LandingSpec.QuotedIn}), after each
 * field has been parsed on its own (so the unit is already a known unit's symbol, or empty: an unknown one was
 * quarantined as UNKNOWN_UNIT by the field). An empty unit is the right type's quote unit ({@link QuoteUnits}),
 * written into silver so no reader has to guess it; a stated unit that does not convert to the quote unit (tCO2e on
 * an eco-voucher, a stock of tonnes against a load a year) is quarantined as UNIT_MISMATCH naming both.
 */
final class QuoteUnitCheck implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final FieldSpec unit;
  private final FieldSpec rightType;
  private final int unitIndex;
  private final int rightTypeIndex;

  QuoteUnitCheck(LandingSpec.QuotedIn quotedIn, List<FieldSpec> fields) {
    requireNonNull(quotedIn, "quotedIn is null");
    List<String> columns = fields.stream().map(FieldSpec::column).toList();
    this.unitIndex = columns.indexOf(quotedIn.unit());
    this.rightTypeIndex = columns.indexOf(quotedIn.rightType());
    this.unit = fields.get(unitIndex);
    this.rightType = fields.get(rightTypeIndex);
  }

  /** Fills an empty unit of {@code row} (parsed values in field order) with the quote unit, or throws the rejection. */
  void apply(Object[] row) throws Rejection {
    String type = (String) row[rightTypeIndex];
    Optional<Unit> quoted = type == null ? Optional.empty() : QuoteUnits.of(type);
    if (row[unitIndex] == null) {
      if (quoted.isEmpty()) {
        throw new Rejection(Reason.MISSING_VALUE, unit.column(), "'" + header(unit) + "' is empty and '" + header(rightType)
            + "' " + (type == null ? "is empty too" : "'" + type + "' has no quote unit") + ": state the unit of the quantity"
            + " and the price");
      }
      row[unitIndex] = quoted.get().symbol();
      return;
    }
    Unit stated = Unit.parseOrThrow((String) row[unitIndex]);
    if (type != null && !QuoteUnits.converts(type, stated)) {
      throw new Rejection(Reason.UNIT_MISMATCH, unit.column(), "unit '" + stated.symbol() + "' in '" + header(unit)
          + "' does not convert to " + quoted.map(u -> u.symbol() + ", the unit " + type + " trades are quoted in")
              .orElse("a unit '" + type + "' trades are quoted in (it has none)")
          + ": state the unit the quantity and the price are in"
          + quoted.map(u -> " (" + u.symbol() + " or another unit of its kind), or leave it empty for " + u.symbol()).orElse(""));
    }
  }

  private static String header(FieldSpec field) {
    return field.headers().get(0);
  }
}
