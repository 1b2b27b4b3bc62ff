package org.liangshan.finance.model;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.liangshan.core.method.Party;
import org.liangshan.core.method.SectionCompensation;
import org.liangshan.core.method.VerticalCompensation;
import org.liangshan.core.method.XinanPIndex;
import org.liangshan.core.param.IllustrativeShare;
import org.liangshan.core.param.ParameterSet;
import org.liangshan.core.region.CompensationAgreement;
import org.liangshan.market.model.Hydrology;
import org.liangshan.market.model.WaterQuality;

/**
 * Ledger entries of the compensation agreements (METHODOLOGY.md section 5), each computed by a core
 * class, with a JSON basis of every input:
 *
 * <ul>
 *   <li>{@code section-compensation} (Jiangsu), monthly: core's {@link SectionCompensation} on the
 *       section's monthly mean concentrations of the agreement's factors and the month's volume; the net
 *       is paid by the party it names.
 *   <li>{@code xinan-p-index}, yearly, as the Xin'an agreements settle: core's {@link XinanPIndex} on the
 *       year's mean of each factor against the agreement's fixed baseline; the agreed amount is paid by the
 *       party P names; a water-quantity term, where the agreement has one, is an entry of its own.
 *   <li>{@code fixed-transfer}, yearly: the agreed amount from payer to payee (a key-function-area transfer).
 *   <li>{@code gep-keyed}, yearly: core's {@link VerticalCompensation} on each district's GEP and GEP
 *       growth; transfers sum exactly to the fund.
 * </ul>
 */
public final class Compensation {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Compensation() {}

  /** A factor's monthly mean and where it came from. */
  public record Concentration(double valueMgL, String method, long samples) {}

  /** A factor's mean over a year: the mean of its monthly means, over {@code months} months. */
  public record AnnualMean(double valueMgL, String method, long samples, int months) {}

  /** A baseline Cᵢ0 and its basis. */
  public record Baseline(double valueMgL, String basis) {}

  /** An entry, or why the agreement's period was not settled (what the summary lists). */
  public record Settled(Optional<CompensationLedger.Entry> entry, Optional<String> reason) {
    public Settled {
      requireNonNull(entry, "entry is null");
      requireNonNull(reason, "reason is null");
      if (entry.isPresent() == reason.isPresent()) {
        throw new IllegalArgumentException("Invalid settlement (an entry or a reason, one of them)");
      }
    }

    static Settled of(CompensationLedger.Entry entry) {
      return new Settled(Optional.of(entry), Optional.empty());
    }

    static Settled not(String reason) {
      return new Settled(Optional.empty(), Optional.of(reason));
    }
  }

  /**
   * A district's GEP this year and, when known, last year, each with the share of it resting on illustrative
   * parameters (gold.gep_by_district.illustrative_share, value-weighted over the district's services).
   */
  public record DistrictGep(String code, String name, BigDecimal gepYuan, double illustrativeShare,
      Optional<BigDecimal> previousGepYuan, double previousIllustrativeShare) {
    public DistrictGep {
      requireNonNull(code, "code is null");
      requireNonNull(name, "name is null");
      requireNonNull(gepYuan, "gepYuan is null");
      requireNonNull(previousGepYuan, "previousGepYuan is null");
      new Reliance.Figure("the GEP of " + code, illustrativeShare);
      new Reliance.Figure("the previous GEP of " + code, previousIllustrativeShare);
    }

    /** The district's GEP with its share. */
    Reliance.Figure gep() {
      return new Reliance.Figure("the GEP of " + code, illustrativeShare);
    }

    /**
     * The district's GEP growth with its share: the growth is this year's GEP less last year's, a sum of two
     * figures, so their shares weigh by the two GEPs.
     */
    Reliance.Figure growth() {
      double share = IllustrativeShare.ofSum(List.of(new IllustrativeShare.Part(gepYuan.doubleValue(), illustrativeShare),
          new IllustrativeShare.Part(previousGepYuan.orElse(BigDecimal.ZERO).doubleValue(), previousIllustrativeShare)));
      return new Reliance.Figure("the GEP growth of " + code, share);
    }
  }

  public static String entryId(String agreementId, String period, int revision) {
    return agreementId + ":" + period + ":r" + revision;
  }

  /** The Jiangsu per-factor entry of a month, or empty when a factor is unmeasured or the net is zero. */
  public static Optional<CompensationLedger.Entry> sectionCompensation(CompensationAgreement agreement, YearMonth month,
      Map<String, Concentration> concentrations, double meanFlowM3S, int revision, ParameterSet params) {
    BigDecimal volume = Hydrology.monthlyVolumeM3(meanFlowM3S, month);
    List<SectionCompensation.Factor> factors = new ArrayList<>();
    ObjectNode basis = basis(agreement, month.toString());
    basis.put("mean_flow_m3_s", meanFlowM3S);
    basis.put("seconds", month.lengthOfMonth() * 86_400L);
    basis.put("monthly_volume_m3", volume);
    ArrayNode factorNodes = basis.putArray("factors");
    for (CompensationAgreement.FactorTarget target : agreement.factors()) {
      Concentration c = concentrations.get(target.name());
      if (c == null) {
        return Optional.empty();
      }
      BigDecimal rate = SectionCompensation.defaultRate(params, target.name())
          .orElseThrow(() -> org.liangshan.core.LiangshanException.failure(
              "No rate for factor '%s' of agreement %s: add compensation.jiangsu.rates_yuan_per_t.%s to the parameter set.",
              target.name(), agreement.id(), target.name()));
      factors.add(new SectionCompensation.Factor(target.name(), BigDecimal.valueOf(c.valueMgL()),
          BigDecimal.valueOf(target.targetMgL()), rate));
      ObjectNode f = factorNodes.addObject();
      f.put("name", target.name());
      f.put("measured_mg_l", c.valueMgL());
      f.put("method", c.method());
      f.put("samples", c.samples());
      f.put("target_mg_l", target.targetMgL());
      f.put("rate_yuan_per_t", rate);
    }
    SectionCompensation.Output out = SectionCompensation.compute(new SectionCompensation.Input(volume, factors));
    ObjectNode amounts = basis.putObject("amounts_yuan");
    out.amountsYuan().forEach(amounts::put);
    basis.put("net_yuan", out.netYuan());
    basis.put("payer_side", out.payer().jsonName());
    if (out.payer() == Party.NONE) {
      return Optional.empty();
    }
    BigDecimal exact = out.netYuan().abs();
    BigDecimal fen = CompensationLedger.toFen(exact);
    if (fen.signum() == 0) {
      return Optional.empty();
    }
    // The net is the sum of the factors' amounts, each proportional to the factor's rate and the agreement's target.
    List<Reliance.Term> terms = new ArrayList<>();
    out.amountsYuan().forEach((factor, amount) -> terms.add(new Reliance.Term(factor, amount.doubleValue(),
        List.of(Reliance.agreement(agreement), new Reliance.Parameter(SectionCompensation.rateKey(factor))))));
    return Optional.of(new CompensationLedger.Entry(entryId(agreement.id(), month.toString(), revision), month.toString(),
        agreement.id(), agreement.method(), side(agreement, out.payer()), side(agreement, out.payee()), exact, fen,
        basis.toString(), new Reliance(terms)));
  }

  /**
   * The Xin'an P-index entry of a year, settled as the agreements do: Cᵢ the year's mean concentration
   * (mean of the monthly means), Cᵢ0 the agreement's fixed baseline ({@link #xinanBaseline}), weights those
   * the agreement declares (else the parameter set's), K0 the agreement's. The agreed amount ({@code
   * annual_fund_yuan}) is paid by the party P names: P ≤ 1 downstream pays upstream, P > 1 upstream pays
   * downstream. Empty with the reason when a factor has no annual mean or no baseline: a settlement is never
   * made on a substitute baseline.
   */
  public static Settled xinanAnnual(CompensationAgreement agreement, int year, Map<String, AnnualMean> annualMeans,
      Map<String, Baseline> baselines, int revision, ParameterSet params) {
    Map<String, BigDecimal> c = new LinkedHashMap<>();
    Map<String, BigDecimal> b = new LinkedHashMap<>();
    String period = Integer.toString(year);
    ObjectNode basis = basis(agreement, period);
    ArrayNode factorNodes = basis.putArray("factors");
    Map<String, BigDecimal> weights = weights(agreement, params);
    for (String factor : weights.keySet()) {
      AnnualMean mean = annualMeans.get(factor);
      if (mean == null) {
        return Settled.not(agreement.id() + " " + year + ": " + factor + " has no measurement in " + year + " at "
            + agreement.sectionId().orElseThrow() + ", so the year's P-index cannot be settled");
      }
      Baseline base = baselines.get(factor);
      if (base == null) {
        return Settled.not(agreement.id() + " " + year + ": no baseline for " + factor + " ("
            + describe(agreement.terms().baseline()) + "); declare the agreement's baseline years or values");
      }
      c.put(factor, BigDecimal.valueOf(mean.valueMgL()));
      b.put(factor, BigDecimal.valueOf(base.valueMgL()));
      ObjectNode f = factorNodes.addObject();
      f.put("name", factor);
      f.put("annual_mean_mg_l", mean.valueMgL());
      f.put("months", mean.months());
      f.put("method", mean.method());
      f.put("samples", mean.samples());
      f.put("baseline_mg_l", base.valueMgL());
      f.put("baseline_basis", base.basis());
    }
    BigDecimal k0 = BigDecimal.valueOf(agreement.k0());
    XinanPIndex.Output out = XinanPIndex.compute(new XinanPIndex.Input(c, b, k0, weights));
    basis.put("settlement", "annual");
    basis.put("k0", k0);
    ObjectNode w = basis.putObject("weights");
    weights.forEach(w::put);
    basis.put("p", out.p());
    basis.put("payer_side", out.payer().jsonName());
    BigDecimal fund = agreement.annualFundYuan().orElseThrow();
    basis.put("annual_fund_yuan", fund);
    BigDecimal fen = CompensationLedger.toFen(fund);
    // The agreed fund is paid one way or the other: the amount rests on the fund and on all P is computed from
    // (K0, baseline and weights of the agreement, or the parameter set's weights).
    List<Reliance.Ground> restsOn = new ArrayList<>(List.of(Reliance.agreement(agreement)));
    if (agreement.terms().weights().isEmpty()) {
      restsOn.add(new Reliance.Parameter(XinanPIndex.WEIGHTS_KEY));
    }
    return Settled.of(new CompensationLedger.Entry(entryId(agreement.id(), period, revision), period, agreement.id(),
        agreement.method(), side(agreement, out.payer()), side(agreement, out.payee()), fund, fen, basis.toString(),
        Reliance.proportional(fund.doubleValue(), restsOn)));
  }

  /**
   * The water-quantity entry of a year ({@link CompensationAgreement.QuantityTerm}): (volume − baseline) × rate,
   * the downstream party paying the upstream one for water above the baseline; below it nothing, unless the
   * term is two-way (then the upstream party pays the shortfall). The volume is the sum of the twelve monthly
   * volumes (mean daily flow × seconds of the month); a year missing a month's flow is not settled.
   */
  public static Settled quantity(CompensationAgreement agreement, int year, Map<YearMonth, Double> monthlyMeanFlowM3S,
      int revision) {
    CompensationAgreement.QuantityTerm term = agreement.terms().quantity().orElseThrow();
    String period = Integer.toString(year);
    BigDecimal volume = BigDecimal.ZERO;
    List<String> missing = new ArrayList<>();
    for (int m = 1; m <= 12; m++) {
      YearMonth month = YearMonth.of(year, m);
      Double flow = monthlyMeanFlowM3S.get(month);
      if (flow == null) {
        missing.add(month.toString());
      } else {
        volume = volume.add(Hydrology.monthlyVolumeM3(flow, month));
      }
    }
    if (!missing.isEmpty()) {
      return Settled.not(agreement.id() + " " + year + ": the quantity term needs the flow of every month at "
          + agreement.sectionId().orElseThrow() + "; none in " + String.join(", ", missing));
    }
    BigDecimal baseline = BigDecimal.valueOf(term.baselineM3());
    BigDecimal excess = volume.subtract(baseline);
    ObjectNode basis = basis(agreement, period);
    basis.put("term", "water quantity");
    basis.put("annual_volume_m3", volume);
    basis.put("baseline_volume_m3", baseline);
    basis.put("volume_minus_baseline_m3", excess);
    basis.put("rate_yuan_per_m3", term.rateYuanPerM3());
    basis.put("two_way", term.twoWay());
    basis.put("quantity_source", term.source());
    basis.put("quantity_status", term.status());
    if (excess.signum() == 0 || (excess.signum() < 0 && !term.twoWay())) {
      return Settled.not(agreement.id() + " " + year + ": water quantity " + volume.toPlainString()
          + " m3 is not above the baseline " + baseline.toPlainString() + " m3: no quantity reward");
    }
    BigDecimal exact = excess.abs().multiply(term.rateYuanPerM3());
    BigDecimal fen = CompensationLedger.toFen(exact);
    if (fen.signum() == 0) {
      return Settled.not(agreement.id() + " " + year + ": the quantity term rounds to 0 fen");
    }
    boolean more = excess.signum() > 0;
    String payer = more ? agreement.downstream().orElseThrow() : agreement.upstream().orElseThrow();
    String payee = more ? agreement.upstream().orElseThrow() : agreement.downstream().orElseThrow();
    return Settled.of(new CompensationLedger.Entry(agreement.id() + ":" + period + ":quantity:r" + revision, period,
        agreement.id(), agreement.method(), payer, payee, exact, fen, basis.toString(),
        Reliance.proportional(exact.doubleValue(), List.of(Reliance.agreement(agreement),
            new Reliance.Declared("the water-quantity term of agreement " + agreement.id(), term.status())))));
  }

  /** The yearly entry of a fixed transfer (a key-function-area transfer): the agreed amount, payer to payee. */
  public static CompensationLedger.Entry fixedTransfer(CompensationAgreement agreement, int year, int revision) {
    String period = Integer.toString(year);
    BigDecimal fund = agreement.annualFundYuan().orElseThrow();
    ObjectNode basis = basis(agreement, period);
    basis.put("annual_fund_yuan", fund);
    return new CompensationLedger.Entry(entryId(agreement.id(), period, revision), period, agreement.id(), agreement.method(),
        agreement.payer().orElseThrow(), agreement.payee().orElseThrow(), fund, CompensationLedger.toFen(fund),
        basis.toString(), Reliance.proportional(fund.doubleValue(), List.of(Reliance.agreement(agreement))));
  }

  /**
   * The fixed baseline Cᵢ0 of a factor: the value the agreement writes, or the mean of the monthly means over
   * its baseline years ({@code earlier}, read for exactly those years); empty when the agreement declares no
   * baseline or its years have no data. Never a standard limit in its place: the GB 3838 limit of a zone is a
   * target, not the upstream water's history, and for TN it would be a lake limit on a river.
   */
  public static Optional<Baseline> xinanBaseline(CompensationAgreement agreement, String factor,
      Optional<WaterQuality.Mean> earlier) {
    Optional<CompensationAgreement.Baseline> declared = agreement.terms().baseline();
    if (declared.isEmpty()) {
      return Optional.empty();
    }
    CompensationAgreement.Baseline base = declared.get();
    if (!base.valuesMgL().isEmpty()) {
      Double value = base.valuesMgL().get(factor);
      return value == null ? Optional.empty()
          : Optional.of(new Baseline(value, "fixed value in the agreement (" + agreement.terms().status() + ")"));
    }
    return earlier.map(mean -> new Baseline(mean.valueMgL(), "mean of monthly means " + describe(declared) + " ("
        + mean.method() + ", " + mean.samples() + " samples)"));
  }

  /** The weights of a P-index agreement: its own when declared, else the parameter set's. */
  public static Map<String, BigDecimal> weights(CompensationAgreement agreement, ParameterSet params) {
    return agreement.terms().weights().isEmpty() ? XinanPIndex.defaultWeights(params) : agreement.terms().weights();
  }

  private static String describe(Optional<CompensationAgreement.Baseline> baseline) {
    if (baseline.isEmpty()) {
      return "the agreement declares no baseline";
    }
    CompensationAgreement.Baseline b = baseline.get();
    return b.fromYear().isPresent() ? "fixed baseline years " + b.fromYear().get() + "-" + b.toYear().get()
        : "fixed baseline values " + b.valuesMgL();
  }

  /** The yearly GEP-keyed transfers of a vertical agreement, one entry per district paid. */
  public static List<CompensationLedger.Entry> vertical(CompensationAgreement agreement, int year, List<DistrictGep> districts,
      int revision, ParameterSet params) {
    BigDecimal fund = agreement.annualFundYuan().orElseThrow();
    List<VerticalCompensation.District> input = new ArrayList<>();
    boolean anyPrevious = false;
    for (DistrictGep d : districts) {
      BigDecimal growth = d.previousGepYuan().map(p -> d.gepYuan().subtract(p)).orElse(BigDecimal.ZERO);
      anyPrevious |= d.previousGepYuan().isPresent();
      input.add(new VerticalCompensation.District(d.code(), d.gepYuan(), growth));
    }
    BigDecimal alpha = BigDecimal.valueOf(agreement.alpha());
    BigDecimal beta = BigDecimal.valueOf(agreement.beta());
    VerticalCompensation.Output out = VerticalCompensation.compute(new VerticalCompensation.Input(
        fund, alpha, beta, input, (int) params.number("compensation.vertical.scale")));
    BigDecimal total = BigDecimal.ZERO;
    BigDecimal growthTotal = BigDecimal.ZERO;
    for (VerticalCompensation.District d : input) {
      total = total.add(d.gepYuan());
      growthTotal = growthTotal.add(d.gepGrowthYuan().max(BigDecimal.ZERO));
    }
    List<CompensationLedger.Entry> entries = new ArrayList<>();
    String period = Integer.toString(year);
    for (int i = 0; i < districts.size(); i++) {
      DistrictGep d = districts.get(i);
      BigDecimal amount = out.transfers().get(i).amountYuan();
      if (amount.signum() == 0) {
        continue;
      }
      ObjectNode basis = basis(agreement, period);
      basis.put("district_code", d.code());
      basis.put("district", d.name());
      basis.put("gep_yuan", d.gepYuan());
      if (d.previousGepYuan().isPresent()) {
        basis.put("previous_gep_yuan", d.previousGepYuan().get());
        basis.put("gep_growth_yuan", input.get(i).gepGrowthYuan());
      } else {
        basis.putNull("previous_gep_yuan");
        basis.put("gep_growth_yuan", BigDecimal.ZERO);
        basis.put("growth_note", "no GEP for " + (year - 1) + ": growth counted as 0");
      }
      basis.put("total_gep_yuan", total);
      basis.put("total_positive_growth_yuan", growthTotal);
      if (growthTotal.signum() == 0) {
        basis.put("growth_share_note", anyPrevious
            ? "no district's GEP grew: the growth share is 0 and the whole fund is split by GEP"
            : "no GEP of the previous year: the growth share is 0 and the whole fund is split by GEP");
      }
      basis.put("alpha", alpha);
      basis.put("beta", beta);
      basis.put("annual_fund_yuan", fund);
      entries.add(new CompensationLedger.Entry(agreement.id() + ":" + period + ":" + d.code() + ":r" + revision, period,
          agreement.id(), agreement.method(), agreement.payer().orElseThrow(), d.name(), amount, amount, basis.toString(),
          verticalReliance(agreement, d, input.get(i), total, growthTotal)));
    }
    return List.copyOf(entries);
  }

  /**
   * What a GEP-keyed transfer rests on: fund × α × GEPᵢ / ΣGEP (the district's GEP and the agreement's terms) plus
   * fund × β × growthᵢ⁺ / Σgrowth⁺ (its GEP growth and the agreement's terms); the whole fund by GEP when no
   * district grew. The district's own GEP is the figure a term is proportional to; the total over the districts
   * only normalises (a parameter that moves every district's GEP alike leaves the split unchanged).
   */
  private static Reliance verticalReliance(CompensationAgreement agreement, DistrictGep d, VerticalCompensation.District in,
      BigDecimal gepTotal, BigDecimal growthTotal) {
    double fund = agreement.annualFundYuan().orElseThrow().doubleValue();
    Reliance.Declared terms = Reliance.agreement(agreement);
    if (growthTotal.signum() == 0) {
      return new Reliance(List.of(new Reliance.Term("gep share", fund * d.gepYuan().doubleValue() / gepTotal.doubleValue(),
          List.of(terms, d.gep()))));
    }
    double byGep = fund * agreement.alpha() * d.gepYuan().doubleValue() / gepTotal.doubleValue();
    double byGrowth = fund * agreement.beta() * in.gepGrowthYuan().max(BigDecimal.ZERO).doubleValue()
        / growthTotal.doubleValue();
    return new Reliance(List.of(new Reliance.Term("gep share", byGep, List.of(terms, d.gep())),
        new Reliance.Term("gep growth", byGrowth, List.of(terms, d.growth()))));
  }

  private static ObjectNode basis(CompensationAgreement agreement, String period) {
    ObjectNode node = JSON.createObjectNode();
    node.put("agreement", agreement.id());
    node.put("method", agreement.method());
    node.put("period", period);
    agreement.sectionId().ifPresent(s -> node.put("section", s));
    node.put("terms_status", agreement.terms().status());
    node.put("terms_source", agreement.terms().source());
    return node;
  }

  private static String side(CompensationAgreement agreement, Party party) {
    return switch (party) {
      case UPSTREAM -> agreement.upstream().orElseThrow();
      case DOWNSTREAM -> agreement.downstream().orElseThrow();
      case NONE -> throw new IllegalArgumentException("No paying side in " + agreement.id());
    };
  }
}
