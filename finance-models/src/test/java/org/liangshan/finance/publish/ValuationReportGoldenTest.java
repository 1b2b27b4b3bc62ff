package org.liangshan.finance.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.liangshan.core.method.Collateral;

/**
 * The valuation report's HTML and JSON against golden files. After an intended change, regenerate with
 * {@code -Dgolden.update=true} and review the diff of src/test/resources/golden/ before committing.
 */
class ValuationReportGoldenTest {
  private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

  /**
   * A loan with a market-valued quota (the METHODOLOGY.md example), a thin-market voucher (valued at the benchmark,
   * below its last trade 2,900,000, with the thin-market haircut: the cap 0.6) and a double pledge.
   */
  static ValuationReport report() {
    ValuationReport.Parameters params = new ValuationReport.Parameters("liyang-2025.1", new BigDecimal("0.15"), 20, 5,
        List.of(new BigDecimal("-0.1"), new BigDecimal("-0.2"), new BigDecimal("-0.3")));
    // METHODOLOGY.md section 7: 100,000 t at 90 (average 95), haircut 0, LTV 0.6 -> value 9.0e6, max loan 5.4e6.
    Collateral.Output quota = Collateral.compute(new Collateral.Input(new BigDecimal("100000"), new BigDecimal("90"),
        new BigDecimal("95"), BigDecimal.ZERO, new BigDecimal("0.6"), new BigDecimal("0.15"), null));
    ValuationReport.Pledge market = new ValuationReport.Pledge("PLG-001", "CQ-2024-0001", Optional.of("carbon_quota"), 100000,
        Optional.of(new BigDecimal("90")), Optional.of(new BigDecimal("95")), 12, Optional.of(quota.valuationPrice()),
        "market", Optional.of(BigDecimal.ZERO), Optional.of(new BigDecimal("0.6")), Optional.of(quota.collateralValue()),
        Optional.of(quota.maxLoan()), Optional.of(quota.marginCallPrice()), Optional.of(quota.topupQuantity().doubleValue()),
        "ok", "min(spot 90, 20-day average); 12 trades from 2024-12-04 to 2024-12-31",
        List.of(stress(quota, "-0.1", 0, 0.6, false), stress(quota, "-0.2", 0, 0.6, false), stress(quota, "-0.3", 0, 0.6, false)))
        .withUnits("tCO2e", "yuan per tCO2e");
    Collateral.Output voucher = Collateral.compute(new Collateral.Input(new BigDecimal("0.5"), new BigDecimal("2775493.34"),
        new BigDecimal("2775493.34"), new BigDecimal("0.6"), new BigDecimal("0.4"), new BigDecimal("0.15"), null));
    ValuationReport.Pledge thin = new ValuationReport.Pledge("PLG-002", "EV-LY-TP-0007", Optional.of("eco_voucher"), 0.5,
        Optional.of(new BigDecimal("2900000")), Optional.of(new BigDecimal("2900000")), 1, Optional.of(voucher.valuationPrice()),
        "benchmark:gold.benchmark_prices 2024 LY-WFZ-01 TP", Optional.of(new BigDecimal("0.6")),
        Optional.of(new BigDecimal("0.4")), Optional.of(voucher.collateralValue()), Optional.of(voucher.maxLoan()),
        Optional.of(voucher.marginCallPrice()), Optional.of(voucher.topupQuantity().doubleValue()), "ok",
        "thin market: 1 trades from 2024-12-04 to 2024-12-31 (< 5); valued at the benchmark 2775493.34",
        List.of(stress(voucher, "-0.1", 0.6, 0.4, false), stress(voucher, "-0.2", 0.6, 0.4, false),
            stress(voucher, "-0.3", 0.6, 0.4, false)))
        .withUnits("t/a", "yuan per t/a");
    ValuationReport.Pledge refused = new ValuationReport.Pledge("PLG-003", "CQ-2024-0002", Optional.of("carbon_quota"), 5000,
        Optional.empty(), Optional.empty(), 0, Optional.empty(), "none", Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), "refused_double_pledge",
        "right CQ-2024-0002 already backs an active pledge of loan LN-0042", List.of())
        .withUnits("tCO2e", null);
    ValuationReport.Audit audit = new ValuationReport.Audit("20250105T020000-valuation-0a1b2c3d", "methodology-2025.1",
        "liangshan valuate --loan LN-0007 --date 2024-12-31", "2025-01-05T02:00:00Z", "2025-01-05T02:00:09Z",
        Map.of("silver.loans", 3L, "silver.pledges", 3L, "silver.rights_issued", 2L, "silver.trades", 5L,
            "gold.benchmark_prices", 1L),
        Map.of("gold.collateral_valuation", 1L, "gold.collateral_stress", 1L));
    return new ValuationReport("liyang", "LN-0007", "BANK-ICBC-LY", LocalDate.parse("2024-12-31"), new BigDecimal("5500000"),
        List.of(market, thin, refused), params, sorted(audit));
  }

  private static ValuationReport.Audit sorted(ValuationReport.Audit a) {
    return new ValuationReport.Audit(a.runId(), a.methodologyVersion(), a.command(), a.startedAt(), a.finishedAt(),
        new java.util.TreeMap<>(a.inputVersions()), new java.util.TreeMap<>(a.outputVersions()));
  }

  private static ValuationReport.Stress stress(Collateral.Output base, String shock, double haircut, double ltv, boolean breach) {
    BigDecimal s = new BigDecimal(shock);
    BigDecimal price = base.valuationPrice().multiply(BigDecimal.ONE.add(s));
    BigDecimal keep = BigDecimal.ONE.subtract(BigDecimal.valueOf(haircut));
    BigDecimal quantity = base.collateralValue().divide(base.valuationPrice().multiply(keep), java.math.MathContext.DECIMAL128);
    BigDecimal value = quantity.multiply(price).multiply(keep);
    BigDecimal topup = base.collateralValue().divide(price.multiply(keep), java.math.MathContext.DECIMAL128).subtract(quantity);
    return new ValuationReport.Stress(s, price, value, value.multiply(BigDecimal.valueOf(ltv)), breach, topup.doubleValue());
  }

  @Test
  void theWorkedExampleIsInTheSteps() {
    ValuationReport r = report();
    assertThat(ValuationReport.steps(r.pledges().get(0), r.parameters())).containsExactly(
        "valuation price = min(spot 90.00, 20-day average 95.00) = 90.00 元/tCO2e",
        "collateral value = quantity 100,000 tCO2e x price 90.00 元/tCO2e x (1 - haircut 0) = 9,000,000.00",
        "max loan = value 9,000,000.00 x LTV 0.6 = 5,400,000.00",
        "margin-call price = price 90.00 x (1 - trigger drop 0.15) = 76.50 元/tCO2e",
        "top-up at the margin-call price = max(0, value / (76.50 x (1 - 0)) - quantity 100,000) = 17,647.059 tCO2e");
    assertThat(ValuationReport.steps(r.pledges().get(1), r.parameters()).get(0)).isEqualTo(
        "thin market (1 trades in 20 trading days, fewer than 5): valuation price = benchmark 2,775,493.34 元/(t/a),"
            + " the lower of the benchmark and the last trade (gold.benchmark_prices 2024 LY-WFZ-01 TP)");
    assertThat(r.flags()).containsExactly(
        "Pledge PLG-002 (right EV-LY-TP-0007): THIN MARKET, valued at the benchmark price, not at market prices (1 trades in the window).",
        "Pledge PLG-003 (right CQ-2024-0002): DOUBLE PLEDGE REFUSED, right CQ-2024-0002 already backs an active pledge of loan"
            + " LN-0042. It is not counted as collateral.");
    // 5.4e6 + 0.5 x 2,775,493.34 x (1 - thin-market haircut 0.6) x 0.4 = 5,622,039.4672 of max loan against 5.5e6
    // outstanding.
    assertThat(r.totalMaxLoanYuan()).isEqualByComparingTo("5622039.4672");
    assertThat(r.headroomYuan()).isEqualByComparingTo("122039.4672");
  }

  /** Every quantity is printed with its unit and every price with its price unit, in the HTML and in the JSON. */
  @Test
  void quantitiesAndPricesArePrintedWithTheirUnits() throws IOException {
    ValuationReport r = report();
    ValuationReport.Pledge voucher = r.pledges().get(1);
    assertThat(voucher.quantityText(0.98)).isEqualTo("0.98 t/a");
    assertThat(voucher.priceText(new BigDecimal("12536000"))).isEqualTo("12,536,000.00 元/(t/a)");
    assertThat(ValuationReport.steps(voucher, r.parameters())).anySatisfy(s -> assertThat(s)
        .startsWith("collateral value = quantity 0.5 t/a x price 2,775,493.34 元/(t/a) x (1 - haircut 0.6)"));
    String html = ReportHtml.render(r);
    assertThat(html).contains("<td class=\"n\">0.5 t/a</td><td class=\"n\">2,775,493.34 元/(t/a)</td>",
        "<td class=\"n\">100,000 tCO2e</td><td class=\"n\">90.00 元/tCO2e</td>", "<td class=\"n\">5,000 tCO2e</td><td class=\"n\">–</td>");
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(ReportJson.render(r)).get("pledges");
    assertThat(json.get(0).get("quantity_unit").asText()).isEqualTo("tCO2e");
    assertThat(json.get(0).get("price_unit").asText()).isEqualTo("yuan per tCO2e");
    assertThat(json.get(1).get("quantity_unit").asText()).isEqualTo("t/a");
    assertThat(json.get(1).get("price_unit").asText()).isEqualTo("yuan per t/a");
    // Not priced: the right's unit, no price unit.
    assertThat(json.get(2).get("quantity_unit").asText()).isEqualTo("tCO2e");
    assertThat(json.get(2).get("price_unit").isNull()).isTrue();
  }

  @Test
  void theReproduceLineGivesTheSameNumbersThroughCalc() {
    ValuationReport r = report();
    var calc = org.liangshan.core.calc.CalcRegistry.standard();
    for (ValuationReport.Pledge p : r.pledges().subList(0, 2)) {
      var input = ReportJson.calcInput(p, r.parameters()).orElseThrow();
      var out = calc.compute("collateral", input, org.liangshan.core.param.ParameterSet.defaults());
      assertThat(out.get("valuation_price").decimalValue()).isEqualByComparingTo(p.valuationPrice().orElseThrow());
      assertThat(out.get("collateral_value").decimalValue()).isEqualByComparingTo(p.collateralValueYuan().orElseThrow());
      assertThat(out.get("max_loan").decimalValue()).isEqualByComparingTo(p.maxLoanYuan().orElseThrow());
      assertThat(input.toString()).doesNotContain("E+");
    }
    assertThat(ReportJson.calcInput(r.pledges().get(2), r.parameters())).isEmpty();
  }

  @Test
  void htmlMatchesTheGoldenFile() throws IOException {
    String html = ReportHtml.render(report());
    assertThat(html).doesNotContain("http://", "https://", "<script", "<link");
    golden("valuation-report.html", html);
  }

  @Test
  void jsonMatchesTheGoldenFile() throws IOException {
    golden("valuation-report.json", ReportJson.render(report()));
  }

  private static void golden(String name, String actual) throws IOException {
    Path file = GOLDEN.resolve(name);
    if (Boolean.getBoolean("golden.update") || !Files.exists(file) && Boolean.getBoolean("golden.create")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    assertThat(file).as("golden file %s (regenerate with -Dgolden.update=true)", file).exists();
    assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }
}
