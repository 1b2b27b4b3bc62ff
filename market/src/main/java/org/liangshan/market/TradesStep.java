package org.liangshan.market;

import static org.apache.spark.sql.functions.col;
import static org.liangshan.warehouse.JobSupport.date;
import static org.liangshan.warehouse.JobSupport.number;
import static org.liangshan.warehouse.JobSupport.string;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.region.Region;
import org.liangshan.core.unit.QuoteUnits;
import org.liangshan.core.unit.UnitPrice;
import org.liangshan.market.model.Pollutant;
import org.liangshan.market.model.TradeMonths;
import org.liangshan.warehouse.JobSupport;
import org.liangshan.warehouse.Run;

/**
 * The market job's exchange-trade step: silver.trades of the region and year, each trade read in its right type's
 * quote unit once ({@link QuoteUnits#inQuoteUnit}), added up per month, right type and subject by {@link TradeMonths},
 * as the rows of the (region, year) slice of gold.trades_monthly. A trade whose unit does not convert to its quote unit
 * cannot be in silver (ingestion quarantines it); one found here fails the run naming its file, line and trade rather
 * than being added to the others.
 */
final class TradesStep {
  private TradesStep() {}

  /**
   * The rows of the (region, year) slice; the job writes them with its other tables, so a trade that cannot be read
   * fails the run before it has written anything for the year.
   */
  static List<MarketRows.TradeMonth> rows(Run run, Region region, int year) {
    List<TradeMonths.Trade> trades = new ArrayList<>();
    for (Row r : JobSupport.silver(run, "trades", region)
        .where(functions.year(col("trade_date")).equalTo(year))
        .orderBy("trade_date", "trade_id")
        .collectAsList()) {
      trades.add(trade(r));
    }
    List<MarketRows.TradeMonth> rows = new ArrayList<>();
    for (TradeMonths.Month m : TradeMonths.of(trades)) {
      rows.add(new MarketRows.TradeMonth(region.id(), year, m.key().month().atDay(1), m.key().rightType(),
          m.key().subject(), m.trades(), m.quantity().doubleValue(), m.quantity().unit().symbol(),
          JobSupport.money(m.amount().amount()), JobSupport.money(m.averagePrice().yuan()),
          UnitPrice.label(m.averagePrice().per()), JobSupport.money(m.lowest().yuan()),
          JobSupport.money(m.highest().yuan())));
    }
    return rows;
  }

  private static TradeMonths.Trade trade(Row r) {
    String tradeId = string(r, "trade_id");
    String subject = Optional.ofNullable(string(r, "subject")).map(String::strip).orElse("");
    try {
      QuoteUnits.Quoted quoted = QuoteUnits.inQuoteUnit(tradeId, string(r, "right_type"), number(r, "quantity"),
          BigDecimal.valueOf(number(r, "price_yuan")), Optional.ofNullable(string(r, "unit")));
      return new TradeMonths.Trade(tradeId, date(r, "trade_date"), string(r, "right_type"),
          Pollutant.parse(subject).map(Pollutant::code).orElse(subject), quoted);
    } catch (IllegalArgumentException e) {
      String field = QuoteUnits.of(string(r, "right_type")).isEmpty() ? "right_type" : "unit";
      throw LiangshanException.badInput(e, "silver.trades, %s line %s, field %s: %s. Ingestion quarantines such a"
          + " trade, so this row was written around it; the monthly trade table would otherwise add two units together."
          + " Correct the delivery and ingest it again.", string(r, "source_file"), string(r, "source_line"), field,
          e.getMessage());
    }
  }
}
