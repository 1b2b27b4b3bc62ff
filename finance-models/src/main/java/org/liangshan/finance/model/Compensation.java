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
import org.liangshan.core.method.WaterCapacity;
import org.liangshan.core.method.XinanPIndex;
import org.liangshan.core.param.ParameterSet;
import org.liangshan.core.region.CompensationAgreement;
import org.liangshan.core.region.WaterFunctionZone;
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
 *   <li>{@code xinan-p-index}, monthly: core's {@link XinanPIndex} on the four factors' monthly means
 *       against baselines; the month's share of the agreement's annual fund (fund / 12, in fen, parts
 *       summing to the fund) is paid by the party P names.
 *   <li>{@code gep-keyed}, yearly: core's {@link VerticalCompensation} on each district's GEP and GEP
 *       growth; transfers sum exactly to the fund.
 * </ul>
 */
public final class Compensation {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Compensation() {}

  /** A factor's monthly mean and where it came from. */
  public record Concentration(double valueMgL, String method, long samples) {}

  /** A baseline Cᵢ0 and its basis. */
  public record Baseline(double valueMgL, String basis) {}

  /** A district's GEP this year and, when known, last year. */
  public record DistrictGep(String code, String name, BigDecimal gepYuan, Optional<BigDecimal> previousGepYuan) {
    public DistrictGep {
      requireNonNull(code, "code is null");
      requireNonNull(name, "name is null");
      requireNonNull(gepYuan, "gepYuan is null");
      requireNonNull(previousGepYuan, "previousGepYuan is null");
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
    return Optional.of(new CompensationLedger.Entry(entryId(agreement.id(), month.toString(), revision), month.toString(),
        agreement.id(), agreement.method(), side(agreement, out.payer()), side(agreement, out.payee()), exact, fen,
        basis.toString()));
  }

  /** The Xin'an P-index entry of a month, or empty when a factor is unmeasured. */
  public static Optional<CompensationLedger.Entry> xinan(CompensationAgreement agreement, YearMonth month,
      Map<String, Concentration> concentrations, Map<String, Baseline> baselines, BigDecimal monthlyPartYuan, int revision,
      ParameterSet params) {
    Map<String, BigDecimal> c = new LinkedHashMap<>();
    Map<String, BigDecimal> b = new LinkedHashMap<>();
    ObjectNode basis = basis(agreement, month.toString());
    ArrayNode factorNodes = basis.putArray("factors");
    for (String factor : XinanPIndex.FACTORS) {
      Concentration conc = concentrations.get(factor);
      Baseline base = baselines.get(factor);
      if (conc == null || base == null) {
        return Optional.empty();
      }
      c.put(factor, BigDecimal.valueOf(conc.valueMgL()));
      b.put(factor, BigDecimal.valueOf(base.valueMgL()));
      ObjectNode f = factorNodes.addObject();
      f.put("name", factor);
      f.put("measured_mg_l", conc.valueMgL());
      f.put("method", conc.method());
      f.put("samples", conc.samples());
      f.put("baseline_mg_l", base.valueMgL());
      f.put("baseline_basis", base.basis());
    }
    BigDecimal k0 = BigDecimal.valueOf(agreement.k0());
    XinanPIndex.Output out = XinanPIndex.compute(new XinanPIndex.Input(c, b, k0, XinanPIndex.defaultWeights(params)));
    basis.put("k0", k0);
    ObjectNode weights = basis.putObject("weights");
    XinanPIndex.defaultWeights(params).forEach(weights::put);
    basis.put("p", out.p());
    basis.put("payer_side", out.payer().jsonName());
    basis.put("annual_fund_yuan", agreement.annualFundYuan().orElseThrow());
    basis.put("monthly_part_yuan", monthlyPartYuan);
    return Optional.of(new CompensationLedger.Entry(entryId(agreement.id(), month.toString(), revision), month.toString(),
        agreement.id(), agreement.method(), side(agreement, out.payer()), side(agreement, out.payee()), monthlyPartYuan,
        monthlyPartYuan, basis.toString()));
  }

  /**
   * The Xin'an baseline of a factor: the mean of earlier years' monthly means when there are any,
   * otherwise the GB 3838-2002 limit of the section zone's target class (TN by the lake table, as the
   * Xin'an agreement assesses TN on the river too).
   */
  public static Baseline xinanBaseline(Optional<WaterQuality.Mean> earlier, int fromYear, int toYear, String factor,
      WaterFunctionZone zone, ParameterSet params) {
    if (earlier.isPresent()) {
      return new Baseline(earlier.get().valueMgL(), "mean of monthly means " + fromYear + "-" + toYear + " ("
          + earlier.get().method() + ", " + earlier.get().samples() + " samples)");
    }
    WaterFunctionZone.WaterBody body = factor.equals("tn") ? WaterFunctionZone.WaterBody.LAKE : zone.waterBody();
    double limit = WaterCapacity.standardLimitMgL(params, factor, body, zone.targetClass());
    return new Baseline(limit, "no data " + fromYear + "-" + toYear + ": GB 3838-2002 class "
        + WaterCapacity.CLASS_NAMES.get(zone.targetClass() - 1) + " limit" + (factor.equals("tn") ? " (lake table)" : ""));
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
          agreement.id(), agreement.method(), agreement.payer().orElseThrow(), d.name(), amount, amount, basis.toString()));
    }
    return List.copyOf(entries);
  }

  private static ObjectNode basis(CompensationAgreement agreement, String period) {
    ObjectNode node = JSON.createObjectNode();
    node.put("agreement", agreement.id());
    node.put("method", agreement.method());
    node.put("period", period);
    agreement.sectionId().ifPresent(s -> node.put("section", s));
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
