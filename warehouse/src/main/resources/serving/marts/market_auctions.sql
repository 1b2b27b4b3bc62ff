-- Eco-voucher auctions: supply, demand (units of the bids submitted with a positive quantity), units sold, the
-- clearing price per unit against the reserve (the benchmark price of the zone and pollutant per unit, kg/a),
-- the benchmark per t/a as published, and the proceeds: the sum of the awards as booked in gold.auction_awards.
-- requires: gold.auction_results, gold.auction_awards, gold.benchmark_prices, silver.bids
WITH demand AS (
  SELECT region, auction_id, SUM(quantity) AS demand, COUNT(DISTINCT bidder) AS bidders
  FROM delta.silver.bids
  WHERE quantity > 0
  GROUP BY region, auction_id
), awards AS (
  SELECT region, auction_id, SUM(amount_yuan) AS proceeds_yuan
  FROM delta.gold.auction_awards
  GROUP BY region, auction_id
)
SELECT a.region, a.year, a.auction_id, a.zone_id, a.pollutant,
       a.supply, COALESCE(d.demand, 0) AS demand, COALESCE(d.bidders, 0) AS bidders, a.sold,
       a.undersubscribed, a.clearing_price_yuan, a.reserve_price_yuan,
       b.benchmark_price_yuan_per_t_a,
       COALESCE(w.proceeds_yuan, 0) AS proceeds_yuan,
       a.bids_received, a.bids_awarded, a.rule,
       a.run_id, a.parameter_set
FROM delta.gold.auction_results a
LEFT JOIN delta.gold.benchmark_prices b
  ON b.region = a.region AND b.year = a.year AND b.zone_id = a.zone_id AND b.pollutant = a.pollutant
LEFT JOIN demand d ON d.region = a.region AND d.auction_id = a.auction_id
LEFT JOIN awards w ON w.region = a.region AND w.auction_id = a.auction_id
