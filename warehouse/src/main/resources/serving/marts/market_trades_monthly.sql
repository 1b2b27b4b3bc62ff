-- Exchange trades per month, right type and subject: count, volume and the volume-weighted average price
-- (rounded to the fen, HALF_UP as Trino's CAST rounds).
-- requires: silver.trades
SELECT region, CAST(date_trunc('month', trade_date) AS DATE) AS month, right_type, COALESCE(subject, '') AS subject,
       COUNT(*) AS trades, SUM(quantity) AS quantity,
       CAST(SUM(CAST(quantity AS DECIMAL(38, 6)) * CAST(price_yuan AS DECIMAL(38, 6))) AS DECIMAL(38, 2)) AS amount_yuan,
       CAST(SUM(CAST(quantity AS DECIMAL(38, 6)) * CAST(price_yuan AS DECIMAL(38, 6))) / CAST(SUM(quantity) AS DECIMAL(38, 6))
            AS DECIMAL(38, 2)) AS vwap_yuan,
       MIN(price_yuan) AS min_price_yuan, MAX(price_yuan) AS max_price_yuan
FROM delta.silver.trades
GROUP BY region, CAST(date_trunc('month', trade_date) AS DATE), right_type, COALESCE(subject, '')
