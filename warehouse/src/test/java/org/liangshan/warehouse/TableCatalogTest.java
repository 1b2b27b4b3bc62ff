package org.liangshan.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;

class TableCatalogTest {
  private static final TableDef PRICES =
      TableDef.builder(Layer.GOLD, "test_prices", "prices for the catalog test")
          .string("region", "region id")
          .string("item", "item")
          .money("price_yuan", "price")
          .optional("note", DataTypes.StringType, "note")
          .audit()
          .check("price_not_negative", "price_yuan >= 0")
          .partitionBy("region")
          .naturalKey("region", "item")
          .build();

  private static final List<TableDef> TABLES = List.of(PRICES, OpsTables.RUN_LOG);
  /** Both tables created once; each test but the one about creating them writes to a copy. */
  private static LakehouseConfig template;

  private final SparkSession spark = SharedSpark.session();
  private final TableCatalog catalog = new TableCatalog(spark, SharedSpark.copyOf(template()), TABLES);

  private static synchronized LakehouseConfig template() {
    if (template == null) {
      LakehouseConfig config = SharedSpark.freshLakehouse();
      TableCatalog created = new TableCatalog(SharedSpark.session(), config, TABLES);
      TABLES.forEach(created::ensure);
      template = config;
    }
    return template;
  }

  private Dataset<Row> rows(Object[]... values) {
    List<Row> list = java.util.Arrays.stream(values).map(RowFactory::create).toList();
    return spark.createDataFrame(list, PRICES.schema());
  }

  @Test
  void ensureIsIdempotentAndDeclaresConstraints() {
    TableCatalog catalog = new TableCatalog(spark, SharedSpark.freshLakehouse(), TABLES);
    catalog.ensure(PRICES);
    long first = catalog.version(PRICES).orElseThrow();
    TableCatalog again = new TableCatalog(spark, catalog.config(), List.of(PRICES));
    again.ensure(PRICES);
    assertThat(catalog.version(PRICES)).hasValue(first);
    Row detail = spark.sql("DESCRIBE DETAIL delta.`" + catalog.location(PRICES) + "`").head();
    assertThat(detail.getList(detail.fieldIndex("partitionColumns"))).containsExactly("region");
    assertThat(detail.getJavaMap(detail.fieldIndex("properties"))).containsEntry("delta.constraints.price_not_negative", "price_yuan >= 0");
  }

  /** PRICES as declared later, with one more column after its audit columns. */
  private static TableDef pricesWith(String column, boolean nullable) {
    TableDef.Builder builder = TableDef.builder(Layer.GOLD, "test_prices", "prices for the catalog test")
        .string("region", "region id")
        .string("item", "item")
        .money("price_yuan", "price")
        .optional("note", DataTypes.StringType, "note")
        .audit();
    if (nullable) {
      builder.optional(column, DataTypes.StringType, "declared after the table was made");
    } else {
      builder.string(column, "declared after the table was made");
    }
    return builder.check("price_not_negative", "price_yuan >= 0").partitionBy("region").naturalKey("region", "item").build();
  }

  @Test
  void aNullableColumnDeclaredLaterIsAddedToTheTableAndANotNullOneIsRefused() {
    catalog.append(PRICES, rows(new Object[] {"liyang", "tp", new BigDecimal("10.5"), null, "r1", "p1"}));
    TableDef withSource = pricesWith("source", true);
    TableCatalog later = new TableCatalog(spark, catalog.config(), List.of(withSource));
    later.ensure(withSource);
    Dataset<Row> read = spark.read().format("delta").load(later.location(withSource));
    assertThat(read.columns()).containsExactly("region", "item", "price_yuan", "note", "run_id", "parameter_set", "source");
    assertThat(read.head().<String>getAs("item")).isEqualTo("tp");
    assertThat(read.head().<String>getAs("source")).isNull();
    // Rows written under the new declaration land in the new column.
    later.append(withSource, spark.createDataFrame(
        List.of(RowFactory.create("liyang", "cod", new BigDecimal("3"), null, "r2", "p1", "survey")), withSource.schema()));
    assertThat(later.read(withSource).where("item = 'cod'").head().<String>getAs("source")).isEqualTo("survey");

    TableDef withCurrency = pricesWith("currency", false);
    assertThatThrownBy(() -> new TableCatalog(spark, catalog.config(), List.of(withCurrency)).ensure(withCurrency))
        .hasMessage("Table gold.test_prices at " + catalog.location(PRICES) + " lacks the NOT NULL column currency declared"
            + " since it was made; rebuild the table (or declare the column nullable).");
  }

  @Test
  void aRowViolatingACheckIsRefusedAndNothingIsWritten() {
    catalog.append(PRICES, rows(new Object[] {"liyang", "tp", new BigDecimal("10.5"), null, "r1", "p1"}));
    assertThatThrownBy(
            () -> catalog.append(
                PRICES,
                rows(
                    new Object[] {"liyang", "cod", new BigDecimal("3"), null, "r2", "p1"},
                    new Object[] {"liyang", "nh3n", new BigDecimal("-1"), null, "r2", "p1"})))
        .hasMessageContaining("price_not_negative");
    // The whole second write was refused, including its valid row.
    assertThat(catalog.count(PRICES)).isEqualTo(1);
  }

  @Test
  void aNullInANotNullColumnIsRefused() {
    assertThatThrownBy(
            () -> catalog.append(
                PRICES, spark.sql("SELECT 'liyang' AS region, CAST(NULL AS STRING) AS item, CAST(1 AS DECIMAL(38,6)) AS price_yuan, CAST(NULL AS STRING) AS note, 'r' AS run_id, 'p' AS parameter_set")))
        .hasMessageContaining("item");
    assertThat(catalog.count(PRICES)).isZero();
  }

  @Test
  void mergeUpdatesChangedRowsAndInsertsNewOnes() {
    catalog.append(PRICES, rows(new Object[] {"liyang", "tp", new BigDecimal("10"), null, "r1", "p1"}));
    catalog.merge(
        PRICES,
        rows(
            new Object[] {"liyang", "tp", new BigDecimal("12"), null, "r2", "p1"},
            new Object[] {"tianjin", "tp", new BigDecimal("8"), null, "r2", "p1"}),
        "price_yuan");
    List<Row> all = catalog.read(PRICES).orderBy("region").collectAsList();
    assertThat(all).extracting(r -> r.getDecimal(2).stripTrailingZeros().toPlainString()).containsExactly("12", "8");
  }

  @Test
  void runLogRecordsInputVersionsAndFindsTheLastSuccess() {
    catalog.append(PRICES, rows(new Object[] {"liyang", "tp", new BigDecimal("10"), null, "r1", "p1"}));
    Run run = Run.start(catalog, "liangshan test", "unit", "liyang", "2024", "p1");
    run.input(PRICES).count();
    run.count("rows", 1);
    run.succeed("ok");
    Run next = Run.start(catalog, "liangshan test", "unit", "liyang", "2024", "p1");
    assertThat(next.lastSuccessfulInputs()).hasValue(java.util.Map.of("gold.test_prices", catalog.version(PRICES).orElseThrow()));
    Run otherPeriod = Run.start(catalog, "liangshan test", "unit", "liyang", "2023", "p1");
    assertThat(otherPeriod.lastSuccessfulInputs()).isEmpty();
  }
}
