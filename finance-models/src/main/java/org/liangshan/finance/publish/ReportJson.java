package org.liangshan.finance.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Optional;

/** A valuation report as JSON: the stored values at full precision, the steps, flags and audit trail. */
public final class ReportJson {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ReportJson() {}

  public static String render(ValuationReport r) {
    ObjectNode root = JSON.createObjectNode();
    root.put("report", "collateral_valuation");
    root.put("region", r.region());
    root.put("loan_id", r.loanId());
    root.put("bank_id", r.bankId());
    root.put("valuation_date", r.valuationDate().toString());
    root.put("outstanding_yuan", r.outstandingYuan());
    root.put("total_collateral_value_yuan", r.totalCollateralValueYuan());
    root.put("total_max_loan_yuan", r.totalMaxLoanYuan());
    root.put("headroom_yuan", r.headroomYuan());
    ArrayNode flags = root.putArray("flags");
    r.flags().forEach(flags::add);
    ArrayNode pledges = root.putArray("pledges");
    for (ValuationReport.Pledge p : r.pledges()) {
      ObjectNode n = pledges.addObject();
      n.put("pledge_id", p.pledgeId());
      n.put("right_id", p.rightId());
      n.put("right_type", p.rightType().orElse(null));
      n.put("quantity", p.quantity());
      n.put("quantity_unit", p.quantityUnit().orElse(null));
      n.put("price_unit", p.priceUnit().orElse(null));
      n.put("status", p.status());
      n.put("notes", p.notes());
      ObjectNode prices = n.putObject("prices");
      put(prices, "spot_price", p.spotPrice());
      put(prices, "avg_price_20d", p.avgPrice20d());
      prices.put("trades_in_window", p.tradesInWindow());
      put(prices, "valuation_price", p.valuationPrice());
      prices.put("basis", p.priceBasis());
      prices.put("source", p.priceSource());
      put(n, "haircut", p.haircut());
      p.haircutBasis().ifPresent(h -> {
        ObjectNode b = n.putObject("haircut_basis");
        b.put("basis", h.basis());
        b.put("series", h.series());
        b.put("window_start", h.windowStart().map(java.time.LocalDate::toString).orElse(null));
        b.put("window_trading_days", h.windowTradingDays());
        b.put("price_days", h.priceDays());
        b.put("returns", h.returns());
        b.put("sigma_daily", h.sigmaDaily().orElse(null));
        b.put("sigma_annual", h.sigmaAnnual().orElse(null));
        b.put("confidence", h.confidence());
        b.put("z", h.z());
        b.put("liquidation_days", h.liquidationDays());
        b.put("base_holding_days", r.parameters().baseHoldingDays());
        b.put("trading_days_per_year", r.parameters().tradingDaysPerYear());
        b.put("volatility_haircut", h.volatilityHaircut().orElse(null));
        b.put("configured_haircut", h.configured());
        b.put("cap", h.cap());
        b.put("haircut", h.haircut());
        b.put("note", h.note());
      });
      put(n, "ltv", p.ltv());
      put(n, "collateral_value_yuan", p.collateralValueYuan());
      put(n, "max_loan_yuan", p.maxLoanYuan());
      put(n, "margin_call_price", p.marginCallPrice());
      if (p.topupQuantity().isPresent()) {
        n.put("topup_quantity", p.topupQuantity().get());
      } else {
        n.putNull("topup_quantity");
      }
      ArrayNode steps = n.putArray("steps");
      ValuationReport.steps(p, r.parameters()).forEach(steps::add);
      ArrayNode stresses = n.putArray("stresses");
      for (ValuationReport.Stress s : p.stresses()) {
        ObjectNode x = stresses.addObject();
        x.put("shock", s.shock());
        x.put("stressed_price", s.stressedPrice());
        x.put("collateral_value_yuan", s.collateralValueYuan());
        x.put("max_loan_yuan", s.maxLoanYuan());
        x.put("loan_ltv_breach", s.ltvBreach());
        x.put("topup_quantity", s.topupQuantity());
      }
      calcInput(p, r.parameters()).ifPresent(c -> n.set("reproduce_with_calc", c));
    }
    ObjectNode params = root.putObject("parameters");
    params.put("parameter_set", r.parameters().parameterSet());
    params.put("trigger_drop", r.parameters().triggerDrop());
    params.put("window_trading_days", r.parameters().windowTradingDays());
    params.put("thin_market_min_trades", r.parameters().thinMarketMinTrades());
    ArrayNode shocks = params.putArray("stress_shocks");
    r.parameters().shocks().forEach(shocks::add);
    ObjectNode audit = root.putObject("audit");
    audit.put("run_id", r.audit().runId());
    audit.put("methodology_version", r.audit().methodologyVersion());
    audit.put("command", r.audit().command());
    audit.put("started_at", r.audit().startedAt());
    audit.put("finished_at", r.audit().finishedAt());
    ObjectNode inputs = audit.putObject("input_delta_versions");
    r.audit().inputVersions().forEach(inputs::put);
    ObjectNode outputs = audit.putObject("output_delta_versions");
    r.audit().outputVersions().forEach(outputs::put);
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The input of {@code liangshan calc collateral} that reproduces a valued pledge's numbers. */
  static Optional<ObjectNode> calcInput(ValuationReport.Pledge p, ValuationReport.Parameters params) {
    if (!p.valued()) {
      return Optional.empty();
    }
    ObjectNode c = JSON.createObjectNode();
    c.put("right_type", p.rightType().orElseThrow());
    c.put("quantity", plain(BigDecimal.valueOf(p.quantity())));
    BigDecimal price = p.valuationPrice().orElseThrow();
    boolean market = p.priceBasis().equals("market");
    c.put("spot_price", plain(market ? p.spotPrice().orElseThrow() : price));
    c.put("avg_price_20d", plain(market ? p.avgPrice20d().orElseThrow() : price));
    c.put("haircut", plain(p.haircut().orElseThrow()));
    c.put("ltv", plain(p.ltv().orElseThrow()));
    c.put("trigger_drop", plain(params.triggerDrop()));
    p.term().ifPresent(t -> {
      c.put("valuation_date", t.valuationDate().toString());
      t.validUntil().ifPresent(d -> c.put("valid_until", d.toString()));
      t.loanMaturesOn().ifPresent(d -> c.put("loan_maturity", d.toString()));
    });
    return Optional.of(c);
  }

  /** Without trailing zeros and never in exponent notation (1E+5 is written 100000). */
  static BigDecimal plain(BigDecimal value) {
    BigDecimal v = value.stripTrailingZeros();
    return v.scale() < 0 ? v.setScale(0) : v;
  }

  private static void put(ObjectNode node, String name, Optional<BigDecimal> value) {
    if (value.isPresent()) {
      node.put(name, value.get());
    } else {
      node.putNull(name);
    }
  }
}
