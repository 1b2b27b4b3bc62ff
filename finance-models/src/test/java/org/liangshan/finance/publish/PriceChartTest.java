package org.liangshan.finance.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.liangshan.finance.model.VolatilityHaircut;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The report's price chart: the series and the three marks at their values, on one linear price scale. */
class PriceChartTest {
  private static final LocalDate DATE = LocalDate.parse("2024-12-31");

  /** Four trading days at 100, 110, 90 and 95 yuan; valued at 90 with a 20 % haircut, margin call at 76.5. */
  private static final List<VolatilityHaircut.DailyPrice> HISTORY = List.of(
      day("2024-12-01", "100"), day("2024-12-10", "110"), day("2024-12-20", "90"), day("2024-12-31", "95"));

  private static VolatilityHaircut.DailyPrice day(String date, String price) {
    return new VolatilityHaircut.DailyPrice(LocalDate.parse(date), new BigDecimal(price), 1, 10);
  }

  /**
   * The expected y of a price, written out: every price drawn spans 72 (band bottom 90 × 0.8) to 110, padded by 5 %
   * of the 38 span (1.9), so the axis runs 70.1..111.9; the plot is 260 − 14 − 30 = 216 px high from y = 14.
   */
  private static double y(double price) {
    return 14 + 216 * (111.9 - price) / 41.8;
  }

  private static Document svg() throws Exception {
    String svg = PriceChart.svg(HISTORY, DATE, Optional.of(new BigDecimal("90")), Optional.of(new BigDecimal("0.2")),
        Optional.of(new BigDecimal("76.5"))).orElseThrow();
    return DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  private static Element one(Document d, String tag, String cls) {
    var nodes = d.getElementsByTagName(tag);
    Element found = null;
    for (int i = 0; i < nodes.getLength(); i++) {
      Element e = (Element) nodes.item(i);
      if (e.getAttribute("class").equals(cls)) {
        assertThat(found).as("one " + tag + "." + cls).isNull();
        found = e;
      }
    }
    assertThat(found).as(tag + "." + cls).isNotNull();
    return found;
  }

  private static double attr(Element e, String name) {
    return Double.parseDouble(e.getAttribute(name));
  }

  @Test
  void theSeriesIsDrawnDayByDayOnThePriceScale() throws Exception {
    Element price = one(svg(), "polyline", "price");
    double[][] points = Arrays.stream(price.getAttribute("points").split(" "))
        .map(p -> Arrays.stream(p.split(",")).mapToDouble(Double::parseDouble).toArray()).toArray(double[][]::new);
    assertThat(points.length).isEqualTo(4);
    double[] prices = {100, 110, 90, 95};
    for (int i = 0; i < 4; i++) {
      assertThat(points[i][1]).as("y of day " + i).isCloseTo(y(prices[i]), within(0.006));
    }
    // x: 1 December at the plot's left edge (78), 31 December, the valuation date, at its right edge (720 − 150).
    assertThat(points[0][0]).isEqualTo(78);
    assertThat(points[3][0]).isEqualTo(570);
    assertThat(points[1][0]).isCloseTo(78 + 492 * 9 / 30.0, within(0.006));
  }

  @Test
  void theValuationPriceHaircutBandAndMarginCallAreAtTheirValues() throws Exception {
    Document d = svg();
    Element valuation = one(d, "line", "valuation");
    assertThat(valuation.getAttribute("data-price")).isEqualTo("90");
    assertThat(attr(valuation, "y1")).isEqualTo(attr(valuation, "y2")).isCloseTo(y(90), within(0.006));
    Element band = one(d, "rect", "haircut-band");
    assertThat(band.getAttribute("data-from")).isEqualTo("72");
    assertThat(band.getAttribute("data-to")).isEqualTo("90");
    assertThat(attr(band, "y")).isCloseTo(y(90), within(0.006));
    assertThat(attr(band, "y") + attr(band, "height")).isCloseTo(y(72), within(0.011));
    Element marginCall = one(d, "line", "margin-call");
    assertThat(marginCall.getAttribute("data-price")).isEqualTo("76.5");
    assertThat(attr(marginCall, "y1")).isCloseTo(y(76.5), within(0.006));
    // The margin call lies inside the band here (a 15 % drop is less than the 20 % haircut), below the valuation.
    assertThat(attr(marginCall, "y1")).isGreaterThan(attr(valuation, "y1")).isLessThan(attr(band, "y") + attr(band, "height"));
    assertThat(marginCall.getTextContent()).isEqualTo("margin call 76.50 yuan per unit");
  }

  @Test
  void anUnvaluedPledgeHasNoChartAndAnEmptySeriesSaysSo() throws Exception {
    assertThat(PriceChart.svg(HISTORY, DATE, Optional.empty(), Optional.empty(), Optional.empty())).isEmpty();
    String empty = PriceChart.svg(List.of(), DATE, Optional.of(new BigDecimal("90")), Optional.of(BigDecimal.ZERO),
        Optional.empty()).orElseThrow();
    assertThat(empty).contains("no trade of the instrument in the window").doesNotContain("<polyline");
  }

  @Test
  void theReportDrawsTheChartOfEachPledgeWithAHistoryOnly() {
    ValuationReport report = ValuationReportGoldenTest.report();
    assertThat(ReportHtml.render(report)).doesNotContain("<svg");
    String html = ReportHtml.render(report.withPriceHistories(Map.of("PLG-001", HISTORY)));
    assertThat(html.split("<svg class=\"price-chart\"", -1)).hasSize(2);
    int pledge = html.indexOf("<h3>Pledge PLG-001");
    assertThat(html.indexOf("<svg")).isGreaterThan(pledge).isLessThan(html.indexOf("<h3>Pledge PLG-002"));
    // PLG-001 is valued at 90 with no haircut: the band is the valuation line itself; margin call 90 × (1 − 0.15).
    assertThat(html).contains("data-price=\"90\"", "data-from=\"90\" data-to=\"90\"", "data-price=\"76.5\"");
  }
}
