package org.liangshan.finance.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.param.ParameterSet;
import org.liangshan.core.region.Region;
import org.liangshan.core.region.Regions;
import org.liangshan.finance.CompensationJob;
import org.liangshan.finance.FinanceTables;
import org.liangshan.finance.PublishFixtures;
import org.liangshan.finance.model.LedgerRevisions;
import org.liangshan.finance.model.ReviewWorkflow.Action;

/** The review workflow on a real lakehouse: review, approve, reject, frozen periods, revisions and diffs. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LedgerReviewTest {
  /** A copy of the lakehouse after the shared compensation run of Tianjin 2024 (every period a draft). */
  private final PublishFixtures lake = PublishFixtures.afterCompensation();
  private final Region tianjin = Regions.load("tianjin");
  private final ParameterSet params = ParameterSet.forRegion(tianjin);
  private final Clock clock = Clock.fixed(Instant.parse("2025-01-10T08:00:00Z"), ZoneOffset.UTC);
  private final LedgerBook book = new LedgerBook(lake.catalog());

  private Row act(String period, Action action, String by, String reason) {
    return book.act(lake.run("ledger-" + action.word(), tianjin, period, params), "tianjin", period, Optional.empty(),
        action, by, reason, clock);
  }

  @Test
  @Order(1)
  void listsEveryPeriodAsADraftRevisionOne() {
    assertThat(book.revisions("tianjin", Optional.of(2024)))
        .extracting(s -> s.period() + " r" + s.revision() + " " + s.status() + " " + s.entries())
        .containsExactly("2024 r1 draft 7", "2024-04 r1 draft 1", "2024-05 r1 draft 1");
  }

  @Test
  @Order(2)
  void approvingAnUnreviewedPeriodIsRefused() {
    assertThatThrownBy(() -> act("2024-04", Action.APPROVE, "li", null))
        .isInstanceOf(LiangshanException.class)
        .hasMessage("Ledger tianjin 2024-04 revision 1 is a draft that nobody has reviewed: run 'liangshan ledger review' first.")
        .satisfies(e -> assertThat(((LiangshanException) e).kind()).isEqualTo(LiangshanException.Kind.BAD_INPUT));
    assertThatThrownBy(() -> book.detail("tianjin", "2024-13", Optional.empty()))
        .hasMessageStartingWith("Ledger period 2024-13 of region tianjin is unknown: known periods are 2024, 2024-04");
  }

  @Test
  @Order(3)
  void reviewThenApproveByAnotherPersonFreezesThePeriod() {
    Row reviewed = act("2024-04", Action.REVIEW, "wang", null);
    assertThat(reviewed.<String>getAs("to_status")).isEqualTo("reviewed");
    assertThatThrownBy(() -> act("2024-04", Action.APPROVE, "wang", null))
        .hasMessage("Ledger tianjin 2024-04 revision 1 was reviewed by wang: the approval must be done by someone else (four eyes).");
    Row approved = act("2024-04", Action.APPROVE, "li", "matches the monitoring report");
    assertThat(approved.<String>getAs("from_status")).isEqualTo("reviewed");
    assertThat(approved.<BigDecimal>getAs("total_yuan")).isEqualByComparingTo("421200");
    assertThat(approved.<String>getAs("content_sha256")).isEqualTo(reviewed.getAs("content_sha256"));

    assertThat(statuses(FinanceTables.COMPENSATION_LEDGER, "2024-04")).containsOnly("approved");
    assertThat(statuses(FinanceTables.COMPENSATION_POSTINGS, "2024-04")).containsExactly("approved", "approved");
    assertThatThrownBy(() -> act("2024-04", Action.REVIEW, "zhao", null))
        .hasMessageStartingWith("Ledger tianjin 2024-04 revision 1 is approved by li at 2025-01-10T08:00:00Z"
            + " (matches the monitoring report) and frozen: it cannot be reviewed again.");
    assertThatThrownBy(() -> act("2024-04", Action.REJECT, "zhao", "late"))
        .hasMessageContaining("is already approved by li");
  }

  @Test
  @Order(4)
  void aRejectedPeriodCannotBeApproved() {
    act("2024-05", Action.REVIEW, "wang", null);
    assertThatThrownBy(() -> act("2024-05", Action.REJECT, "li", " "))
        .hasMessage("Ledger tianjin 2024-05 revision 1: a rejection needs --reason TEXT.");
    act("2024-05", Action.REJECT, "li", "CODMn sample of 14 May is under re-analysis");
    assertThatThrownBy(() -> act("2024-05", Action.APPROVE, "zhao", null))
        .hasMessage("Ledger tianjin 2024-05 revision 1 was rejected by li at 2025-01-10T08:00:00Z (CODMn sample of 14 May"
            + " is under re-analysis): a rejected revision cannot be approved; recompute the period to make a new revision.");
  }

  @Test
  @Order(5)
  void aRecomputationWithChangedInputsWritesANewRevisionBesideTheApprovedOneWithItsDiff() {
    // A second April TP sample of 0.45 mg/L: the month's TP mean goes from 0.35 to 0.40 mg/L, so the TP amount
    // doubles from 0.05 x 12.96 t x 1e5 = 64,800 to 129,600 yuan and April's net from 421,200 to 486,000.
    lake.addWaterQuality("TJ-S03", "2024-04-20T02:00:00Z", "manual", "tp", 0.45);
    CompensationJob.Summary summary = CompensationJob.run(lake.run("compensation", tianjin, "2024", params), tianjin, 2024,
        params);
    assertThat(summary.revised()).extracting(p -> p.period() + " -> r" + p.revision() + " " + p.write())
        .containsExactly("2024-04 -> r2 true", "2024-05 -> r2 true");

    assertThat(book.revisions("tianjin", Optional.of(2024)))
        .extracting(s -> s.period() + " r" + s.revision() + " " + s.status() + " " + s.totalYuan().toPlainString())
        .contains("2024-04 r1 approved 421200.00", "2024-04 r2 draft 486000.00", "2024-05 r1 rejected 200880.00",
            "2024-05 r2 draft 200880.00", "2024 r1 draft 851622400.00");

    LedgerBook.RevisionDiff diff = book.diff("tianjin", "2024-04", Optional.empty(), Optional.empty());
    assertThat(diff.from().revision()).isEqualTo(1);
    assertThat(diff.to().revision()).isEqualTo(2);
    assertThat(diff.changes()).singleElement().satisfies(c -> {
      assertThat(c.entryKey()).isEqualTo("TJ-H-02:2024-04");
      assertThat(c.kind()).isEqualTo("changed");
      assertThat(c.amountBefore()).isEqualByComparingTo("421200");
      assertThat(c.amountAfter()).isEqualByComparingTo("486000");
      assertThat(c.deltaYuan()).isEqualByComparingTo("64800");
      assertThat(c.basisChanged()).contains("amounts_yuan.tp", "factors[tp].measured_mg_l", "factors[tp].samples", "net_yuan");
    });
    assertThat(summary.revised().get(0).changes()).isEqualTo(diff.changes());
    // The same inputs again: the drafts are rewritten the same, the approved revision stays.
    CompensationJob.run(lake.run("compensation", tianjin, "2024", params), tianjin, 2024, params);
    assertThat(book.revisions("tianjin", Optional.of(2024))).hasSize(5);
    assertThat(statuses(FinanceTables.COMPENSATION_LEDGER, "2024-04")).containsExactlyInAnyOrder("approved", "draft");
  }

  @Test
  @Order(6)
  void onlyTheLatestRevisionCanBeActedOnAndEveryRevisionBalances() {
    assertThatThrownBy(() -> book.act(lake.run("ledger", tianjin, "2024-05", params), "tianjin", "2024-05",
        Optional.of(1), Action.REVIEW, "wang", null, clock))
        .hasMessage("Ledger tianjin 2024-05 revision 1 is superseded by revision 2: only the latest revision of a period can"
            + " be reviewed.");
    List<Row> sums = lake.catalog().read(FinanceTables.COMPENSATION_POSTINGS).groupBy("period", "revision")
        .agg(functions.sum("debit_yuan"), functions.sum("credit_yuan")).collectAsList();
    assertThat(sums).hasSize(5);
    assertThat(sums).allSatisfy(r -> assertThat(r.getDecimal(2)).isEqualByComparingTo(r.getDecimal(3)));
  }

  @Test
  @Order(7)
  void theHistoryIsAppendOnly() {
    List<Row> events = lake.catalog().read(PublicationTables.LEDGER_REVIEW_EVENTS).orderBy("event_id").collectAsList();
    assertThat(events).extracting(r -> r.getAs("event_id") + " " + r.getAs("action") + " " + r.getAs("actor"))
        .containsExactly("tianjin:2024-04:r1:1 review wang", "tianjin:2024-04:r1:2 approve li",
            "tianjin:2024-05:r1:1 review wang", "tianjin:2024-05:r1:2 reject li");
    String location = lake.catalog().location(PublicationTables.LEDGER_REVIEW_EVENTS);
    assertThatThrownBy(() -> lake.catalog().spark().sql("DELETE FROM delta.`" + location + "` WHERE actor = 'li'"))
        .hasMessageContaining("only allow appends");
    assertThatThrownBy(() -> lake.catalog().spark().sql("UPDATE delta.`" + location + "` SET actor = 'x'"))
        .hasMessageContaining("only allow appends");
    assertThat(LedgerRevisions.STATUSES).containsExactly("draft", "reviewed", "approved", "rejected");
  }

  @Test
  @Order(8)
  void theXlsxExportOpensAndItsTotalsEqualTheLedgerTable() throws Exception {
    java.nio.file.Path dir = java.nio.file.Path.of("target", "ledger-export-test");
    LedgerExport export = new LedgerExport(lake.catalog());
    LedgerExport.Result result = export.write("tianjin", 2024, false, dir, true, true, clock.instant());
    // Per period: 2024-04 shows its approved revision 1, the others their latest revision.
    assertThat(result.revisions()).extracting(s -> s.period() + " r" + s.revision())
        .containsExactly("2024 r1", "2024-04 r1", "2024-05 r2");
    Row table = lake.catalog().read(FinanceTables.COMPENSATION_LEDGER)
        .where("(period = '2024-04' AND revision = 1) OR (period = '2024-05' AND revision = 2)"
            + " OR period = '2024'")
        .agg(functions.sum("amount_yuan"), functions.count("*")).head();
    assertThat(result.totalYuan()).isEqualByComparingTo(table.getDecimal(0));

    try (var in = java.nio.file.Files.newInputStream(dir.resolve("tianjin-2024-ledger.xlsx"));
        var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
      var evaluator = wb.getCreationHelper().createFormulaEvaluator();
      assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("Summary");
      assertThat(wb.getNumberOfSheets()).isEqualTo(6);
      for (String agreement : List.of("TJ-H-01", "TJ-H-02", "TJ-H-03", "TJ-V-01", "TJ-V-03")) {
        var sheet = wb.getSheet(agreement);
        var totalCell = sheet.getRow(sheet.getLastRowNum()).getCell(LedgerExport.AMOUNT_COLUMN);
        assertThat(totalCell.getCellFormula()).startsWith("SUM(G4:G");
        BigDecimal fromSheet = BigDecimal.valueOf(evaluator.evaluate(totalCell).getNumberValue())
            .setScale(2, java.math.RoundingMode.HALF_EVEN);
        Row byTable = lake.catalog().read(FinanceTables.COMPENSATION_LEDGER).where(functions.col("agreement_id").equalTo(agreement))
            .where("(period = '2024-04' AND revision = 1) OR (period = '2024-05' AND revision = 2)"
                + " OR period = '2024'")
            .agg(functions.sum("amount_yuan")).head();
        assertThat(fromSheet).as(agreement).isEqualByComparingTo(byTable.getDecimal(0));
        assertThat(result.totalsByAgreement().get(agreement)).isEqualByComparingTo(byTable.getDecimal(0));
        // beside the amount, its illustrative share (every Tianjin agreement's terms are illustrative)
        assertThat(sheet.getRow(2).getCell(LedgerExport.AMOUNT_COLUMN + 1).getStringCellValue())
            .startsWith("Share of the amount resting on illustrative parameters");
        assertThat(sheet.getRow(3).getCell(LedgerExport.AMOUNT_COLUMN + 1).getNumericCellValue()).as(agreement).isEqualTo(1.0);
      }
      var summary = wb.getSheet("Summary");
      org.apache.poi.ss.usermodel.Row all = null;
      for (var row : summary) {
        if (row.getCell(0) != null && row.getCell(0).getStringCellValue().startsWith("All agreements")) {
          all = row;
        }
        if (row.getCell(5) != null && row.getCell(5).getCellType() == org.apache.poi.ss.usermodel.CellType.FORMULA) {
          assertThat(evaluator.evaluate(row.getCell(5)).getNumberValue()).as("difference").isZero();
        }
      }
      assertThat(all).isNotNull();
      assertThat(BigDecimal.valueOf(evaluator.evaluate(all.getCell(3)).getNumberValue()).setScale(2, java.math.RoundingMode.HALF_EVEN))
          .isEqualByComparingTo(table.getDecimal(0));
      assertThat(evaluator.evaluate(all.getCell(2)).getNumberValue()).isEqualTo((double) table.getLong(1));
    }
    List<String> csv = java.nio.file.Files.readAllLines(dir.resolve("tianjin-2024-ledger.csv"));
    assertThat(csv.get(0)).isEqualTo("\uFEFF" + String.join(",", LedgerExport.CSV_COLUMNS));
    assertThat(csv).hasSize(1 + (int) table.getLong(1));
    assertThat(csv).anySatisfy(l -> assertThat(l).startsWith("tianjin,2024,2024-04,1,approved,TJ-H-02:2024-04:r1,TJ-H-02,"
        + "section-compensation,北京市,天津市,421200.00,1.0,"));

    LedgerExport.Result approved = export.write("tianjin", 2024, true, dir.resolve("approved"), true, false, clock.instant());
    assertThat(approved.entries()).isEqualTo(1);
    assertThat(approved.totalYuan()).isEqualByComparingTo("421200");
  }

  private List<String> statuses(org.liangshan.warehouse.TableDef def, String period) {
    return lake.catalog().read(def).where(functions.col("period").equalTo(period)).orderBy("revision")
        .collectAsList().stream().map(r -> r.<String>getAs("status")).toList();
  }
}
