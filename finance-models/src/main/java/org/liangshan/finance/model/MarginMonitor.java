package org.liangshan.finance.model;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.liangshan.core.method.Collateral;

/**
 * The daily margin-call check (METHODOLOGY.md section 7, "Collateral"): every pledge the valuation's rule values
 * on the day ({@link CollateralBook#value}, the same pricing as the valuation job) is compared with the
 * margin-call price of its latest valuation on or before the day (its reference, from gold.collateral_valuation).
 *
 * <pre>
 * margin call   when price(day) &lt; margin-call price of the reference      (price: min(spot, window average), or
 *                                                                         the thin-market fallback)
 * top-up        = core's Collateral at the reference (quantity, price, haircut, term factor), new price = price(day):
 *                 max(0, value / (price(day) · (1 − haircut) · term factor) − quantity)
 * shortfall     = value − quantity · price(day) · (1 − haircut) · term factor   (= top-up · price(day) · (1 − h) · tf)
 * top-up value  = top-up · price(day)                                          (market value of the rights to add)
 * </pre>
 *
 * The haircut and term of the reference apply, as in the methodology's top-up formula: the borrower restores the
 * value the loan was granted against, at the day's price. A pledge valued on the day without a reference
 * valuation is not checked and is listed in {@link Outcome#unreferenced()}.
 */
public final class MarginMonitor {
  private MarginMonitor() {}

  /** The latest valuation of a pledge on or before the day, as gold.collateral_valuation holds it. */
  public record Reference(String pledgeId, LocalDate valuationDate, BigDecimal valuationPrice, BigDecimal marginCallPrice,
      BigDecimal haircut, BigDecimal ltv, BigDecimal termFactor) {
    public Reference {
      requireNonNull(pledgeId, "pledgeId is null");
      requireNonNull(valuationDate, "valuationDate is null");
      requireNonNull(valuationPrice, "valuationPrice is null");
      requireNonNull(marginCallPrice, "marginCallPrice is null");
      requireNonNull(haircut, "haircut is null");
      requireNonNull(ltv, "ltv is null");
      requireNonNull(termFactor, "termFactor is null");
    }
  }

  /** A pledge below its line: the day's price and the top-up that restores the reference value. */
  public record Call(CollateralBook.Valuation revalued, Reference reference, BigDecimal price, BigDecimal collateralValueYuan,
      BigDecimal valueAtPriceYuan, BigDecimal shortfallYuan, BigDecimal topupQuantity, BigDecimal topupValueYuan) {
    public Call {
      requireNonNull(revalued, "revalued is null");
      requireNonNull(reference, "reference is null");
      requireNonNull(price, "price is null");
    }

    /** 1 − price / reference valuation price. */
    public BigDecimal priceDrop() {
      return BigDecimal.ONE.subtract(price.divide(reference.valuationPrice(), MathContext.DECIMAL64));
    }

    public String note() {
      return "price " + plain(price) + " on the day < margin-call price " + plain(reference.marginCallPrice()) + " of the "
          + reference.valuationDate() + " valuation (price " + plain(reference.valuationPrice()) + "); restoring its value "
          + plain(collateralValueYuan) + " at haircut " + plain(reference.haircut()) + " and term factor "
          + plain(reference.termFactor()) + " takes " + plain(topupQuantity.round(MathContext.DECIMAL64)) + " more units, or "
          + plain(shortfallYuan.round(MathContext.DECIMAL64)) + " yuan";
    }
  }

  /**
   * What the check found: the calls; how many valued pledges were checked and above their line; and the pledges
   * valued on the day that have no valuation on or before it to compare with.
   */
  public record Outcome(List<Call> calls, int checked, List<String> unreferenced) {
    public Outcome {
      calls = List.copyOf(calls);
      unreferenced = List.copyOf(unreferenced);
    }
  }

  /** The margin calls among {@code revaluation} against {@code references} (keyed by pledge id). */
  public static Outcome check(List<CollateralBook.Valuation> revaluation, Map<String, Reference> references,
      BigDecimal triggerDrop) {
    requireNonNull(triggerDrop, "triggerDrop is null");
    List<Call> calls = new ArrayList<>();
    List<String> unreferenced = new ArrayList<>();
    int checked = 0;
    for (CollateralBook.Valuation v : revaluation) {
      Optional<Collateral.Output> out = v.output();
      if (out.isEmpty()) {
        continue;
      }
      Reference ref = references.get(v.pledge().pledgeId());
      if (ref == null) {
        unreferenced.add(v.pledge().pledgeId());
        continue;
      }
      checked++;
      BigDecimal price = out.get().valuationPrice();
      if (price.compareTo(ref.marginCallPrice()) >= 0) {
        continue;
      }
      BigDecimal quantity = BigDecimal.valueOf(v.pledge().quantity());
      Collateral.Output atReference = Collateral.compute(new Collateral.Input(quantity, ref.valuationPrice(),
          ref.valuationPrice(), ref.haircut(), ref.ltv(), triggerDrop, price, ref.termFactor(), BigDecimal.ONE));
      Collateral.Output atPrice = Collateral.compute(new Collateral.Input(quantity, price, price, ref.haircut(), ref.ltv(),
          triggerDrop, null, ref.termFactor(), BigDecimal.ONE));
      BigDecimal shortfall = atReference.collateralValue().subtract(atPrice.collateralValue());
      calls.add(new Call(v, ref, price, atReference.collateralValue(), atPrice.collateralValue(), shortfall,
          atReference.topupQuantity(), atReference.topupQuantity().multiply(price)));
    }
    return new Outcome(calls, checked, unreferenced);
  }

  private static String plain(BigDecimal x) {
    return x.stripTrailingZeros().toPlainString();
  }
}
