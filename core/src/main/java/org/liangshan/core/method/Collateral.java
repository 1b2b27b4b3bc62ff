package org.liangshan.core.method;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.param.ParameterSet;

/**
 * Collateral valuation of an environmental right pledged for a loan (METHODOLOGY.md section 7,
 * "Collateral"):
 *
 * <pre>
 * valuation price   = min(spot, 20-day average)
 * collateral value  = quantity × valuation price × (1 − haircut) × term factor
 * max loan          = value × LTV × loan coverage
 * margin-call price = valuation price × (1 − trigger drop)          (trigger drop 0.15 by default)
 * top-up at p       = max(0, value / (p·(1 − haircut)·term factor) − quantity)
 * </pre>
 *
 * <b>Term</b> ({@link #term}). A flow right (eco-voucher, discharge right: priced per t/a, one year's use)
 * is worth each remaining year of its term, discounted: term factor = the annuity factor a(n, r) = (1 −
 * (1 + r)⁻ⁿ) ÷ r over its remaining term n = (valid_until − valuation date) ÷ 365 years (actual/365
 * fixed, fractional years allowed; r = 0 gives n), at the declared discount rate r ({@code
 * collateral.term.discount_rate}). A flow right without an expiry date is valued at one year (factor 1,
 * flagged {@code no_expiry_date}); a stock right (carbon quota, sink credit, forest right) has factor 1.
 * A right expiring before the loan matures is flagged {@code expires_before_loan_maturity} and backs only
 * the share of the loan's remaining term it covers: loan coverage = (valid_until − date) ÷ (maturity −
 * date), else 1 (the proportion Basel II applies to a maturity mismatch, para. 205, without its 3-month
 * offset and 5-year cap: a Liangshan design choice). Example: a discharge right with 3 years left at r =
 * 3.6 % has term factor 2.796294; pledged for a loan maturing in 5 years it backs 3/5 of it.
 *
 * LTV and haircut default per right type ({@code collateral.right_types.<type>.ltv|haircut},
 * Liangshan design defaults: more liquid exchange-traded rights get lower haircuts and higher
 * LTVs). When no new price is given, the top-up is computed at the margin-call price. Exact
 * decimals; the one division at {@link MathContext#DECIMAL128}. The top-up is a fractional
 * quantity; a lender rounds it up to the right's trading unit. Example: 100,000 t at 90 (average
 * 95), haircut 0, LTV 0.6, new price 75 → value 9.0×10⁶, max loan 5.4×10⁶, top-up 20,000 t.
 */
public final class Collateral {
  private Collateral() {}

  /** The right types the parameter set holds defaults for. */
  public enum RightType {
    CARBON_QUOTA,
    CARBON_SINK_CREDIT,
    ECO_VOUCHER,
    DISCHARGE_RIGHT,
    FOREST_RIGHT;

    /** A right priced per year of use (t/a): eco-vouchers and discharge rights; the others are stocks. */
    public boolean flow() {
      return this == ECO_VOUCHER || this == DISCHARGE_RIGHT;
    }

    public String jsonName() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static List<String> jsonNames() {
      return Arrays.stream(values()).map(RightType::jsonName).toList();
    }

    public static RightType parse(String field, String text) {
      Checks.present(field, text);
      for (RightType type : values()) {
        if (type.jsonName().equals(text)) {
          return type;
        }
      }
      throw LiangshanException.badField(
          field,
          "unknown right type '" + text + "'; expected one of " + String.join(", ", jsonNames()));
    }
  }

  public record Input(
      BigDecimal quantity,
      BigDecimal spotPrice,
      BigDecimal avgPrice20d,
      BigDecimal haircut,
      BigDecimal ltv,
      BigDecimal triggerDrop,
      BigDecimal newPrice,
      BigDecimal termFactor,
      BigDecimal loanCoverage) {
    /** Without a term: factor 1, the whole loan covered. */
    public Input(BigDecimal quantity, BigDecimal spotPrice, BigDecimal avgPrice20d, BigDecimal haircut, BigDecimal ltv,
        BigDecimal triggerDrop, BigDecimal newPrice) {
      this(quantity, spotPrice, avgPrice20d, haircut, ltv, triggerDrop, newPrice, BigDecimal.ONE, BigDecimal.ONE);
    }

    public Input {
      Checks.nonNegative("term_factor", termFactor);
      Checks.fraction("loan_coverage", loanCoverage);
      Checks.nonNegative("quantity", quantity);
      Checks.positive("spot_price", spotPrice);
      Checks.positive("avg_price_20d", avgPrice20d);
      Checks.fractionBelowOne("haircut", haircut);
      Checks.fraction("ltv", ltv);
      Checks.fraction("trigger_drop", triggerDrop);
      if (newPrice != null) {
        Checks.positive("new_price", newPrice);
      }
    }
  }

  public record Output(
      BigDecimal valuationPrice,
      BigDecimal collateralValue,
      BigDecimal maxLoan,
      BigDecimal marginCallPrice,
      BigDecimal topupPrice,
      BigDecimal topupQuantity) {}

  /** A right expiring before the loan matures: it backs only the part of the loan up to its expiry. */
  public static final String EXPIRES_BEFORE_LOAN_MATURITY = "expires_before_loan_maturity";

  /** A flow right without an expiry date: valued at one year's price. */
  public static final String NO_EXPIRY_DATE = "no_expiry_date";

  /**
   * The term of a pledged right on a date: remaining years (empty without an expiry date), term factor,
   * the share of the loan it can back, and the flags.
   */
  public record Term(Optional<BigDecimal> remainingTermYears, BigDecimal termFactor, BigDecimal loanCoverage,
      List<String> flags) {
    public Term {
      requireNonNull(remainingTermYears, "remainingTermYears is null");
      requireNonNull(termFactor, "termFactor is null");
      requireNonNull(loanCoverage, "loanCoverage is null");
      flags = List.copyOf(flags);
    }
  }

  /** See the class comment; {@code validUntil} must not be before {@code valuationDate} (an expired right backs nothing). */
  public static Term term(RightType type, Optional<LocalDate> validUntil, LocalDate valuationDate,
      Optional<LocalDate> loanMaturity, BigDecimal discountRate) {
    requireNonNull(type, "type is null");
    requireNonNull(validUntil, "validUntil is null");
    requireNonNull(valuationDate, "valuationDate is null");
    requireNonNull(loanMaturity, "loanMaturity is null");
    Checks.nonNegative("discount_rate", discountRate);
    List<String> flags = new ArrayList<>();
    if (validUntil.isPresent() && validUntil.get().isBefore(valuationDate)) {
      throw LiangshanException.badField("valid_until", "is " + validUntil.get() + ", before the valuation date "
          + valuationDate + ": the right has expired and backs nothing");
    }
    Optional<BigDecimal> years = validUntil.map(until -> years(valuationDate, until));
    BigDecimal factor = BigDecimal.ONE;
    if (type.flow()) {
      if (years.isPresent()) {
        factor = annuityFactor(years.get().doubleValue(), discountRate.doubleValue());
      } else {
        flags.add(NO_EXPIRY_DATE);
      }
    }
    BigDecimal coverage = BigDecimal.ONE;
    if (validUntil.isPresent() && loanMaturity.isPresent() && validUntil.get().isBefore(loanMaturity.get())
        && loanMaturity.get().isAfter(valuationDate)) {
      flags.add(EXPIRES_BEFORE_LOAN_MATURITY);
      coverage = BigDecimal.valueOf(ChronoUnit.DAYS.between(valuationDate, validUntil.get()))
          .divide(BigDecimal.valueOf(ChronoUnit.DAYS.between(valuationDate, loanMaturity.get())), 6, RoundingMode.HALF_EVEN);
    }
    return new Term(years, factor, coverage, flags);
  }

  /** Years from one date to another, actual/365 fixed, to 6 decimals. */
  static BigDecimal years(LocalDate from, LocalDate to) {
    return BigDecimal.valueOf(ChronoUnit.DAYS.between(from, to)).divide(BigDecimal.valueOf(365), 6, RoundingMode.HALF_EVEN);
  }

  /** a(n, r) = (1 − (1 + r)⁻ⁿ) ÷ r, n when r = 0; to 6 decimals. */
  public static BigDecimal annuityFactor(double years, double rate) {
    double a = rate == 0 ? years : (1 - Math.pow(1 + rate, -years)) / rate;
    return BigDecimal.valueOf(a).setScale(6, RoundingMode.HALF_EVEN);
  }

  public static BigDecimal defaultLtv(ParameterSet params, RightType type) {
    return params.decimal("collateral.right_types." + type.jsonName() + ".ltv");
  }

  public static BigDecimal defaultHaircut(ParameterSet params, RightType type) {
    return params.decimal("collateral.right_types." + type.jsonName() + ".haircut");
  }

  public static Output compute(Input in) {
    requireNonNull(in, "input is null");
    BigDecimal valuation = in.spotPrice().min(in.avgPrice20d());
    BigDecimal keep = BigDecimal.ONE.subtract(in.haircut());
    BigDecimal value = in.quantity().multiply(valuation).multiply(keep).multiply(in.termFactor());
    BigDecimal maxLoan = value.multiply(in.ltv()).multiply(in.loanCoverage());
    BigDecimal marginCall = valuation.multiply(BigDecimal.ONE.subtract(in.triggerDrop()));
    BigDecimal topupPrice = in.newPrice() == null ? marginCall : in.newPrice();
    BigDecimal topup;
    if (topupPrice.signum() == 0) {
      throw LiangshanException.badField(
          "trigger_drop",
          "a trigger drop of 1 leaves no margin-call price to top up at; give new_price");
    }
    topup =
        value.signum() == 0
            ? BigDecimal.ZERO
            : value
            .divide(topupPrice.multiply(keep).multiply(in.termFactor()), MathContext.DECIMAL128)
            .subtract(in.quantity())
            .max(BigDecimal.ZERO);
    return new Output(valuation, value, maxLoan, marginCall, topupPrice, topup);
  }
}
