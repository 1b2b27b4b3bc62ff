package org.liangshan.finance.publish;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.liangshan.finance.model.VolatilityHaircut;

/**
 * The price chart of a pledge in the valuation report: an inline SVG, drawn here on the server (the report has no
 * scripts), of the instrument's daily volume-weighted prices (the series the haircut measured,
 * {@link VolatilityHaircut#dailyPrices}) up to the valuation date, with three horizontal marks a credit officer
 * reads the risk from: the <b>valuation price</b>; the <b>haircut band</b>, from the valuation price down to
 * valuation price × (1 − haircut), the part of each unit's price the bank does not lend against; and the
 * <b>margin-call line</b>, at or below which the bank calls for more collateral.
 *
 * <p>Every mark carries its value ({@code data-price}, yuan per unit, and a {@code <title>} a reader's cursor
 * shows), so the picture and the table above it cannot say different things. The y axis spans every price
 * drawn, padded by 5 %; the x axis runs from the first day of the series to the valuation date.
 */
final class PriceChart {
  static final int WIDTH = 720;
  static final int HEIGHT = 260;
  static final int LEFT = 78;
  static final int RIGHT = 150;
  static final int TOP = 14;
  static final int BOTTOM = 30;

  private PriceChart() {}

  /** The plot's linear scales: dates to x, prices to y. */
  record Scale(LocalDate first, LocalDate last, double low, double high) {
    double x(LocalDate day) {
      long span = Math.max(1, ChronoUnit.DAYS.between(first, last));
      return LEFT + (WIDTH - LEFT - RIGHT) * (double) ChronoUnit.DAYS.between(first, day) / span;
    }

    double y(double price) {
      return TOP + (HEIGHT - TOP - BOTTOM) * (high - price) / (high - low);
    }

    /** The price at a y coordinate: the inverse of {@link #y}. */
    double price(double y) {
      return high - (y - TOP) * (high - low) / (HEIGHT - TOP - BOTTOM);
    }
  }

  /**
   * The chart, or empty when there is nothing to draw against (no valuation price). An empty price history still
   * draws the three marks, and says that no trade is in the window.
   */
  static Optional<String> svg(List<VolatilityHaircut.DailyPrice> history, LocalDate valuationDate,
      Optional<BigDecimal> valuationPrice, Optional<BigDecimal> haircut, Optional<BigDecimal> marginCallPrice) {
    requireNonNull(history, "history is null");
    requireNonNull(valuationDate, "valuationDate is null");
    if (valuationPrice.isEmpty()) {
      return Optional.empty();
    }
    BigDecimal valuation = valuationPrice.get();
    BigDecimal bandLow = valuation.multiply(BigDecimal.ONE.subtract(haircut.orElse(BigDecimal.ZERO)));
    Scale scale = scale(history, valuationDate, valuation, bandLow, marginCallPrice);

    StringBuilder s = new StringBuilder();
    s.append("<svg class=\"price-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
        .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
        .append("\" style=\"max-width:100%;height:auto;font-family:Arial,sans-serif\" role=\"img\" aria-label=\"price history with valuation price, haircut band and margin-call line\">\n");
    s.append("<rect x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"").append(WIDTH - LEFT - RIGHT)
        .append("\" height=\"").append(HEIGHT - TOP - BOTTOM).append("\" fill=\"#fafafa\" stroke=\"#bbb\"/>\n");
    band(s, scale, valuation, bandLow);
    mark(s, scale, "valuation", valuation, "#2f6b3a", "", "valuation price");
    marginCallPrice.ifPresent(m -> mark(s, scale, "margin-call", m, "#b00020", " stroke-dasharray=\"6 4\"", "margin call"));
    if (history.isEmpty()) {
      s.append("<text x=\"").append(LEFT + 8).append("\" y=\"").append(HEIGHT - BOTTOM - 8)
          .append("\" font-size=\"12\" fill=\"#555\">no trade of the instrument in the window</text>\n");
    } else {
      series(s, scale, history);
    }
    axes(s, scale);
    s.append("</svg>\n");
    return Optional.of(s.toString());
  }

  private static Scale scale(List<VolatilityHaircut.DailyPrice> history, LocalDate valuationDate, BigDecimal valuation,
      BigDecimal bandLow, Optional<BigDecimal> marginCall) {
    List<Double> prices = new ArrayList<>();
    history.forEach(d -> prices.add(d.priceYuan().doubleValue()));
    prices.add(valuation.doubleValue());
    prices.add(bandLow.doubleValue());
    marginCall.ifPresent(m -> prices.add(m.doubleValue()));
    double low = prices.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    double high = prices.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    double pad = high > low ? (high - low) * 0.05 : Math.max(Math.abs(high) * 0.05, 1);
    LocalDate first = history.isEmpty() ? valuationDate.minusDays(1) : history.get(0).date();
    return new Scale(first, valuationDate, low - pad, high + pad);
  }

  private static void band(StringBuilder s, Scale scale, BigDecimal valuation, BigDecimal bandLow) {
    double top = scale.y(valuation.doubleValue());
    double bottom = scale.y(bandLow.doubleValue());
    s.append("<rect class=\"haircut-band\" data-from=\"").append(plain(bandLow)).append("\" data-to=\"").append(plain(valuation))
        .append("\" x=\"").append(LEFT).append("\" y=\"").append(n(top)).append("\" width=\"").append(WIDTH - LEFT - RIGHT)
        .append("\" height=\"").append(n(bottom - top)).append("\" fill=\"#f3c77a\" fill-opacity=\"0.35\"><title>haircut band: ")
        .append(ValuationReport.price(bandLow)).append(" to ").append(ValuationReport.price(valuation))
        .append(" yuan per unit</title></rect>\n");
    s.append("<text x=\"").append(WIDTH - RIGHT + 6).append("\" y=\"").append(n((top + bottom) / 2 + 4))
        .append("\" font-size=\"11\" fill=\"#8a5a00\">haircut band</text>\n");
  }

  private static void mark(StringBuilder s, Scale scale, String cls, BigDecimal price, String colour, String dash,
      String label) {
    double y = scale.y(price.doubleValue());
    s.append("<line class=\"").append(cls).append("\" data-price=\"").append(plain(price)).append("\" x1=\"").append(LEFT)
        .append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"").append(n(y)).append("\" y2=\"").append(n(y))
        .append("\" stroke=\"").append(colour).append("\" stroke-width=\"1.5\"").append(dash).append("><title>").append(label)
        .append(' ').append(ValuationReport.price(price)).append(" yuan per unit</title></line>\n");
    s.append("<text x=\"").append(WIDTH - RIGHT + 6).append("\" y=\"").append(n(y + 4)).append("\" font-size=\"11\" fill=\"")
        .append(colour).append("\">").append(label).append(' ').append(ReportHtml.e(ValuationReport.price(price)))
        .append("</text>\n");
  }

  private static void series(StringBuilder s, Scale scale, List<VolatilityHaircut.DailyPrice> history) {
    s.append("<polyline class=\"price\" fill=\"none\" stroke=\"#1f4e9c\" stroke-width=\"1.5\" points=\"");
    for (int i = 0; i < history.size(); i++) {
      VolatilityHaircut.DailyPrice d = history.get(i);
      s.append(i == 0 ? "" : " ").append(n(scale.x(d.date()))).append(',').append(n(scale.y(d.priceYuan().doubleValue())));
    }
    s.append("\"><title>daily volume-weighted price, ").append(history.size()).append(" trading days from ")
        .append(history.get(0).date()).append(" to ").append(history.get(history.size() - 1).date()).append("</title></polyline>\n");
  }

  private static void axes(StringBuilder s, Scale scale) {
    int bottom = HEIGHT - BOTTOM;
    s.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(TOP + 10).append("\" font-size=\"11\" text-anchor=\"end\">")
        .append(ReportHtml.e(ValuationReport.price(BigDecimal.valueOf(scale.high())))).append("</text>\n");
    s.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(bottom).append("\" font-size=\"11\" text-anchor=\"end\">")
        .append(ReportHtml.e(ValuationReport.price(BigDecimal.valueOf(scale.low())))).append("</text>\n");
    s.append("<text x=\"").append(LEFT).append("\" y=\"").append(bottom + 16).append("\" font-size=\"11\">").append(scale.first())
        .append("</text>\n");
    s.append("<text x=\"").append(WIDTH - RIGHT).append("\" y=\"").append(bottom + 16)
        .append("\" font-size=\"11\" text-anchor=\"end\">").append(scale.last()).append(" (valuation date)</text>\n");
  }

  /** A coordinate at 0.01 px. */
  static String n(double coordinate) {
    return String.format(Locale.ROOT, "%.2f", coordinate);
  }

  private static String plain(BigDecimal price) {
    return price.setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
  }
}
