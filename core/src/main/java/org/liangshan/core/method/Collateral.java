package org.liangshan.core.method;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.param.ParameterSet;

/**
 * Collateral valuation of an environmental right pledged for a loan (METHODOLOGY.md section 7,
 * "Collateral"):
 *
 * <pre>
 * valuation price   = min(spot, 20-day average)
 * collateral value  = quantity × valuation price × (1 − haircut)
 * max loan          = value × LTV
 * margin-call price = valuation price × (1 − trigger drop)          (trigger drop 0.15 by default)
 * top-up at p       = max(0, value / (p·(1 − haircut)) − quantity)
 * </pre>
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
      BigDecimal newPrice) {
    public Input {
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
    BigDecimal value = in.quantity().multiply(valuation).multiply(keep);
    BigDecimal maxLoan = value.multiply(in.ltv());
    BigDecimal marginCall = valuation.multiply(BigDecimal.ONE.subtract(in.triggerDrop()));
    BigDecimal topupPrice = in.newPrice() == null ? marginCall : in.newPrice();
    BigDecimal topup;
    if (topupPrice.signum() == 0) {
      throw LiangshanException.badField(
          "trigger_drop",
          "a trigger drop of 1 leaves no margin-call price to top up at; give new_price");
    }
    topup =
        value
            .divide(topupPrice.multiply(keep), MathContext.DECIMAL128)
            .subtract(in.quantity())
            .max(BigDecimal.ZERO);
    return new Output(valuation, value, maxLoan, marginCall, topupPrice, topup);
  }
}
