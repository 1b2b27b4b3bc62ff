package org.liangshan.core.method;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.param.ParameterSet;

/**
 * Vertical compensation: a fund split across districts by GEP and GEP growth (METHODOLOGY.md
 * section 5, "Vertical"; a Liangshan design choice, {@code compensation.vertical.*}):
 *
 * <pre>
 * transferᵢ = Fund·[α·GEPᵢ/ΣGEP + β·max(ΔGEPᵢ, 0)/Σmax(ΔGEP, 0)],  α + β = 1
 * </pre>
 *
 * <b>Exact parts.</b> Each exact share is the rational number Fund·(α·GEPᵢ·G + β·gᵢ·S)/(S·G) (S =
 * ΣGEP, gᵢ = max(ΔGEPᵢ, 0), G = Σgᵢ), computed without rounding. Parts are paid in units of
 * 10^−scale yuan (scale 2, the fen, by default): every district first gets its share rounded down
 * to a unit, then the units left over (fewer than the number of districts) go one each to the
 * districts with the largest exact remainders, equal remainders by district id in ascending order
 * (the largest-remainder, or Hamilton, method). The parts therefore sum exactly to the fund and
 * each is within one unit of its exact share, whatever the input order. When no district's GEP grew
 * (G = 0), the growth part is split by GEP too, so the whole fund is still paid out.
 */
public final class VerticalCompensation {
  private VerticalCompensation() {}

  public record District(String id, BigDecimal gepYuan, BigDecimal gepGrowthYuan) {
    public District {
      Checks.present("id", id);
      Checks.nonNegative("gep_yuan", gepYuan);
      Checks.present("gep_growth_yuan", gepGrowthYuan);
    }
  }

  public record Input(
      BigDecimal fundYuan, BigDecimal alpha, BigDecimal beta, List<District> districts, int scale) {
    public Input {
      Checks.nonNegative("fund_yuan", fundYuan);
      Checks.fraction("alpha", alpha);
      Checks.fraction("beta", beta);
      if (alpha.add(beta).compareTo(BigDecimal.ONE) != 0) {
        throw LiangshanException.badField(
            "beta",
            "alpha + beta must be 1, got " + alpha.toPlainString() + " + " + beta.toPlainString());
      }
      districts = List.copyOf(Checks.present("districts", districts));
      if (districts.isEmpty()) {
        throw LiangshanException.badField("districts", "must list at least one district");
      }
      Set<String> ids = new HashSet<>();
      BigDecimal total = BigDecimal.ZERO;
      for (int i = 0; i < districts.size(); i++) {
        if (!ids.add(districts.get(i).id())) {
          throw LiangshanException.badField(
              "districts[" + i + "].id", "duplicate district '" + districts.get(i).id() + "'");
        }
        total = total.add(districts.get(i).gepYuan());
      }
      if (total.signum() == 0) {
        throw LiangshanException.badField(
            "districts", "total GEP must be > 0 to split the fund by it");
      }
      if (scale < 0 || scale > 6) {
        throw LiangshanException.badField("scale", "must be in [0, 6], got " + scale);
      }
      if (fundYuan.stripTrailingZeros().scale() > scale) {
        throw LiangshanException.badField(
            "fund_yuan",
            "has more decimals than the payment unit 10^-"
                + scale
                + " yuan, got "
                + fundYuan.toPlainString());
      }
    }

    /** An input with α, β and the scale from {@code compensation.vertical.*}. */
    public static Input of(BigDecimal fundYuan, List<District> districts, ParameterSet params) {
      return new Input(
          fundYuan,
          params.decimal("compensation.vertical.alpha"),
          params.decimal("compensation.vertical.beta"),
          districts,
          (int) params.number("compensation.vertical.scale"));
    }
  }

  /** A district's transfer in yuan, a whole number of payment units. */
  public record Transfer(String districtId, BigDecimal amountYuan) {
    public Transfer {
      requireNonNull(districtId, "districtId is null");
      requireNonNull(amountYuan, "amountYuan is null");
    }
  }

  /** Transfers in input order; their amounts sum exactly to {@code fundYuan}. */
  public record Output(List<Transfer> transfers, BigDecimal fundYuan) {
    public Output {
      transfers = List.copyOf(transfers);
      requireNonNull(fundYuan, "fundYuan is null");
    }

    public BigDecimal total() {
      return transfers.stream().map(Transfer::amountYuan).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
  }

  public static Output compute(Input in) {
    requireNonNull(in, "input is null");
    List<District> districts = in.districts();
    BigDecimal gepTotal = BigDecimal.ZERO;
    BigDecimal growthTotal = BigDecimal.ZERO;
    for (District d : districts) {
      gepTotal = gepTotal.add(d.gepYuan());
      growthTotal = growthTotal.add(d.gepGrowthYuan().max(BigDecimal.ZERO));
    }
    boolean noGrowth = growthTotal.signum() == 0;
    // Exact share_i = numerator_i / denominator, one common denominator.
    BigDecimal denominator = noGrowth ? gepTotal : gepTotal.multiply(growthTotal);
    BigDecimal unit = BigDecimal.ONE.movePointLeft(in.scale());
    BigDecimal fund = in.fundYuan();
    int n = districts.size();
    BigDecimal[] floors = new BigDecimal[n];
    BigDecimal[] remainders = new BigDecimal[n];
    BigDecimal allocated = BigDecimal.ZERO;
    for (int i = 0; i < n; i++) {
      District d = districts.get(i);
      BigDecimal numerator =
          noGrowth
              ? fund.multiply(d.gepYuan())
              : fund.multiply(
                  in.alpha()
                      .multiply(d.gepYuan())
                      .multiply(growthTotal)
                      .add(
                          in.beta()
                              .multiply(d.gepGrowthYuan().max(BigDecimal.ZERO))
                              .multiply(gepTotal)));
      floors[i] = numerator.divide(denominator, in.scale(), RoundingMode.DOWN);
      remainders[i] = numerator.subtract(floors[i].multiply(denominator));
      allocated = allocated.add(floors[i]);
    }
    BigInteger leftoverUnits = fund.subtract(allocated).divide(unit).toBigIntegerExact();
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      order.add(i);
    }
    order.sort(
        Comparator.<Integer, BigDecimal>comparing(i -> remainders[i])
            .reversed()
            .thenComparing(i -> districts.get(i).id()));
    int leftover = leftoverUnits.intValueExact();
    for (int k = 0; k < leftover; k++) {
      int i = order.get(k);
      floors[i] = floors[i].add(unit);
    }
    List<Transfer> transfers = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      transfers.add(new Transfer(districts.get(i).id(), floors[i]));
    }
    return new Output(transfers, fund);
  }
}
