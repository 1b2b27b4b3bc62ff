package org.liangshan.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.liangshan.core.LiangshanException;

class TableSpecTest {
  private static final String PRICES = """
      module: test
      tables:
        - name: prices
          layer: gold
          comment: "prices for the spec test"
          columns:
            - {name: region, type: string, description: "region id"}
            - {name: price_yuan, type: money, description: "price"}
            - {name: rate, type: "decimal(20,10)", nullable: true, description: "rate"}
            - {name: flow_m3_s, type: double, unit: m3/s, description: "flow"}
          audit: gold
          partition-by: [region]
          checks:
            price_not_negative: "price_yuan >= 0"
          natural-key: [region]
      """;

  @Test
  void aTableHasItsColumnsThenItsAuditGroupsWithTypesAndNullability() {
    TableDef prices = TableSpec.parse("test.yaml", PRICES).table("prices");

    assertThat(prices.qualifiedName()).isEqualTo("gold.prices");
    assertThat(prices.columns())
        .containsExactly(
            Column.required("region", DataTypes.StringType, "region id"),
            Column.required("price_yuan", Column.MONEY, "price"),
            Column.optional("rate", DataTypes.createDecimalType(20, 10), "rate"),
            Column.required("flow_m3_s", DataTypes.DoubleType, "flow"),
            Column.required("run_id", DataTypes.StringType, "run that produced this row (ops.run_log)"),
            Column.required("parameter_set", DataTypes.StringType, "parameter-set version used"));
    assertThat(prices.partitionBy()).containsExactly("region");
    assertThat(prices.checks()).containsExactly(java.util.Map.entry("price_not_negative", "price_yuan >= 0"));
    assertThat(prices.naturalKey()).containsExactly("region");
  }

  @Test
  void moneyIsInYuanUnlessTheSpecSaysOtherwise() {
    List<TableSpec.ColumnSpec> columns = TableSpec.parse("test.yaml", PRICES).declarations().get(0).columns();

    assertThat(columns).extracting(TableSpec.ColumnSpec::unit).containsExactly(null, "yuan", null, "m3/s");
    assertThat(TableSpec.parse("test.yaml", PRICES).unit("prices", "run_id")).isEmpty();
  }

  @Test
  void theBuildersAuditColumnsAreTheSpecsGoldGroup() {
    TableDef built = TableDef.builder(Layer.GOLD, "t", "t").string("region", "region id").audit().build();

    assertThat(built.columns().subList(1, 3)).isEqualTo(TableSpec.auditColumns("gold"));
  }

  @Test
  void anUnknownTypeFailsAtLoadNamingFileTableAndColumn() {
    assertLoadFails(PRICES.replace("type: double", "type: float"),
        "test.yaml: table 'prices': column 'flow_m3_s': unknown type 'float'; expected string, int, bigint, double,"
            + " boolean, date, timestamp, money, decimal(p,s) or map<k,v>");
  }

  @Test
  void aColumnWithoutDescriptionFailsAtLoad() {
    assertLoadFails(PRICES.replace(", description: \"flow\"", ""),
        "test.yaml: table 'prices': column 'flow_m3_s': description is missing");
  }

  @Test
  void aDecimalBeyondSparksPrecisionFailsAtLoad() {
    assertLoadFails(PRICES.replace("decimal(20,10)", "decimal(40,10)"),
        "test.yaml: table 'prices': column 'rate': invalid decimal 'decimal(40,10)' (precision 1..38, scale <= precision)");
  }

  @Test
  void aPartitionColumnThatIsNotAColumnFailsAtLoad() {
    assertLoadFails(PRICES.replace("partition-by: [region]", "partition-by: [zone_id]"),
        "test.yaml: table 'prices': Invalid partition column of prices (no such column): zone_id");
  }

  @Test
  void anUnknownAuditGroupFailsAtLoad() {
    assertLoadFails(PRICES.replace("audit: gold", "audit: silver"),
        "test.yaml: table 'prices': unknown audit group 'silver'; expected one of gold");
  }

  @Test
  void aColumnDeclaredTwiceFailsAtLoad() {
    assertLoadFails(PRICES.replace("name: flow_m3_s", "name: run_id"),
        "test.yaml: table 'prices': column 'run_id' is declared twice");
  }

  @Test
  void aFileWithoutItsModuleFailsAtLoad() {
    assertLoadFails(PRICES.replace("module: test", ""),
        "test.yaml: module is missing (the Maven module that declares the tables)");
  }

  @Test
  void aMisspelledKeyFailsAtLoad() {
    assertThatThrownBy(() -> TableSpec.parse("test.yaml", PRICES.replace("natural-key:", "natural-keys:")))
        .isInstanceOf(LiangshanException.class)
        .hasMessageStartingWith("test.yaml: table 'prices': Unrecognized field \"natural-keys\"");
  }

  @Test
  void aTableTheFileDoesNotDeclareIsNamedWithTheOnesItDoes() {
    assertThatThrownBy(() -> TableSpec.parse("test.yaml", PRICES).table("price"))
        .isInstanceOf(LiangshanException.class)
        .hasMessage("test.yaml declares no table 'price'; it declares prices");
  }

  private static void assertLoadFails(String yaml, String message) {
    assertThatThrownBy(() -> TableSpec.parse("test.yaml", yaml))
        .isInstanceOf(LiangshanException.class)
        .hasMessage(message);
  }
}
