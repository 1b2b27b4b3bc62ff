package org.liangshan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.liangshan.finance.RiskTables;

/** `valuate margin` prints each call's prices with their unit and its top-up with the quantity's unit. */
class MarginRowTest {
  private static Row marginCall(Map<String, Object> values) {
    StructType schema = RiskTables.MARGIN_CALLS.schema();
    Object[] row = new Object[schema.size()];
    int i = 0;
    for (StructField field : schema.fields()) {
      row[i++] = values.get(field.name());
    }
    return new GenericRowWithSchema(row, schema);
  }

  @Test
  void pricesAndTheTopUpArePrintedWithTheirUnits() {
    // A TP eco-voucher pledge of 0.98 t/a valued at 12,536,000 yuan per t/a, trading at 10,000,000 on the call date.
    Row call = marginCall(Map.of("pledge_id", "P1", "loan_id", "L1", "bank_id", "K1", "series", "eco_voucher TP (registry)",
        "price", new BigDecimal("10000000"), "margin_call_price", new BigDecimal("10655600"), "shortfall_yuan",
        new BigDecimal("2483750.4"), "topup_quantity", 0.2483750, "quantity_unit", "t/a", "price_unit", "yuan per t/a"));
    assertThat(ValuateCommand.MARGIN_COLUMNS).containsExactly("pledge_id", "loan_id", "bank_id", "series", "price",
        "margin_call_price", "price_unit", "shortfall_yuan", "topup_quantity", "quantity_unit");
    assertThat(ValuateCommand.marginRow(call)).containsExactly("P1", "L1", "K1", "eco_voucher TP (registry)", "10000000.00",
        "10655600.00", "yuan per t/a", "2483750.40", "0.248375", "t/a");
  }
}
