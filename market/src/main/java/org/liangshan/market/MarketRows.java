package org.liangshan.market;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.liangshan.warehouse.RecordRows;

/**
 * The auction, holdings and monthly trade rows the market job writes, one record per gold table, mapped by column name
 * ({@link RecordRows}); the mappers are checked against the tables when this class loads. Money at the storage
 * scale.
 */
final class MarketRows {
  private MarketRows() {}

  /** A row of gold.auction_results. */
  record AuctionResult(String region, int year, String auctionId, Optional<String> zoneId, String pollutant, long supply,
      BigDecimal reservePriceYuan, BigDecimal clearingPriceYuan, long sold, boolean undersubscribed, String rule,
      long tieSeed, String tieOrder, int bidsReceived, int bidsAwarded, LocalDate validFrom, LocalDate validUntil,
      String termBasis, Optional<String> unit, Optional<String> priceUnit) {}

  /** A row of gold.auction_awards. */
  record AuctionAward(String region, int year, String auctionId, String bidId, String bidder, long quantity,
      BigDecimal priceYuan, BigDecimal amountYuan, String rightId, Optional<String> zoneId, String pollutant,
      LocalDate awardedOn, LocalDate validFrom, LocalDate validUntil, Optional<String> unit, Optional<String> priceUnit) {}

  /** A row of gold.auction_rejections. */
  record AuctionRejection(String region, int year, String auctionId, String bidId, String bidder, String reasonCode,
      String reason) {}

  /** A row of gold.auction_supply_checks. */
  record AuctionSupplyCheck(String region, int year, String auctionId, Optional<String> zoneId, String pollutant,
      Optional<String> unit, long supplyOffered, Optional<Double> allocatableTA, Optional<Double> occupiedTA,
      Optional<Double> liveRightsTA, double soldEarlierTA, Optional<Double> roomTA, long supplyAllowed, String status,
      String reason) {}

  /** A row of gold.holdings_movements. */
  record Movement(String region, int year, String movementId, LocalDate movementDate, String movementType, String rightId,
      String rightType, Optional<String> zoneId, Optional<String> subject, String debitAccount, String creditAccount,
      double quantity, String source, Optional<String> unit) {}

  /** A row of gold.holdings. */
  record Holding(String region, int year, LocalDate asOf, String account, String rightId, String rightType,
      Optional<String> zoneId, Optional<String> subject, double quantity, LocalDate validFrom,
      Optional<LocalDate> validUntil, String termKind, boolean live, Optional<String> unit) {}

  /** A row of gold.trades_monthly: quantity in quantityUnit, the prices per it (priceUnit). */
  record TradeMonth(String region, int year, LocalDate month, String rightType, String subject, int trades,
      double quantity, String quantityUnit, BigDecimal amountYuan, BigDecimal vwapYuan, String priceUnit,
      BigDecimal minPriceYuan, BigDecimal maxPriceYuan) {}

  static final RecordRows<AuctionResult> AUCTION_RESULT = RecordRows.of(MarketTables.AUCTION_RESULTS, AuctionResult.class);
  static final RecordRows<AuctionAward> AUCTION_AWARD = RecordRows.of(MarketTables.AUCTION_AWARDS, AuctionAward.class);
  static final RecordRows<AuctionRejection> AUCTION_REJECTION =
      RecordRows.of(MarketTables.AUCTION_REJECTIONS, AuctionRejection.class);
  static final RecordRows<AuctionSupplyCheck> AUCTION_SUPPLY_CHECK =
      RecordRows.of(MarketTables.AUCTION_SUPPLY_CHECKS, AuctionSupplyCheck.class);
  static final RecordRows<Movement> MOVEMENT = RecordRows.of(MarketTables.HOLDINGS_MOVEMENTS, Movement.class);
  static final RecordRows<Holding> HOLDING = RecordRows.of(MarketTables.HOLDINGS, Holding.class);
  static final RecordRows<TradeMonth> TRADE_MONTH = RecordRows.of(MarketTables.TRADES_MONTHLY, TradeMonth.class);
}
