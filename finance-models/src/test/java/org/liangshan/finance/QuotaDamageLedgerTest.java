package org.liangshan.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liangshan.market.Lakehouse.row;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.liangshan.core.param.ParameterSet;
import org.liangshan.core.region.Region;
import org.liangshan.core.region.Regions;
import org.liangshan.finance.model.ReviewWorkflow;
import org.liangshan.finance.publish.LedgerBook;
import org.liangshan.finance.publish.LedgerExport;
import org.liangshan.market.Lakehouse;
import org.liangshan.market.MarketTables;
import org.liangshan.warehouse.TableDef;

/**
 * Tianjin 2024 with the quota-keyed agreement TJ-V-02 and the damage agreement TJ-D-01 beside the others: the
 * entries against hand-computed amounts, balance per period, review and freeze, a recomputation with a
 * changed capacity that becomes revision 2 with its diff, and the XLSX export read back with POI.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QuotaDamageLedgerTest {
  private final Lakehouse lake = FinanceLakehouse.create();
  private final Region tianjin = Regions.load("tianjin");
  private final ParameterSet params = ParameterSet.forRegion(tianjin);
  private final Clock clock = Clock.fixed(Instant.parse("2025-01-10T08:00:00Z"), ZoneOffset.UTC);
  private static final String FUND = "天津市财政局";
  private static final String DAMAGE_FUND = "天津市生态环境损害赔偿资金";
  private static final String ZONE = "于桥水库饮用水水源保护区 (TJ-WFZ-01)";
  private CompensationJob.Summary summary;

  /** The row with a neutral value in every non-null column it does not name (0, 0.0 or "-"). */
  private static Map<String, Object> filled(TableDef def, Map<String, Object> values) {
    Map<String, Object> row = new LinkedHashMap<>(values);
    for (StructField f : def.schema().fields()) {
      if (!f.nullable() && !row.containsKey(f.name())) {
        Object neutral = f.dataType().equals(DataTypes.DoubleType) ? (Object) 0.0
            : f.dataType().equals(DataTypes.IntegerType) ? (Object) 0
            : f.dataType().equals(DataTypes.StringType) ? "-" : null;
        if (neutral != null) {
          row.put(f.name(), neutral);
        }
      }
    }
    return row;
  }

  private Map<String, Object> capacity(String pollutant, double allocatable, double occupied) {
    return filled(MarketTables.ZONE_CAPACITY, row("year", 2024, "zone_id", "TJ-WFZ-01", "pollutant", pollutant,
        "allocatable_t_a", allocatable, "occupied_t_a", occupied));
  }

  private Map<String, Object> holding(String account, String rightId, double quantity) {
    return filled(MarketTables.HOLDINGS, row("year", 2024, "as_of", "2024-12-31", "account", account, "right_id", rightId,
        "right_type", "carbon_quota", "subject", "CO2", "quantity", quantity));
  }

  private Map<String, Object> issue(int year, String rightId, String holder, double quantity) {
    return filled(MarketTables.HOLDINGS_MOVEMENTS, row("year", year, "movement_id", "issue:" + rightId, "movement_date",
        year + "-03-31", "movement_type", "issue", "right_id", rightId, "right_type", "carbon_quota", "subject", "CO2",
        "debit_account", "holder:" + holder, "credit_account", "issuance", "quantity", quantity));
  }

  private Map<String, Object> emissions(String uscc, String name, double allocation) {
    return filled(MarketTables.ENTERPRISE_EMISSIONS, row("year", 2024, "uscc", uscc, "name", name, "industry", "steel",
        "final_allocation_tco2", allocation));
  }

  private static Map<String, Object> event(String id, String subject, String type, String date, String severity) {
    return row("event_id", id, "subject_id", subject, "subject_type", type, "date", date, "event_type", "violation",
        "severity", severity, "description", "超标排放");
  }

  private static Map<String, Object> withRestoration(Map<String, Object> event, double quantity, String unit) {
    Map<String, Object> row = new LinkedHashMap<>(event);
    row.put("restoration_quantity", quantity);
    row.put("restoration_unit", unit);
    return row;
  }

  @BeforeAll
  void compute() {
    CompensationFixture.write(lake);
    lake.write(MarketTables.ZONE_CAPACITY, "tianjin", Lakehouse.rows(
        capacity("COD", 120.5, 100.25), capacity("NH3-N", 10, 12.5), capacity("TP", 1.0, 1.0)));
    lake.write(MarketTables.ENTERPRISE_EMISSIONS, "tianjin", Lakehouse.rows(
        emissions("E1", "一号钢厂", 100000.4), emissions("E2", "二号水泥", 50000), emissions("E3", "三号钢厂", 2000)));
    lake.write(MarketTables.HOLDINGS, "tianjin", Lakehouse.rows(
        holding("holder:E1", "CQ-2024-1", 100000), holding("holder:E1", "CQ-2023-9", 5000),
        holding("holder:E2", "CQ-2024-2", 50123.4567), holding("holder:E4", "CQ-2024-4", 10)));
    lake.write(MarketTables.HOLDINGS_MOVEMENTS, "tianjin", Lakehouse.rows(
        issue(2024, "CQ-2024-1", "E1", 100000), issue(2023, "CQ-2023-9", "E1", 5000), issue(2024, "CQ-2024-2", "E2", 50123.4567),
        issue(2024, "CQ-2024-4", "E4", 10)));
    lake.silver("enterprises", "tianjin", Lakehouse.rows(
        row("uscc", "E1", "name", "一号钢厂", "industry", "steel", "lon", 117.2, "lat", 39.1, "district", "和平区"),
        row("uscc", "E2", "name", "二号水泥", "industry", "cement", "lon", 117.3, "lat", 39.2, "district", "河东区")));
    lake.silver("credit_events", "tianjin", Lakehouse.rows(
        event("CE-1", "E1", "enterprise", "2024-03-05", "minor"),
        event("CE-2", "E2", "enterprise", "2024-04-20", "grave"),
        event("CE-3", "P1", "person", "2024-03-10", "minor"),
        event("CE-4", "E1", "enterprise", "2023-06-01", "serious"),
        withRestoration(event("CE-5", "E1", "enterprise", "2024-05-10", "serious"), 1500.0, "m2")));
    summary = CompensationJob.run(lake.run("compensation", tianjin, "2024", params), tianjin, 2024, params);
  }

  private List<String> entries(String method) {
    return lake.catalog.read(FinanceTables.COMPENSATION_LEDGER).where(functions.col("method").equalTo(method))
        .orderBy("entry_id").collectAsList().stream().map(r -> r.getAs("entry_id") + " " + r.getAs("payer") + "->"
            + r.getAs("payee") + " " + r.<BigDecimal>getAs("amount_yuan").setScale(2, RoundingMode.UNNECESSARY).toPlainString())
        .toList();
  }

  @Test
  @Order(1)
  void quotaKeyedEntriesAreTheRateTimesTheQuotaOffAllocation() {
    assertThat(entries("vertical_quota")).containsExactly(
        // (120.5 - 100.25) t/a x 15,000 yuan/t (COD): the fund pays the zone.
        "TJ-V-02:2024:capacity:TJ-WFZ-01-cod:r1 " + FUND + "->" + ZONE + " 303750.00",
        // (12.5 - 10) t/a x 100,000 (NH3-N): the zone pays the fund. TP held = allocated: no entry.
        "TJ-V-02:2024:capacity:TJ-WFZ-01-nh3n:r1 " + ZONE + "->" + FUND + " 250000.00",
        // 100,000.4 allocated, 100,000 of 2024 quota held (CQ-2023-9 is another year's): 0.4 t x 60.
        "TJ-V-02:2024:carbon:E1:r1 " + FUND + "->一号钢厂 24.00",
        // 123.4567 t above allocation x 60 = 7,407.402 -> 7,407.40.
        "TJ-V-02:2024:carbon:E2:r1 二号水泥->" + FUND + " 7407.40");
    assertThat(summary.notSettled()).contains(
        "TJ-V-02 2024: 1 enterprise(s) with an allocation hold no carbon quota issued in 2024",
        "TJ-V-02 2024: 1 holder(s) of 2024 carbon quota have no allocation in gold.enterprise_emissions");
    Row e2 = lake.catalog.read(FinanceTables.COMPENSATION_LEDGER).where("entry_id = 'TJ-V-02:2024:carbon:E2:r1'").head();
    assertThat(e2.<String>getAs("basis")).contains("\"quota_type\":\"carbon\"", "\"allocated\":50000.0",
        "\"held\":50123.4567", "\"rate_yuan_per_unit\":60", "\"exact_yuan\":7407.402");
    assertThat(e2.<String>getAs("parameter_set")).startsWith(params.version());
    assertThat(e2.<String>getAs("run_id")).isNotBlank();
  }

  @Test
  @Order(2)
  void damageEntriesArePaidByTheViolatorAtThePenaltyOfTheSeverity() {
    assertThat(entries("damage")).containsExactly(
        "TJ-D-01:2024-03:CE-1:r1 一号钢厂->" + DAMAGE_FUND + " 50000.00",
        "TJ-D-01:2024-04:CE-2:r1 二号水泥->" + DAMAGE_FUND + " 1000000.00",
        // 1,500 m² to restore × 60 yuan/m² (GB/T 39791.1-2020 restoration cost), not the serious penalty of 200,000.
        "TJ-D-01:2024-05:CE-5:r1 一号钢厂->" + DAMAGE_FUND + " 90000.00");
    String fallback = lake.catalog.read(FinanceTables.COMPENSATION_LEDGER).where("entry_id = 'TJ-D-01:2024-03:CE-1:r1'")
        .head().getAs("basis");
    assertThat(fallback).contains("\"fallback\":true");
    String restored = lake.catalog.read(FinanceTables.COMPENSATION_LEDGER).where("entry_id = 'TJ-D-01:2024-05:CE-5:r1'")
        .head().getAs("basis");
    assertThat(restored).contains("\"fallback\":false", "\"restoration_unit\":\"m2\"");
    assertThat(summary.notSettled()).contains("TJ-D-01 2024: 1 violation(s) of persons are not damage entries");
    // The penalties, the unit restoration costs and the quota rates are Liangshan orders of magnitude (illustrative):
    // every quota-keyed and damage amount is proportional to one of them.
    assertThat(lake.catalog.read(FinanceTables.COMPENSATION_LEDGER).where("method IN ('damage', 'vertical_quota')")
        .collectAsList()).hasSize(7).allSatisfy(r -> assertThat(r.<Double>getAs("illustrative_share")).isEqualTo(1.0));
  }

  @Test
  @Order(3)
  void everyPeriodBalancesWithTheNewEntryKinds() {
    assertThat(summary.balanced()).isTrue();
    Map<String, Row> sums = lake.catalog.read(FinanceTables.COMPENSATION_POSTINGS).groupBy("period")
        .agg(functions.sum("debit_yuan").as("d"), functions.sum("credit_yuan").as("c"), functions.count("*").as("n"))
        .collectAsList().stream().collect(Collectors.toMap(r -> r.getString(0), r -> r));
    assertThat(sums.keySet()).containsExactlyInAnyOrder("2024", "2024-03", "2024-04", "2024-05");
    sums.values().forEach(r -> assertThat(r.getDecimal(1)).isEqualByComparingTo(r.getDecimal(2)));
    // 2024: the GEP-keyed 5e8, the four quota entries, the P-index 2e8 (TJ-H-01) and 5e7 with its quantity
    // term 1,622,400 (TJ-H-03), Jizhou's 1e8; 2024-04: Jiangsu 421,200 and damage 1,000,000.
    assertThat(sums.get("2024").getDecimal(1)).isEqualByComparingTo("852183581.40");
    assertThat(sums.get("2024").getLong(3)).isEqualTo(22);
    assertThat(sums.get("2024-04").getDecimal(1)).isEqualByComparingTo("1421200");
    assertThat(sums.get("2024-03").getDecimal(1)).isEqualByComparingTo("50000");
  }

  @Test
  @Order(4)
  void aRecomputationWithAChangedCapacityIsANewRevisionBesideTheApprovedOneWithItsDiff() {
    LedgerBook book = new LedgerBook(lake.catalog);
    book.act(lake.run("ledger", tianjin, "2024", params), "tianjin", "2024", Optional.empty(), ReviewWorkflow.Action.REVIEW,
        "wang", null, clock);
    book.act(lake.run("ledger", tianjin, "2024", params), "tianjin", "2024", Optional.empty(), ReviewWorkflow.Action.APPROVE,
        "li", "quota statements checked", clock);
    book.act(lake.run("ledger", tianjin, "2024-03", params), "tianjin", "2024-03", Optional.empty(),
        ReviewWorkflow.Action.REVIEW, "wang", null, clock);
    // The COD occupation of the zone is corrected from 100.25 to 110.25 t/a: (120.5 - 110.25) x 15,000 = 153,750.
    String location = lake.catalog.location(MarketTables.ZONE_CAPACITY);
    lake.spark.sql("DELETE FROM delta.`" + location + "` WHERE zone_id = 'TJ-WFZ-01' AND pollutant = 'COD'");
    lake.write(MarketTables.ZONE_CAPACITY, "tianjin", Lakehouse.rows(capacity("COD", 120.5, 110.25)));
    CompensationJob.Summary next = CompensationJob.run(lake.run("compensation", tianjin, "2024", params), tianjin, 2024, params);
    assertThat(next.revised()).extracting(p -> p.period() + " -> r" + p.revision() + " " + p.write())
        .containsExactly("2024 -> r2 true", "2024-03 -> r1 false");

    LedgerBook.RevisionDiff diff = book.diff("tianjin", "2024", Optional.empty(), Optional.empty());
    assertThat(diff.from().revision()).isEqualTo(1);
    assertThat(diff.to().revision()).isEqualTo(2);
    assertThat(diff.changes()).singleElement().satisfies(c -> {
      assertThat(c.entryKey()).isEqualTo("TJ-V-02:2024:capacity:TJ-WFZ-01-cod");
      assertThat(c.kind()).isEqualTo("changed");
      assertThat(c.amountBefore()).isEqualByComparingTo("303750");
      assertThat(c.amountAfter()).isEqualByComparingTo("153750");
      assertThat(c.deltaYuan()).isEqualByComparingTo("-150000");
      assertThat(c.basisChanged()).contains("held", "allocated_minus_held", "exact_yuan");
    });
    List<Row> frozen = lake.catalog.read(FinanceTables.COMPENSATION_LEDGER).where("period = '2024' AND revision = 1")
        .collectAsList();
    assertThat(frozen).hasSize(11).allSatisfy(r -> assertThat(r.<String>getAs("status")).isEqualTo("approved"));
    assertThat(frozen).filteredOn(r -> r.getAs("entry_id").equals("TJ-V-02:2024:capacity:TJ-WFZ-01-cod:r1"))
        .singleElement().satisfies(r -> assertThat(r.<BigDecimal>getAs("amount_yuan")).isEqualByComparingTo("303750"));
    List<Row> sums = lake.catalog.read(FinanceTables.COMPENSATION_POSTINGS).groupBy("period", "revision")
        .agg(functions.sum("debit_yuan"), functions.sum("credit_yuan")).collectAsList();
    assertThat(sums).hasSize(5).allSatisfy(r -> assertThat(r.getDecimal(2)).isEqualByComparingTo(r.getDecimal(3)));
  }

  @Test
  @Order(5)
  void theXlsxExportHasASheetPerNewAgreementWhoseTotalsEqualTheTable() throws Exception {
    Path dir = Path.of("target", "ledger-export-quota-damage-test");
    LedgerExport.Result result = new LedgerExport(lake.catalog).write("tianjin", 2024, false, dir, true, true, clock.instant());
    // 2024 shows its approved revision 1, the others their latest.
    assertThat(result.revisions()).extracting(s -> s.period() + " r" + s.revision())
        .containsExactly("2024 r1", "2024-03 r1", "2024-04 r1", "2024-05 r1");
    String shown = "revision = 1";
    try (var in = Files.newInputStream(dir.resolve("tianjin-2024-ledger.xlsx"));
        var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
      var evaluator = wb.getCreationHelper().createFormulaEvaluator();
      assertThat(wb.getNumberOfSheets()).isEqualTo(8);
      for (String agreement : List.of("TJ-V-02", "TJ-D-01")) {
        var sheet = wb.getSheet(agreement);
        assertThat(sheet).as(agreement).isNotNull();
        var total = sheet.getRow(sheet.getLastRowNum()).getCell(LedgerExport.AMOUNT_COLUMN);
        BigDecimal fromSheet = BigDecimal.valueOf(evaluator.evaluate(total).getNumberValue()).setScale(2, RoundingMode.HALF_EVEN);
        Row byTable = lake.catalog.read(FinanceTables.COMPENSATION_LEDGER)
            .where(functions.col("agreement_id").equalTo(agreement)).where(shown).agg(functions.sum("amount_yuan")).head();
        assertThat(fromSheet).as(agreement).isEqualByComparingTo(byTable.getDecimal(0));
        assertThat(result.totalsByAgreement().get(agreement)).isEqualByComparingTo(byTable.getDecimal(0));
      }
      // By hand: 303,750 + 250,000 + 24 + 7,407.40 and 50,000 + 1,000,000 + 90,000.
      assertThat(result.totalsByAgreement().get("TJ-V-02")).isEqualByComparingTo("561181.40");
      assertThat(result.totalsByAgreement().get("TJ-D-01")).isEqualByComparingTo("1140000");
    }
    Row table = lake.catalog.read(FinanceTables.COMPENSATION_LEDGER).where(shown).agg(functions.sum("amount_yuan")).head();
    assertThat(result.totalYuan()).isEqualByComparingTo(table.getDecimal(0));
    assertThat(Files.readAllLines(dir.resolve("tianjin-2024-ledger.csv")))
        .anySatisfy(l -> assertThat(l).contains("TJ-D-01:2024-04:CE-2:r1,TJ-D-01,damage,二号水泥," + DAMAGE_FUND + ",1000000.00"));
  }
}
