-- Exchange trades per month, right type and subject, as the market job wrote them in gold.trades_monthly: every
-- trade in its right type's quote unit (quantity_unit; prices per it, price_unit), so no two units or subjects are
-- pooled. amount_yuan is rounded to the fen, HALF_UP as Trino's CAST rounds; the volume-weighted average is
-- vwap_yuan per row, and over several rows of one instrument the dashboard's SUM(amount_yuan) / SUM(quantity).
-- requires: gold.trades_monthly
SELECT region, month, right_type, subject, trades, quantity, quantity_unit,
       CAST(amount_yuan AS DECIMAL(38, 2)) AS amount_yuan, vwap_yuan, price_unit, min_price_yuan, max_price_yuan,
       run_id, parameter_set
FROM delta.gold.trades_monthly
