-- GEP per region and year by category (EPV, ERV, ECV), the previous year's GEP, and the GEP realization of the year
-- as gold.gep_realization computes it (docs/methods/realization-rate.md): value realized = trading (eco-voucher
-- auction awards and trades of eco-rights) + compensation received, with the realization rate; beside it, not in it,
-- eco-finance mobilised (eco-product-backed loans) with its own ratio to GEP; on the region's row of that table.
-- Years without a realization run show 0 realized and null ratios.
-- requires: gold.gep_by_district, gold.gep_realization
WITH gep AS (
  SELECT region, year,
         SUM(value_yuan) AS gep_yuan,
         SUM(CASE WHEN category = 'EPV' THEN value_yuan ELSE 0 END) AS epv_yuan,
         SUM(CASE WHEN category = 'ERV' THEN value_yuan ELSE 0 END) AS erv_yuan,
         SUM(CASE WHEN category = 'ECV' THEN value_yuan ELSE 0 END) AS ecv_yuan,
         COUNT(DISTINCT district_code) AS districts
  FROM delta.gold.gep_by_district
  GROUP BY region, year
), realized AS (
  SELECT region, year, auction_yuan, trade_yuan, trading_yuan, compensation_yuan, eco_finance_yuan, eco_finance_basis,
         realized_yuan, realization_rate, eco_finance_ratio, run_id AS realization_run_id,
         parameter_set AS realization_parameter_set
  FROM delta.gold.gep_realization
  WHERE scope = 'region'
)
SELECT gep.region, gep.year, gep.districts, gep.gep_yuan, gep.epv_yuan, gep.erv_yuan, gep.ecv_yuan,
       previous.gep_yuan AS previous_year_gep_yuan,
       COALESCE(r.auction_yuan, 0) AS auction_yuan,
       COALESCE(r.trade_yuan, 0) AS trade_yuan,
       COALESCE(r.trading_yuan, 0) AS trading_yuan,
       COALESCE(r.compensation_yuan, 0) AS compensation_yuan,
       COALESCE(r.eco_finance_yuan, 0) AS eco_finance_yuan,
       r.eco_finance_basis,
       COALESCE(r.realized_yuan, 0) AS realized_yuan,
       r.realization_rate,
       r.eco_finance_ratio,
       r.realization_run_id, r.realization_parameter_set
FROM gep
LEFT JOIN gep previous ON previous.region = gep.region AND previous.year = gep.year - 1
LEFT JOIN realized r ON r.region = gep.region AND r.year = gep.year
