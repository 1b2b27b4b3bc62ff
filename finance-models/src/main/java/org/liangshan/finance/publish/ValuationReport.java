package org.liangshan.finance.publish;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.liangshan.core.money.Money;
import org.liangshan.finance.model.PriceHistory;
import org.liangshan.finance.model.VolatilityHaircut;

/**
 * A valuation report of one loan on one date, for the bank's credit officer: every pledged right with
 * its quantity, the prices used and where they came from, the arithmetic, the stresses, the flags, and
 * the audit trail. Built from gold.collateral_valuation, gold.collateral_stress and ops.run_log
 * ({@link ValuationReports}); rendered by {@link ReportHtml} and {@link ReportJson}. Values are as stored
 * (yuan at 6 decimals); the HTML shows money at the fen (HALF_EVEN).
 */
public record ValuationReport(
    String region,
    String loanId,
    String bankId,
    LocalDate valuationDate,
    BigDecimal outstandingYuan,
    List<Pledge> pledges,
    Parameters parameters,
    Audit audit,
    Map<String, List<VolatilityHaircut.DailyPrice>> priceHistories) {
  public ValuationReport {
    requireNonNull(region, "region is null");
    requireNonNull(loanId, "loanId is null");
    pledges = List.copyOf(pledges);
    priceHistories = Map.copyOf(priceHistories);
  }

  /**
   * A report without price histories: no price chart is drawn. {@code priceHistories} holds, per pledge id, the
   * daily prices of the pledge's instrument up to the valuation date that the HTML report plots ({@link PriceChart}).
   */
  public ValuationReport(String region, String loanId, String bankId, LocalDate valuationDate, BigDecimal outstandingYuan,
      List<Pledge> pledges, Parameters parameters, Audit audit) {
    this(region, loanId, bankId, valuationDate, outstandingYuan, pledges, parameters, audit, Map.of());
  }

  /** How gold.collateral_valuation's price_unit starts: {@code yuan per t/a}. */
  static final String YUAN_PER = "yuan per ";

  /**
   * One pledged right as valued. Optional values are absent when the pledge was not valued. {@code quantity} and
   * {@code topupQuantity} are in {@code quantityUnit}, every price in {@code priceUnit} (gold's columns).
   */
  public record Pledge(
      String pledgeId,
      String rightId,
      Optional<String> rightType,
      double quantity,
      Optional<BigDecimal> spotPrice,
      Optional<BigDecimal> avgPrice20d,
      int tradesInWindow,
      Optional<BigDecimal> valuationPrice,
      String priceSource,
      Optional<BigDecimal> haircut,
      Optional<BigDecimal> ltv,
      Optional<BigDecimal> collateralValueYuan,
      Optional<BigDecimal> maxLoanYuan,
      Optional<BigDecimal> marginCallPrice,
      Optional<Double> topupQuantity,
      String status,
      String notes,
      List<Stress> stresses,
      Optional<Haircut> haircutBasis,
      Optional<Term> term,
      Optional<String> quantityUnit,
      Optional<String> priceUnit) {
    public Pledge {
      stresses = List.copyOf(stresses);
      requireNonNull(haircutBasis, "haircutBasis is null");
      requireNonNull(term, "term is null");
      requireNonNull(quantityUnit, "quantityUnit is null");
      requireNonNull(priceUnit, "priceUnit is null");
    }

    /** A pledge whose haircut basis, term and units are known, units not yet (gold before it named them). */
    public Pledge(String pledgeId, String rightId, Optional<String> rightType, double quantity, Optional<BigDecimal> spotPrice,
        Optional<BigDecimal> avgPrice20d, int tradesInWindow, Optional<BigDecimal> valuationPrice, String priceSource,
        Optional<BigDecimal> haircut, Optional<BigDecimal> ltv, Optional<BigDecimal> collateralValueYuan,
        Optional<BigDecimal> maxLoanYuan, Optional<BigDecimal> marginCallPrice, Optional<Double> topupQuantity, String status,
        String notes, List<Stress> stresses, Optional<Haircut> haircutBasis, Optional<Term> term) {
      this(pledgeId, rightId, rightType, quantity, spotPrice, avgPrice20d, tradesInWindow, valuationPrice, priceSource, haircut,
          ltv, collateralValueYuan, maxLoanYuan, marginCallPrice, topupQuantity, status, notes, stresses, haircutBasis, term,
          Optional.empty(), Optional.empty());
    }

    /**
     * This pledge with the units of gold.collateral_valuation: {@code quantityUnit} the unit of its quantity and top-up
     * ({@code t/a}), {@code priceUnit} the unit of its prices ({@code yuan per t/a}; null until the pledge is priced).
     */
    public Pledge withUnits(String quantityUnit, String priceUnit) {
      return new Pledge(pledgeId, rightId, rightType, quantity, spotPrice, avgPrice20d, tradesInWindow, valuationPrice,
          priceSource, haircut, ltv, collateralValueYuan, maxLoanYuan, marginCallPrice, topupQuantity, status, notes, stresses,
          haircutBasis, term, Optional.ofNullable(quantityUnit), Optional.ofNullable(priceUnit));
    }

    /** A quantity of this pledge's right with its unit, e.g. {@code 0.98 t/a} ({@code units} when the unit is not known). */
    public String quantityText(double amount) {
      return ValuationReport.quantity(amount) + " " + quantityUnit.orElse("units");
    }

    /** A price of this pledge with its unit, e.g. {@code 12,536,000.00 元/(t/a)} ({@code yuan} when the unit is not known). */
    public String priceText(BigDecimal amount) {
      return ValuationReport.price(amount) + " " + priceUnitText();
    }

    /**
     * The price unit as the report prints it: {@code 元/(t/a)}, {@code 元/tCO2e}; {@code yuan} when gold names none.
     * Gold's {@code price_unit} is {@code yuan per <quantity unit>}.
     */
    public String priceUnitText() {
      return priceUnit.filter(u -> u.startsWith(YUAN_PER)).map(u -> u.substring(YUAN_PER.length()))
          .map(u -> "元/" + (u.contains("/") ? "(" + u + ")" : u)).orElse("yuan");
    }

    /** A pledge whose haircut basis is not known (the configured haircut of its type). */
    public Pledge(String pledgeId, String rightId, Optional<String> rightType, double quantity, Optional<BigDecimal> spotPrice,
        Optional<BigDecimal> avgPrice20d, int tradesInWindow, Optional<BigDecimal> valuationPrice, String priceSource,
        Optional<BigDecimal> haircut, Optional<BigDecimal> ltv, Optional<BigDecimal> collateralValueYuan,
        Optional<BigDecimal> maxLoanYuan, Optional<BigDecimal> marginCallPrice, Optional<Double> topupQuantity, String status,
        String notes, List<Stress> stresses) {
      this(pledgeId, rightId, rightType, quantity, spotPrice, avgPrice20d, tradesInWindow, valuationPrice, priceSource, haircut,
          ltv, collateralValueYuan, maxLoanYuan, marginCallPrice, topupQuantity, status, notes, stresses, Optional.empty(),
          Optional.empty(), Optional.empty(), Optional.empty());
    }

    public boolean valued() {
      return collateralValueYuan.isPresent();
    }

    /** market, benchmark or last_trade (thin market), or none. */
    public String priceBasis() {
      return priceSource.startsWith(PriceHistory.BENCHMARK) ? "benchmark"
          : priceSource.startsWith(PriceHistory.LAST_TRADE) ? "last_trade" : priceSource;
    }

    /** The price source after its prefix (benchmark:, last_trade:). */
    public String priceSourceDetail() {
      int colon = priceSource.indexOf(':');
      return colon < 0 ? priceSource : priceSource.substring(colon + 1);
    }
  }

  /**
   * The term of a valued pledge (gold.collateral_valuation): the right's expiry, the loan's maturity, the remaining
   * years and the term factor the value was multiplied by.
   */
  public record Term(LocalDate valuationDate, Optional<LocalDate> validUntil, Optional<LocalDate> loanMaturesOn,
      Optional<BigDecimal> remainingTermYears, BigDecimal termFactor) {
    public Term {
      requireNonNull(valuationDate, "valuationDate is null");
      requireNonNull(validUntil, "validUntil is null");
      requireNonNull(loanMaturesOn, "loanMaturesOn is null");
      requireNonNull(remainingTermYears, "remainingTermYears is null");
      requireNonNull(termFactor, "termFactor is null");
    }
  }

  /**
   * Where a pledge's haircut comes from (gold.collateral_haircuts): the observed volatility of its instrument's own
   * prices scaled to the liquidity horizon ({@code liquidationDays}), floored at the configured haircut and capped,
   * or the cap in a thin market.
   */
  public record Haircut(String series, Optional<LocalDate> windowStart, int windowTradingDays, int priceDays, int returns,
      Optional<Double> sigmaDaily, Optional<Double> sigmaAnnual, double confidence, double z, int liquidationDays,
      Optional<BigDecimal> volatilityHaircut, BigDecimal configured, BigDecimal cap, BigDecimal haircut, String basis,
      String note) {
    public Haircut {
      requireNonNull(series, "series is null");
      requireNonNull(basis, "basis is null");
    }

    /** The haircut step of the arithmetic; {@code baseHoldingDays} is T_M. */
    public String step(int tradingDaysPerYear, int baseHoldingDays) {
      if (volatilityHaircut.isEmpty()) {
        return "haircut = " + plain(haircut) + (basis.equals("thin_market") ? ", the cap for a thin market (" : ", the configured"
            + " haircut of the right type (") + note + ")";
      }
      return "haircut = max(configured " + plain(configured) + ", min(cap " + plain(cap) + ", volatility haircut (sigma "
          + sig(sigmaAnnual.get()) + " x z " + sig(z) + " x sqrt(" + baseHoldingDays + "/" + tradingDaysPerYear + ") = "
          + plain(volatilityHaircut.get()) + ") x sqrt(liquidity horizon " + liquidationDays + " days / " + baseHoldingDays
          + "))) = " + plain(haircut) + " (" + basis + "); the liquidity horizon is the days needed to sell the pledge at the"
          + " participation share of the series' average daily volume, at least " + baseHoldingDays
          + "; sigma = sample standard deviation " + sig(sigmaDaily.get())
          + " of " + returns + " daily log returns of " + series + " prices over " + priceDays + " trading days with trades in"
          + " the " + windowTradingDays + "-day window from " + windowStart.map(LocalDate::toString).orElse("?") + ", x sqrt("
          + tradingDaysPerYear + "); z = standard normal quantile of " + BigDecimal.valueOf(confidence).stripTrailingZeros()
          .toPlainString();
    }

    static String sig(double x) {
      return new BigDecimal(x).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }
  }

  public record Stress(BigDecimal shock, BigDecimal stressedPrice, BigDecimal collateralValueYuan, BigDecimal maxLoanYuan,
      boolean ltvBreach, double topupQuantity) {}

  /** The parameters the valuation used (all from the recorded parameter set). */
  public record Parameters(String parameterSet, BigDecimal triggerDrop, int windowTradingDays, int thinMarketMinTrades,
      List<BigDecimal> shocks, int tradingDaysPerYear, int baseHoldingDays) {
    /** Parameters with the default 250 trading days a year and a 10-day base holding period. */
    public Parameters(String parameterSet, BigDecimal triggerDrop, int windowTradingDays, int thinMarketMinTrades,
        List<BigDecimal> shocks) {
      this(parameterSet, triggerDrop, windowTradingDays, thinMarketMinTrades, shocks, 250, 10);
    }
  }

  /** Where the numbers come from. */
  public record Audit(String runId, String methodologyVersion, String command, String startedAt, String finishedAt,
      Map<String, Long> inputVersions, Map<String, Long> outputVersions) {}

  /** This report with the price histories its HTML plots, per pledge id. */
  public ValuationReport withPriceHistories(Map<String, List<VolatilityHaircut.DailyPrice>> histories) {
    return new ValuationReport(region, loanId, bankId, valuationDate, outstandingYuan, pledges, parameters, audit, histories);
  }

  public BigDecimal totalCollateralValueYuan() {
    return pledges.stream().flatMap(p -> p.collateralValueYuan().stream()).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  public BigDecimal totalMaxLoanYuan() {
    return pledges.stream().flatMap(p -> p.maxLoanYuan().stream()).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** max loan − outstanding: negative when the loan is under-collateralised. */
  public BigDecimal headroomYuan() {
    return totalMaxLoanYuan().subtract(outstandingYuan);
  }

  /** The flags a credit officer must act on, one sentence each. */
  public List<String> flags() {
    List<String> flags = new ArrayList<>();
    for (Pledge p : pledges) {
      String what = "Pledge " + p.pledgeId() + " (right " + p.rightId() + ")";
      switch (p.status()) {
        case "ok" -> { }
        case "ltv_breach" -> flags.add(what + ": LTV BREACH, the loan's outstanding exceeds the max loan of its pledges.");
        case "refused_double_pledge" -> flags.add(what + ": DOUBLE PLEDGE REFUSED, " + p.notes()
            + ". It is not counted as collateral.");
        case "retired" -> flags.add(what + ": RETIRED, the right was surrendered and no longer exists as collateral.");
        case "expired" -> flags.add(what + ": EXPIRED, " + p.notes() + ".");
        case "unknown_right" -> flags.add(what + ": UNKNOWN RIGHT, " + p.notes() + ".");
        case "no_price" -> flags.add(what + ": NO PRICE, " + p.notes() + ".");
        case "unsupported_right_type" -> flags.add(what + ": NOT VALUED, " + p.notes() + ".");
        default -> flags.add(what + ": " + p.status() + ", " + p.notes());
      }
      if (p.valued() && p.priceBasis().equals("benchmark")) {
        flags.add(what + ": THIN MARKET, valued at the benchmark price, not at market prices ("
            + p.tradesInWindow() + " trades in the window).");
      }
      if (p.valued() && p.priceBasis().equals("last_trade")) {
        flags.add(what + ": THIN MARKET, valued at the last trade (" + p.priceSourceDetail() + "), below the benchmark, not"
            + " at current market prices (" + p.tradesInWindow() + " trades in the window).");
      }
      if (p.valued() && p.notes().contains(org.liangshan.core.method.Collateral.EXPIRES_BEFORE_LOAN_MATURITY)) {
        flags.add(what + ": EXPIRES BEFORE THE LOAN MATURES, it backs only the part of the loan up to its expiry.");
      }
    }
    if (headroomYuan().signum() < 0) {
      flags.add("Loan " + loanId + ": outstanding " + yuan(outstandingYuan) + " is above the max loan "
          + yuan(totalMaxLoanYuan()) + " by " + yuan(headroomYuan().negate()) + ".");
    }
    return List.copyOf(flags);
  }

  /** The arithmetic of a valued pledge, step by step, with the numbers as the report shows them. */
  public static List<String> steps(Pledge p, Parameters params) {
    List<String> steps = new ArrayList<>();
    if (!p.valued()) {
      steps.add("Not valued (" + ReportHtml.statusName(p.status()) + "): " + p.notes() + ". Not counted as collateral.");
      return steps;
    }
    BigDecimal price = p.valuationPrice().orElseThrow();
    if (p.priceBasis().equals("market")) {
      steps.add("valuation price = min(spot " + price(p.spotPrice().orElseThrow()) + ", " + params.windowTradingDays()
          + "-day average " + price(p.avgPrice20d().orElseThrow()) + ") = " + p.priceText(price));
    } else {
      steps.add("thin market (" + p.tradesInWindow() + " trades in " + params.windowTradingDays() + " trading days, fewer than "
          + params.thinMarketMinTrades() + "): valuation price = " + (p.priceBasis().equals("benchmark") ? "benchmark "
          : "last trade ") + p.priceText(price) + ", the lower of the benchmark and the last trade ("
          + p.priceSourceDetail() + ")");
    }
    BigDecimal haircut = p.haircut().orElseThrow();
    p.haircutBasis().ifPresent(h -> steps.add(h.step(params.tradingDaysPerYear(), params.baseHoldingDays())));
    Optional<BigDecimal> factor = p.term().map(Term::termFactor).filter(f -> f.compareTo(BigDecimal.ONE) != 0);
    p.term().filter(t -> factor.isPresent()).ifPresent(t -> steps.add("term factor = (1 - (1 + r)^-n) / r over the remaining n = "
        + plain(t.remainingTermYears().orElseThrow()) + " years to " + t.validUntil().orElseThrow() + " = " + plain(t.termFactor())));
    steps.add("collateral value = quantity " + p.quantityText(p.quantity()) + " x price " + p.priceText(price) + " x (1 - haircut "
        + plain(haircut) + ")" + factor.map(f -> " x term factor " + plain(f)).orElse("") + " = "
        + yuan(p.collateralValueYuan().orElseThrow()));
    BigDecimal uncovered = p.collateralValueYuan().orElseThrow().multiply(p.ltv().orElseThrow());
    boolean partial = uncovered.compareTo(p.maxLoanYuan().orElseThrow()) != 0 && p.term().isPresent();
    steps.add("max loan = value " + yuan(p.collateralValueYuan().orElseThrow()) + " x LTV " + plain(p.ltv().orElseThrow())
        + (partial ? " x the share of the loan's remaining term the right covers (it expires "
            + p.term().get().validUntil().map(LocalDate::toString).orElse("?") + ", the loan matures "
            + p.term().get().loanMaturesOn().map(LocalDate::toString).orElse("?") + ")" : "") + " = "
        + yuan(p.maxLoanYuan().orElseThrow()));
    steps.add("margin-call price = price " + price(price) + " x (1 - trigger drop " + plain(params.triggerDrop()) + ") = "
        + p.priceText(p.marginCallPrice().orElseThrow()));
    steps.add("top-up at the margin-call price = max(0, value / (" + price(p.marginCallPrice().orElseThrow())
        + " x (1 - " + plain(haircut) + ")) - quantity " + quantity(p.quantity()) + ") = "
        + p.quantityText(p.topupQuantity().orElseThrow()));
    return steps;
  }

  static String yuan(BigDecimal amount) {
    return String.format("%,.2f", Money.toFen(amount));
  }

  static String price(BigDecimal price) {
    return String.format("%,.2f", Money.toFen(price));
  }

  static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }

  static String quantity(double quantity) {
    BigDecimal q = BigDecimal.valueOf(quantity).setScale(3, RoundingMode.HALF_EVEN).stripTrailingZeros();
    return String.format("%,." + Math.max(0, q.scale()) + "f", q);
  }

  static String percent(BigDecimal fraction) {
    return fraction.movePointRight(2).stripTrailingZeros().toPlainString() + " %";
  }
}
