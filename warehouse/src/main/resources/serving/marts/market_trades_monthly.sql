-- Exchange trades per month, right type and subject: count, volume, amount (quantity x price summed, rounded to the
-- fen, HALF_UP as Trino's CAST rounds) and the price range. The volume-weighted average price is amount / volume,
-- aggregated by the dashboard.
-- requires: silver.trades
SELECT region, CAST(date_trunc('month', trade_date) AS DATE) AS month, right_type, COALESCE(subject, '') AS subject,
       COUNT(*) AS trades, SUM(quantity) AS quantity,
       CAST(SUM(CAST(quantity AS DECIMAL(38, 6)) * CAST(price_yuan AS DECIMAL(38, 6))) AS DECIMAL(38, 2)) AS amount_yuan,
       MIN(price_yuan) AS min_price_yuan, MAX(price_yuan) AS max_price_yuan
FROM delta.silver.trades
GROUP BY region, CAST(date_trunc('month', trade_date) AS DATE), right_type, COALESCE(subject, '')
