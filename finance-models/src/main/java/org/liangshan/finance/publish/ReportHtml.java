package org.liangshan.finance.publish;

import static org.liangshan.finance.publish.ValuationReport.percent;
import static org.liangshan.finance.publish.ValuationReport.yuan;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A valuation report as one self-contained HTML page: inline CSS with print styles, no scripts, no
 * external assets, so it opens the same in any browser and prints on A4.
 */
public final class ReportHtml {
  private ReportHtml() {}

  private static final String CSS = """
      body{font-family:"Noto Sans CJK SC","Noto Sans SC","Microsoft YaHei","PingFang SC",Arial,sans-serif;color:#1a1a1a;
        margin:24px auto;max-width:1100px;padding:0 16px;font-size:14px;line-height:1.45}
      h1{font-size:22px;margin:0 0 4px} h2{font-size:17px;margin:28px 0 8px;border-bottom:2px solid #2f6b3a;padding-bottom:3px}
      h3{font-size:15px;margin:18px 0 6px}
      .sub{color:#555;margin:0 0 16px}
      .cards{display:flex;gap:12px;flex-wrap:wrap;margin:12px 0}
      .card{border:1px solid #ccc;border-radius:6px;padding:8px 12px;min-width:170px}
      .card .k{font-size:12px;color:#555} .card .v{font-size:18px;font-weight:bold;font-variant-numeric:tabular-nums}
      .ok{color:#1d6b2c} .bad{color:#b00020}
      .status{font-weight:bold;padding:2px 8px;border-radius:4px;display:inline-block}
      .status.ok{background:#e3f3e6} .status.bad{background:#fde7ea}
      table{border-collapse:collapse;width:100%;margin:6px 0 10px}
      th,td{border:1px solid #d0d0d0;padding:4px 6px;text-align:left;vertical-align:top}
      th{background:#f1f4f1;font-weight:600;font-size:13px}
      td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
      .flags{border:2px solid #b00020;background:#fff6f7;padding:8px 14px;border-radius:6px}
      .flags li{margin:3px 0}
      .noflags{border:1px solid #2f6b3a;background:#f3faf4;padding:8px 14px;border-radius:6px}
      ol.steps{margin:4px 0 8px 18px;padding:0} ol.steps li{font-family:Consolas,"DejaVu Sans Mono",monospace;font-size:13px;margin:2px 0}
      code,pre{font-family:Consolas,"DejaVu Sans Mono",monospace;font-size:12px}
      pre{background:#f6f6f6;border:1px solid #ddd;padding:6px 8px;white-space:pre-wrap;word-break:break-all}
      .pledge{border:1px solid #ccc;border-radius:6px;padding:6px 14px;margin:12px 0;page-break-inside:avoid}
      .note{color:#555;font-size:12px}
      dl.glossary dt{font-weight:bold;margin-top:6px} dl.glossary dd{margin:0 0 0 16px}
      footer{margin-top:30px;color:#666;font-size:12px;border-top:1px solid #ccc;padding-top:6px}
      @media print{body{margin:0;max-width:none;font-size:11pt} h2{page-break-after:avoid} .pledge,table{page-break-inside:avoid}
        .card{border-color:#999} a{color:inherit;text-decoration:none}}
      @page{size:A4;margin:14mm}
      """;

  public static String render(ValuationReport r) {
    StringBuilder h = new StringBuilder();
    List<String> flags = r.flags();
    boolean breach = r.headroomYuan().signum() < 0 || r.pledges().stream().anyMatch(p -> p.status().equals("ltv_breach"));
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Collateral valuation ")
        .append(e(r.loanId())).append(' ').append(r.valuationDate()).append("</title>\n<style>\n").append(CSS)
        .append("</style>\n</head>\n<body>\n");
    h.append("<h1>Collateral valuation report (抵质押品估值报告)</h1>\n");
    h.append("<p class=\"sub\">Loan <b>").append(e(r.loanId())).append("</b> of bank <b>").append(e(r.bankId()))
        .append("</b> · region ").append(e(r.region())).append(" · valuation date <b>").append(r.valuationDate())
        .append("</b> · amounts in yuan (CNY), rounded to the fen</p>\n");
    h.append("<div class=\"cards\">\n");
    card(h, "Loan outstanding", yuan(r.outstandingYuan()), "");
    card(h, "Collateral value (after haircut)", yuan(r.totalCollateralValueYuan()), "");
    card(h, "Max loan (value × LTV)", yuan(r.totalMaxLoanYuan()), "");
    card(h, r.headroomYuan().signum() < 0 ? "Shortfall (max loan − outstanding)" : "Headroom (max loan − outstanding)",
        yuan(r.headroomYuan()), r.headroomYuan().signum() < 0 ? "bad" : "ok");
    h.append("<div class=\"card\"><div class=\"k\">Loan status</div><div class=\"v\"><span class=\"status ")
        .append(breach ? "bad\">LTV BREACH" : flags.isEmpty() ? "ok\">OK" : "bad\">OK, " + flags.size() + " FLAG"
            + (flags.size() == 1 ? "" : "S") + " TO CHECK").append("</span></div></div>\n");
    h.append("</div>\n");

    h.append("<h2>1. Flags</h2>\n");
    if (flags.isEmpty()) {
      h.append("<div class=\"noflags\">No flags: every pledged right was valued at market prices, none is retired,"
          + " expired or pledged twice, and the loan is within its max loan.</div>\n");
    } else {
      h.append("<div class=\"flags\"><ul>\n");
      flags.forEach(f -> h.append("<li>").append(e(f)).append("</li>\n"));
      h.append("</ul></div>\n");
    }

    h.append("<h2>2. Pledged rights</h2>\n<table>\n<tr><th>Pledge</th><th>Right</th><th>Type</th><th>Quantity</th>"
        + "<th>Valuation price</th><th>Price basis</th><th>Haircut</th><th>LTV</th><th>Collateral value</th>"
        + "<th>Max loan</th><th>Margin-call price</th><th>Status</th></tr>\n");
    for (ValuationReport.Pledge p : r.pledges()) {
      h.append("<tr><td>").append(e(p.pledgeId())).append("</td><td>").append(e(p.rightId())).append("</td><td>")
          .append(e(p.rightType().map(ReportHtml::typeName).orElse("unknown"))).append("</td><td class=\"n\">")
          .append(e(p.quantityText(p.quantity()))).append("</td><td class=\"n\">").append(opt(p.valuationPrice(), p::priceText))
          .append("</td><td>").append(basisName(p)).append("</td><td class=\"n\">").append(opt(p.haircut(), ValuationReport::percent))
          .append("</td><td class=\"n\">").append(opt(p.ltv(), ValuationReport::percent)).append("</td><td class=\"n\">")
          .append(opt(p.collateralValueYuan(), ValuationReport::yuan)).append("</td><td class=\"n\">")
          .append(opt(p.maxLoanYuan(), ValuationReport::yuan)).append("</td><td class=\"n\">")
          .append(opt(p.marginCallPrice(), p::priceText)).append("</td><td><span class=\"status ")
          .append(p.status().equals("ok") ? "ok" : "bad").append("\">").append(e(statusName(p.status())))
          .append("</span></td></tr>\n");
    }
    h.append("<tr><th colspan=\"8\">Total of the valued pledges</th><td class=\"n\"><b>").append(yuan(r.totalCollateralValueYuan()))
        .append("</b></td><td class=\"n\"><b>").append(yuan(r.totalMaxLoanYuan())).append("</b></td><td colspan=\"2\"></td></tr>\n");
    h.append("</table>\n<p class=\"note\">Each quantity is shown in its unit and each price in yuan (元) per that unit: tCO2e"
        + " for carbon quotas and sink credits, t/a of allowed load for eco-vouchers and discharge rights (a voucher won at"
        + " auction in kg/a is converted to t/a before it is priced), MWh, tce or ha for the others.</p>\n");

    h.append("<h2>3. How each number was computed</h2>\n");
    for (ValuationReport.Pledge p : r.pledges()) {
      h.append("<div class=\"pledge\">\n<h3>Pledge ").append(e(p.pledgeId())).append(" · right ").append(e(p.rightId()))
          .append("</h3>\n");
      h.append("<table>\n<tr><th>Price used</th><th>Value</th><th>Source</th></tr>\n");
      h.append("<tr><td>Spot (last trade on or before the date)</td><td class=\"n\">").append(opt(p.spotPrice(), p::priceText))
          .append("</td><td>platform trades (silver.trades)</td></tr>\n");
      h.append("<tr><td>").append(r.parameters().windowTradingDays()).append("-trading-day average (volume-weighted)</td><td class=\"n\">")
          .append(opt(p.avgPrice20d(), p::priceText)).append("</td><td>").append(p.tradesInWindow())
          .append(" trades in the window</td></tr>\n");
      h.append("<tr><td><b>Valuation price</b></td><td class=\"n\"><b>").append(opt(p.valuationPrice(), p::priceText))
          .append("</b></td><td>").append(e(sourceText(p, r.parameters()))).append("</td></tr>\n</table>\n");
      List<org.liangshan.finance.model.VolatilityHaircut.DailyPrice> history = r.priceHistories().get(p.pledgeId());
      if (history != null) {
        PriceChart.svg(history, r.valuationDate(), p.valuationPrice(), p.haircut(), p.marginCallPrice()).ifPresent(svg -> h
            .append("<p class=\"note\">Price history of the instrument").append(p.haircutBasis()
                .map(b -> " " + e(b.series())).orElse("")).append(" (daily volume-weighted prices) against the valuation"
                + " price, the haircut band (the part of the price not lent against) and the margin-call line:</p>\n")
            .append(svg));
      }
      h.append("<ol class=\"steps\">\n");
      ValuationReport.steps(p, r.parameters()).forEach(s -> h.append("<li>").append(e(s)).append("</li>\n"));
      h.append("</ol>\n");
      if (!p.notes().isBlank()) {
        h.append("<p class=\"note\">Valuation note: ").append(e(p.notes())).append("</p>\n");
      }
      if (!p.stresses().isEmpty()) {
        h.append("<p><b>Stress test</b>: the valuation price shocked, everything else unchanged. “Loan breach” means the"
            + " loan's outstanding would exceed the max loan of all its pledges at that shock.</p>\n<table>\n<tr><th>Price shock</th>"
            + "<th>Stressed price</th><th>Collateral value</th><th>Max loan</th><th>Loan breach</th>"
            + "<th>Top-up to restore the value</th></tr>\n");
        for (ValuationReport.Stress s : p.stresses()) {
          h.append("<tr><td class=\"n\">").append(percent(s.shock())).append("</td><td class=\"n\">").append(e(p.priceText(s.stressedPrice())))
              .append("</td><td class=\"n\">").append(yuan(s.collateralValueYuan())).append("</td><td class=\"n\">")
              .append(yuan(s.maxLoanYuan())).append("</td><td>").append(s.ltvBreach() ? "<span class=\"bad\">yes</span>" : "no")
              .append("</td><td class=\"n\">").append(e(p.quantityText(s.topupQuantity()))).append("</td></tr>\n");
        }
        h.append("</table>\n");
      }
      ReportJson.calcInput(p, r.parameters()).ifPresent(c -> h.append("<p class=\"note\">Reproduce this pledge's numbers:</p>\n<pre>")
          .append(e("liangshan calc collateral --json '" + c + "'")).append("</pre>\n"));
      h.append("</div>\n");
    }

    h.append("<h2>4. Audit trail</h2>\n<table>\n");
    row(h, "Run id", r.audit().runId());
    row(h, "Command", r.audit().command());
    row(h, "Run started / finished (UTC)", r.audit().startedAt() + " / " + r.audit().finishedAt());
    row(h, "Methodology version", r.audit().methodologyVersion());
    row(h, "Parameter-set version", r.parameters().parameterSet());
    row(h, "Parameters used", "trigger drop " + percent(r.parameters().triggerDrop()) + "; price window "
        + r.parameters().windowTradingDays() + " trading days; thin market below " + r.parameters().thinMarketMinTrades()
        + " trades; stress shocks " + String.join(", ", r.parameters().shocks().stream().map(ValuationReport::percent).toList()));
    h.append("</table>\n<h3>Input tables as read (Delta versions)</h3>\n<table>\n<tr><th>Table</th><th>Delta version</th></tr>\n");
    for (Map.Entry<String, Long> in : r.audit().inputVersions().entrySet()) {
      h.append("<tr><td><code>").append(e(in.getKey())).append("</code></td><td class=\"n\">").append(in.getValue())
          .append("</td></tr>\n");
    }
    h.append("</table>\n<p class=\"note\">To see an input as it was: <code>liangshan sql \"SELECT * FROM silver.trades VERSION AS OF n\"</code>"
        + " with the version above. To rebuild this report: <code>liangshan valuate --loan ").append(e(r.loanId()))
        .append(" --date ").append(r.valuationDate()).append("</code>.</p>\n");

    h.append("<h2>5. Terms</h2>\n<dl class=\"glossary\">\n");
    term(h, "Valuation price", "the lower of the last trade price (spot) and the volume-weighted average of the last "
        + r.parameters().windowTradingDays() + " trading days; when fewer than " + r.parameters().thinMarketMinTrades()
        + " trades happened in that window the market is thin and the lower of the benchmark price and the last trade is used"
        + " instead (the report says so). Prices are those of the pledged right's own instrument: the same right type and"
        + " subject (pollutant or CO₂), never another subject's.");
    term(h, "Haircut", "the share of the value deducted for price and liquidity risk: the observed volatility of the"
        + " instrument's own platform prices over " + r.parameters().baseHoldingDays() + " days (annualised σ of daily log"
        + " returns × z of the confidence × √(" + r.parameters().baseHoldingDays() + " / 250)), scaled by √(days to sell the"
        + " pledge / " + r.parameters().baseHoldingDays() + ") when the pledge takes longer to sell at its share of the"
        + " average daily volume (the liquidity add-on), never below the configured haircut of the type and capped; in a"
        + " thin market, where too few prices are observed, the cap.");
    term(h, "Collateral value", "quantity × valuation price × (1 − haircut) × term factor: a right priced per year (eco-voucher,"
        + " discharge right) counts each remaining year of its term, discounted; other rights have a term factor of 1.");
    term(h, "LTV / max loan", "loan-to-value ratio per right type; max loan = collateral value × LTV, and for a right expiring"
        + " before the loan matures, × the share of the loan's remaining term it covers.");
    term(h, "Margin-call price", "valuation price × (1 − trigger drop): at or below it the bank calls for more collateral.");
    term(h, "Top-up", "the quantity of the same right to add so that the collateral value is restored at the margin-call"
        + " (or stressed) price.");
    term(h, "Flags", "retired (surrendered) and expired rights, and a second pledge of a right that already backs another"
        + " loan, are not valued and not counted.");
    h.append("</dl>\n<footer>Liangshan · generated from gold.collateral_valuation and gold.collateral_stress of run ")
        .append(e(r.audit().runId())).append("</footer>\n</body>\n</html>\n");
    return h.toString();
  }

  private static void card(StringBuilder h, String key, String value, String cls) {
    h.append("<div class=\"card\"><div class=\"k\">").append(e(key)).append("</div><div class=\"v ").append(cls).append("\">")
        .append(e(value)).append("</div></div>\n");
  }

  private static void row(StringBuilder h, String key, String value) {
    h.append("<tr><th>").append(e(key)).append("</th><td>").append(e(value)).append("</td></tr>\n");
  }

  private static void term(StringBuilder h, String key, String value) {
    h.append("<dt>").append(e(key)).append("</dt><dd>").append(e(value)).append("</dd>\n");
  }

  private static String basisName(ValuationReport.Pledge p) {
    return switch (p.priceBasis()) {
      case "market" -> "market (min of spot and average)";
      case "benchmark" -> "<span class=\"bad\">benchmark (thin market)</span>";
      case "last_trade" -> "<span class=\"bad\">last trade (thin market)</span>";
      default -> "none";
    };
  }

  private static String sourceText(ValuationReport.Pledge p, ValuationReport.Parameters params) {
    return switch (p.priceBasis()) {
      case "market" -> "the lower of spot and the " + params.windowTradingDays() + "-day average";
      case "benchmark" -> "THIN MARKET (" + p.tradesInWindow() + " trades, fewer than " + params.thinMarketMinTrades()
          + "): benchmark price from " + p.priceSourceDetail();
      case "last_trade" -> "THIN MARKET (" + p.tradesInWindow() + " trades, fewer than " + params.thinMarketMinTrades()
          + "): last trade " + p.priceSourceDetail() + ", below the benchmark";
      default -> "no price: " + p.notes();
    };
  }

  static String typeName(String type) {
    return switch (type) {
      case "carbon_quota" -> "carbon quota";
      case "carbon_sink_credit" -> "carbon-sink credit";
      case "eco_voucher" -> "eco-voucher";
      case "discharge_right" -> "discharge right";
      case "forest_right" -> "forest right";
      default -> type;
    };
  }

  static String statusName(String status) {
    return switch (status) {
      case "ok" -> "ok";
      case "ltv_breach" -> "LTV breach";
      case "refused_double_pledge" -> "double pledge refused";
      case "retired" -> "retired";
      case "expired" -> "expired";
      case "unknown_right" -> "unknown right";
      case "no_price" -> "no price";
      case "unsupported_right_type" -> "not valued";
      default -> status;
    };
  }

  private static <T> String opt(Optional<T> value, java.util.function.Function<T, String> format) {
    return value.map(format).map(ReportHtml::e).orElse("–");
  }

  static String e(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder s = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> s.append("&lt;");
        case '>' -> s.append("&gt;");
        case '&' -> s.append("&amp;");
        case '"' -> s.append("&quot;");
        case '\'' -> s.append("&#39;");
        default -> s.append(c);
      }
    }
    return s.toString();
  }

}
