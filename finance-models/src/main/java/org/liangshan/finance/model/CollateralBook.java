package org.liangshan.finance.model;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.liangshan.core.method.Collateral;
import org.liangshan.core.param.ParameterSet;
import org.liangshan.core.unit.Quantity;
import org.liangshan.core.unit.Unit;

/**
 * Values every active pledge on a date (METHODOLOGY.md section 7, "Collateral"), through core's {@link
 * Collateral}.
 *
 * <p>A pledge is active on the date when its status is {@code active} and it was pledged on or before
 * the date. Pledges are taken in pledge order (date, then id). <b>Double pledge</b>: a right already
 * backing an active pledge of another loan refuses every later pledge of it ({@code
 * refused_double_pledge}, not valued); a second pledge of the same right by the same loan is a top-up
 * and is valued. Then, in this order: {@code unknown_right} (not issued), {@code expired} (valid_until
 * before the date), {@code retired} (surrendered in the holdings ledger), {@code unsupported_right_type}
 * (no haircut or LTV configured), {@code unit_mismatch} (the right's unit does not convert to the unit its type is
 * quoted in, {@link Instrument#quoteUnit}), {@code no_price} (thin market, no benchmark and no trade), and for a valued
 * pledge {@code ltv_breach} when the loan's outstanding exceeds the sum of the max loans of all its valued
 * pledges, else {@code ok}.
 *
 * <p>A valued pledge's value counts its term ({@link Collateral#term}): a flow right's remaining years
 * discounted at {@code collateral.term.discount_rate}, and a right expiring before its loan matures backs only
 * the share of the loan's remaining term it covers; the notes carry the flags.
 *
 * <p>Units: a pledge is valued in the unit its right's trades are quoted in ({@link Instrument#quoteUnit}); a pledge
 * of a right in another unit of the same dimension (kg/a against t/a) is converted once, here, and the valuation's
 * pledge carries the converted quantity, so price, value, stress and top-up quantities are all in that unit.
 */
public final class CollateralBook {
  private CollateralBook() {}

  /** A pledge as registered: {@code quantity} in the unit of its right (silver.rights_issued 单位, or an award's lot). */
  public record Pledge(String pledgeId, String loanId, String rightId, double quantity, LocalDate pledgedOn, String status) {
    public Pledge {
      requireNonNull(pledgeId, "pledgeId is null");
      requireNonNull(loanId, "loanId is null");
      requireNonNull(rightId, "rightId is null");
      requireNonNull(pledgedOn, "pledgedOn is null");
      requireNonNull(status, "status is null");
    }

    /** The same pledge with its quantity stated in another unit (the unit its price is quoted in). */
    Pledge withQuantity(double converted) {
      return new Pledge(pledgeId, loanId, rightId, converted, pledgedOn, status);
    }
  }

  public record Loan(String loanId, String bankId, BigDecimal outstandingYuan, Optional<LocalDate> maturesOn) {
    public Loan {
      requireNonNull(loanId, "loanId is null");
      requireNonNull(bankId, "bankId is null");
      requireNonNull(outstandingYuan, "outstandingYuan is null");
      requireNonNull(maturesOn, "maturesOn is null");
    }

    /** A loan without a known maturity date: every right covers all of it. */
    public Loan(String loanId, String bankId, BigDecimal outstandingYuan) {
      this(loanId, bankId, outstandingYuan, Optional.empty());
    }
  }

  /**
   * A pledgeable right; {@code unit} is the text its record states (silver.rights_issued 单位, an award's lot unit),
   * empty when none is stated (then its quantity is taken in the unit its type is quoted in).
   */
  public record Right(String rightId, String rightType, String zoneId, String subject, Optional<LocalDate> validUntil,
      Optional<String> unit) {
    public Right {
      requireNonNull(rightId, "rightId is null");
      requireNonNull(rightType, "rightType is null");
      requireNonNull(validUntil, "validUntil is null");
      requireNonNull(unit, "unit is null");
    }

    /** A right whose record states no unit. */
    public Right(String rightId, String rightType, String zoneId, String subject, Optional<LocalDate> validUntil) {
      this(rightId, rightType, zoneId, subject, validUntil, Optional.empty());
    }
  }

  /** Terms of the valuation from the parameter set; {@code discountRate} discounts a flow right's remaining years. */
  public record Terms(BigDecimal triggerDrop, List<BigDecimal> shocks, BigDecimal discountRate) {
    public Terms {
      requireNonNull(triggerDrop, "triggerDrop is null");
      requireNonNull(discountRate, "discountRate is null");
      shocks = List.copyOf(shocks);
    }

    public static Terms of(ParameterSet params) {
      return new Terms(params.decimal("collateral.trigger_drop"), FinanceParameters.decimals(params, "collateral.stress_shocks"),
          params.decimal("collateral.term.discount_rate"));
    }
  }

  /** The haircut of a quantity of a right, from the configured haircut of its type (the floor). */
  @FunctionalInterface
  public interface Haircuts {
    VolatilityHaircut.Result of(Right right, double quantity, BigDecimal configured);
  }

  public record Valuation(
      Pledge pledge,
      Loan loan,
      Optional<Right> right,
      Optional<PriceHistory.Quote> quote,
      Optional<BigDecimal> haircut,
      Optional<BigDecimal> ltv,
      Optional<Collateral.Output> output,
      String status,
      String notes,
      Optional<VolatilityHaircut.Result> haircutBasis,
      Optional<Collateral.Term> term) {

    public boolean valued() {
      return output.isPresent();
    }
  }

  public record Stress(Valuation base, BigDecimal shock, BigDecimal stressedPrice, Collateral.Output atShock, boolean ltvBreach,
      BigDecimal topupQuantity) {}

  /** The pledges that are active on the date, in pledge order. */
  public static List<Pledge> activeOn(List<Pledge> pledges, LocalDate date) {
    return pledges.stream()
        .filter(p -> p.status().equals("active") && !p.pledgedOn().isAfter(date))
        .sorted(Comparator.comparing(Pledge::pledgedOn).thenComparing(Pledge::pledgeId))
        .toList();
  }

  /** As the full form, with the configured haircut of each right type. */
  public static List<Valuation> value(
      List<Pledge> pledges,
      Map<String, Loan> loans,
      Map<String, Right> rights,
      Set<String> retiredRights,
      Function<Right, PriceHistory.Quote> quotes,
      LocalDate date,
      Terms terms,
      ParameterSet params) {
    return value(pledges, loans, rights, retiredRights, quotes,
        (right, quantity, configured) -> VolatilityHaircut.configured(right.rightType(), configured), date, terms, params);
  }

  /**
   * Values the active pledges; {@code haircuts} gives the haircut of a right from the configured one of its
   * type (e.g. {@link VolatilityHaircut#compute}, which never goes below it).
   */
  public static List<Valuation> value(
      List<Pledge> pledges,
      Map<String, Loan> loans,
      Map<String, Right> rights,
      Set<String> retiredRights,
      Function<Right, PriceHistory.Quote> quotes,
      Haircuts haircuts,
      LocalDate date,
      Terms terms,
      ParameterSet params) {
    Map<String, String> owner = new HashMap<>();
    List<Valuation> result = new ArrayList<>();
    for (Pledge registered : activeOn(pledges, date)) {
      Pledge p = registered;
      String conversion = "";
      Loan loan = loans.get(p.loanId());
      if (loan == null) {
        // The pipelines check references; a pledge of an unknown loan cannot be attributed to a bank.
        continue;
      }
      Optional<Right> right = Optional.ofNullable(rights.get(p.rightId()));
      String first = owner.putIfAbsent(p.rightId(), p.loanId());
      if (first != null && !first.equals(p.loanId())) {
        result.add(unvalued(p, loan, right, "refused_double_pledge",
            "right " + p.rightId() + " already backs an active pledge of loan " + first));
        continue;
      }
      if (right.isEmpty()) {
        result.add(unvalued(p, loan, right, "unknown_right", "right " + p.rightId() + " is not in silver.rights_issued"));
        continue;
      }
      Right r = right.get();
      if (r.validUntil().isPresent() && r.validUntil().get().isBefore(date)) {
        result.add(unvalued(p, loan, right, "expired", "right expired on " + r.validUntil().get()));
        continue;
      }
      if (retiredRights.contains(r.rightId())) {
        result.add(unvalued(p, loan, right, "retired", "right was retired (gold.holdings_movements)"));
        continue;
      }
      Optional<Collateral.RightType> type = rightType(r.rightType());
      if (type.isEmpty() || !params.has("collateral.right_types." + r.rightType() + ".ltv")) {
        result.add(unvalued(p, loan, right, "unsupported_right_type",
            "no haircut and LTV for right type " + r.rightType() + " (collateral.right_types)"));
        continue;
      }
      // The pledged quantity in the unit the right's trades are quoted in (980 kg/a of a voucher won at auction is
      // 0.98 t/a at a price per t/a); a unit that does not convert (a stock, another dimension) is not valued.
      Optional<Unit> quoted = Instrument.quoteUnit(r.rightType());
      if (r.unit().isPresent() && quoted.isPresent()) {
        Optional<Unit> stated = Unit.parse(r.unit().get());
        if (stated.isEmpty() || stated.get().dimension() != quoted.get().dimension()) {
          result.add(unvalued(p, loan, right, "unit_mismatch", "right " + r.rightId() + " is in '" + r.unit().get()
              + "', which does not convert to " + quoted.get().symbol() + ", the unit " + r.rightType()
              + " trades are quoted in: correct the right's unit (单位)"));
          continue;
        }
        if (stated.get() != quoted.get()) {
          Quantity pledged = Quantity.of(p.quantity(), stated.get());
          Quantity converted = pledged.to(quoted.get());
          p = p.withQuantity(converted.doubleValue());
          conversion = "; pledged " + pledged + " = " + converted;
        }
      }
      VolatilityHaircut.Result cut = haircuts.of(r, p.quantity(), Collateral.defaultHaircut(params, type.get()));
      BigDecimal haircut = cut.haircut();
      BigDecimal ltv = Collateral.defaultLtv(params, type.get());
      Collateral.Term term = Collateral.term(type.get(), r.validUntil(), date, loan.maturesOn(), terms.discountRate());
      PriceHistory.Quote quote = quotes.apply(r);
      if (quote.spotForValuation().isEmpty() || quote.averageForValuation().isEmpty()) {
        result.add(new Valuation(p, loan, right, Optional.of(quote), Optional.of(haircut), Optional.of(ltv), Optional.empty(),
            "no_price", quote.note(), Optional.of(cut), Optional.of(term)));
        continue;
      }
      Collateral.Output out = Collateral.compute(new Collateral.Input(BigDecimal.valueOf(p.quantity()),
          quote.spotForValuation().get(), quote.averageForValuation().get(), haircut, ltv, terms.triggerDrop(), null,
          term.termFactor(), term.loanCoverage()));
      result.add(new Valuation(p, loan, right, Optional.of(quote), Optional.of(haircut), Optional.of(ltv), Optional.of(out),
          "ok", quote.note() + conversion + (cut.basis().equals(VolatilityHaircut.CONFIGURED) ? "" : "; haircut " + cut.basis() + ": "
          + cut.note()) + termNote(type.get(), term, r, loan), Optional.of(cut), Optional.of(term)));
    }
    // A loan is in breach when its outstanding exceeds the sum of the max loans of all its valued pledges.
    Map<String, BigDecimal> maxLoanByLoan = new HashMap<>();
    for (Valuation v : result) {
      v.output().ifPresent(o -> maxLoanByLoan.merge(v.pledge().loanId(), o.maxLoan(), BigDecimal::add));
    }
    List<Valuation> judged = new ArrayList<>();
    for (Valuation v : result) {
      BigDecimal maxLoan = maxLoanByLoan.get(v.pledge().loanId());
      if (v.valued() && v.loan().outstandingYuan().compareTo(maxLoan) > 0) {
        judged.add(new Valuation(v.pledge(), v.loan(), v.right(), v.quote(), v.haircut(), v.ltv(), v.output(), "ltv_breach",
            "loan outstanding " + v.loan().outstandingYuan().stripTrailingZeros().toPlainString() + " above the max loan "
                + maxLoan.stripTrailingZeros().toPlainString() + " of its pledges; " + v.notes(), v.haircutBasis(), v.term()));
      } else {
        judged.add(v);
      }
    }
    return List.copyOf(judged);
  }

  /**
   * The valued pledges at each shock: value and max loan at the stressed price, the top-up quantity that
   * restores the unstressed value at the stressed price, and whether the loan (all its valued pledges
   * at the same shock) would breach.
   */
  /**
   * The actual loan-to-value of a valued pledge: its loan's outstanding ÷ the pledge's collateral value (to read
   * against the right type's LTV limit); empty when the pledge is not valued or its value is 0. The dashboards
   * and marts read it from gold.collateral_valuation and compute no LTV of their own.
   */
  public static Optional<BigDecimal> actualLtv(Valuation valuation) {
    return valuation.output().map(Collateral.Output::collateralValue).filter(value -> value.signum() != 0)
        .map(value -> valuation.loan().outstandingYuan().divide(value, java.math.MathContext.DECIMAL64));
  }

  /**
   * Each pledge's share of its loan's outstanding: the balance split evenly over the loan's pledges on the date
   * (valued or not), so that sums over pledges (per right type, per bank) count each loan once. Keyed by pledge id.
   */
  public static Map<String, BigDecimal> outstandingShares(List<Valuation> valuations) {
    Map<String, Integer> pledgesPerLoan = new HashMap<>();
    for (Valuation v : valuations) {
      pledgesPerLoan.merge(v.pledge().loanId(), 1, Integer::sum);
    }
    Map<String, BigDecimal> shares = new HashMap<>();
    for (Valuation v : valuations) {
      shares.put(v.pledge().pledgeId(), v.loan().outstandingYuan()
          .divide(BigDecimal.valueOf(pledgesPerLoan.get(v.pledge().loanId())), java.math.MathContext.DECIMAL128));
    }
    return shares;
  }

  public static List<Stress> stress(List<Valuation> valuations, Terms terms) {
    record Shocked(Valuation base, BigDecimal shock, BigDecimal stressedPrice, Collateral.Output atShock, BigDecimal topup) {}
    List<Shocked> shocked = new ArrayList<>();
    Map<String, BigDecimal> maxLoan = new HashMap<>();
    for (Valuation v : valuations) {
      if (!v.valued()) {
        continue;
      }
      Collateral.Output base = v.output().get();
      BigDecimal quantity = BigDecimal.valueOf(v.pledge().quantity());
      for (BigDecimal shock : terms.shocks()) {
        BigDecimal stressed = base.valuationPrice().multiply(BigDecimal.ONE.add(shock));
        if (stressed.signum() <= 0) {
          continue;
        }
        Collateral.Term term = v.term().orElseThrow();
        Collateral.Output atShock = Collateral.compute(new Collateral.Input(quantity, stressed, stressed,
            v.haircut().orElseThrow(), v.ltv().orElseThrow(), terms.triggerDrop(), null, term.termFactor(), term.loanCoverage()));
        Collateral.Output topup = Collateral.compute(new Collateral.Input(quantity, base.valuationPrice(),
            base.valuationPrice(), v.haircut().orElseThrow(), v.ltv().orElseThrow(), terms.triggerDrop(), stressed,
            term.termFactor(), term.loanCoverage()));
        shocked.add(new Shocked(v, shock, stressed, atShock, topup.topupQuantity()));
        maxLoan.merge(v.pledge().loanId() + "|" + shock.toPlainString(), atShock.maxLoan(), BigDecimal::add);
      }
    }
    List<Stress> result = new ArrayList<>();
    for (Shocked s : shocked) {
      BigDecimal loanMax = maxLoan.get(s.base().pledge().loanId() + "|" + s.shock().toPlainString());
      result.add(new Stress(s.base(), s.shock(), s.stressedPrice(), s.atShock(),
          s.base().loan().outstandingYuan().compareTo(loanMax) > 0, s.topup()));
    }
    return List.copyOf(result);
  }

  private static Valuation unvalued(Pledge p, Loan loan, Optional<Right> right, String status, String notes) {
    return new Valuation(p, loan, right, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), status, notes,
        Optional.empty(), Optional.empty());
  }

  private static String termNote(Collateral.RightType type, Collateral.Term term, Right right, Loan loan) {
    StringBuilder note = new StringBuilder();
    if (type.flow() && term.remainingTermYears().isPresent()) {
      note.append("; term: ").append(term.remainingTermYears().get().stripTrailingZeros().toPlainString())
          .append(" years left to ").append(right.validUntil().orElseThrow()).append(", term factor ")
          .append(term.termFactor().stripTrailingZeros().toPlainString());
    }
    if (term.flags().contains(Collateral.NO_EXPIRY_DATE)) {
      note.append("; ").append(Collateral.NO_EXPIRY_DATE).append(": a flow right without an expiry date, valued at one year");
    }
    if (term.flags().contains(Collateral.EXPIRES_BEFORE_LOAN_MATURITY)) {
      note.append("; ").append(Collateral.EXPIRES_BEFORE_LOAN_MATURITY).append(": expires ").append(right.validUntil().orElseThrow())
          .append(", before the loan matures ").append(loan.maturesOn().orElseThrow()).append(": backs ")
          .append(term.loanCoverage().stripTrailingZeros().toPlainString()).append(" of the loan's remaining term");
    }
    return note.toString();
  }

  /**
   * The unit of a valuation's pledge quantity: once priced (a quote was taken) the unit its type is quoted in, else
   * the unit its right states (as a symbol when known); empty when neither is known.
   */
  public static Optional<String> quantityUnit(Valuation valuation) {
    Optional<Right> right = valuation.right();
    if (right.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> stated = right.get().unit().map(u -> Unit.parse(u).map(Unit::symbol).orElse(u));
    if (valuation.quote().isPresent()) {
      return Instrument.quoteUnit(right.get().rightType()).map(Unit::symbol).or(() -> stated);
    }
    return stated;
  }

  /** The unit of a valuation's prices, e.g. {@code yuan per t/a}; empty until the pledge is priced. */
  public static Optional<String> priceUnit(Valuation valuation) {
    return valuation.quote().isPresent()
        ? quantityUnit(valuation).map(u -> "yuan per " + u) : Optional.empty();
  }

  /**
   * The configured haircut of a right type ({@code collateral.right_types.<type>.haircut}), the floor of every
   * haircut the valuation gives it; empty when the type is not valued (no haircut and LTV configured).
   */
  public static Optional<BigDecimal> configuredHaircut(ParameterSet params, String rightType) {
    return rightType(rightType).filter(t -> params.has("collateral.right_types." + rightType + ".ltv"))
        .map(t -> Collateral.defaultHaircut(params, t));
  }

  static Optional<Collateral.RightType> rightType(String name) {
    for (Collateral.RightType t : Collateral.RightType.values()) {
      if (t.jsonName().equals(name)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
