package org.liangshan.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.liangshan.warehouse.elsewhere.PackagePrivateRows;

class RecordRowsTest {
  private static final TableDef TABLE = TableDef.builder(Layer.GOLD, "loan_balances", "a test table")
      .string("region", "region id")
      .required("year", DataTypes.IntegerType, "year")
      .money("outstanding_yuan", "balance")
      .optional("co2_t", DataTypes.DoubleType, "CO2")
      .required("valued_on", DataTypes.DateType, "date")
      .audit()
      .build();

  record Balance(String region, int year, BigDecimal outstandingYuan, Optional<Double> co2T, LocalDate valuedOn) {}

  // the components in another order than the columns: the row still follows the table
  record Shuffled(LocalDate valuedOn, Optional<Double> co2T, BigDecimal outstandingYuan, int year, String region) {}

  record Named(String region, int year, BigDecimal outstandingYuan, @RecordRows.ColumnName("co2_t") Optional<Double> tonnesCo2,
      LocalDate valuedOn) {}

  record Missing(String region, int year, BigDecimal outstandingYuan, LocalDate valuedOn) {}

  record Extra(String region, int year, BigDecimal outstandingYuan, Optional<Double> co2T, LocalDate valuedOn, String note) {}

  record WrongType(String region, int year, double outstandingYuan, Optional<Double> co2T, LocalDate valuedOn) {}

  record OptionalYear(String region, Optional<Integer> year, BigDecimal outstandingYuan, Optional<Double> co2T,
      LocalDate valuedOn) {}

  @Test
  void aRowFollowsTheTablesColumnsWithoutTheAuditColumns() {
    Row row = RecordRows.of(TABLE, Balance.class)
        .row(new Balance("tianjin", 2024, new BigDecimal("8000.000000"), Optional.empty(), LocalDate.of(2024, 12, 31)));
    assertThat(row.size()).isEqualTo(5);
    assertThat(row.getString(0)).isEqualTo("tianjin");
    assertThat(row.getInt(1)).isEqualTo(2024);
    assertThat(row.getDecimal(2)).isEqualTo(new BigDecimal("8000.000000"));
    assertThat(row.isNullAt(3)).isTrue();
    assertThat(row.getDate(4)).isEqualTo(Date.valueOf("2024-12-31"));
  }

  @Test
  void componentsAreMatchedByNameNotPosition() {
    Row row = RecordRows.of(TABLE, Shuffled.class)
        .row(new Shuffled(LocalDate.of(2024, 1, 2), Optional.of(44.0), BigDecimal.ONE, 2023, "liyang"));
    assertThat(row.getString(0)).isEqualTo("liyang");
    assertThat(row.getInt(1)).isEqualTo(2023);
    assertThat(row.getDecimal(2)).isEqualTo(BigDecimal.ONE);
    assertThat(row.getDouble(3)).isEqualTo(44.0);
  }

  @Test
  void aComponentCanNameItsColumn() {
    Row row = RecordRows.of(TABLE, Named.class)
        .row(new Named("liyang", 2024, BigDecimal.TEN, Optional.of(3.5), LocalDate.of(2024, 12, 31)));
    assertThat(row.getDouble(3)).isEqualTo(3.5);
  }

  @Test
  void aMismatchFailsWhenTheMapperIsMadeNamingIt() {
    assertThatThrownBy(() -> RecordRows.of(TABLE, Missing.class))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Record Missing does not match table gold.loan_balances: no component for column co2_t");
    assertThatThrownBy(() -> RecordRows.of(TABLE, Extra.class))
        .hasMessage("Record Extra does not match table gold.loan_balances: component note has no column note");
    assertThatThrownBy(() -> RecordRows.of(TABLE, WrongType.class))
        .hasMessage("Record WrongType does not match table gold.loan_balances: outstanding_yuan is decimal(38,6) but"
            + " outstandingYuan is double");
    assertThatThrownBy(() -> RecordRows.of(TABLE, OptionalYear.class))
        .hasMessage("Record OptionalYear does not match table gold.loan_balances: year is NOT NULL but year is an Optional");
  }

  @Test
  void aPackagePrivateRecordOfAnotherPackageIsRead() {
    TableDef table = TableDef.builder(Layer.GOLD, "years", "a test table")
        .string("region", "region id")
        .required("year", DataTypes.IntegerType, "year")
        .audit()
        .build();
    List<Row> rows = PackagePrivateRows.rows(table);
    assertThat(rows).extracting(r -> r.getString(0) + " " + r.getInt(1)).containsExactly("tianjin 2024", "liyang 2023");
  }

  @Test
  void camelCaseComponentsNameSnakeCaseColumns() {
    assertThat(RecordRows.snakeCase("ecoFinanceOutstandingYuan")).isEqualTo("eco_finance_outstanding_yuan");
    assertThat(RecordRows.snakeCase("co2T")).isEqualTo("co2_t");
    assertThat(RecordRows.snakeCase("region")).isEqualTo("region");
  }
}
