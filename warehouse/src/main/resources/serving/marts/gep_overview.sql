-- GEP per region and year by category (EPV, ERV, ECV), its growth on the previous year, and the value realised
-- through the platform's channels in the year: eco-voucher auction proceeds and compensation transfers (latest
-- revision of each entry). realization_rate = realized_yuan / gep_yuan.
-- requires: gold.gep_by_district, gold.auction_awards, gold.compensation_ledger
WITH gep AS (
  SELECT region, year,
         SUM(value_yuan) AS gep_yuan,
         SUM(CASE WHEN category = 'EPV' THEN value_yuan ELSE 0 END) AS epv_yuan,
         SUM(CASE WHEN category = 'ERV' THEN value_yuan ELSE 0 END) AS erv_yuan,
         SUM(CASE WHEN category = 'ECV' THEN value_yuan ELSE 0 END) AS ecv_yuan,
         COUNT(DISTINCT district_code) AS districts
  FROM delta.gold.gep_by_district
  GROUP BY region, year
), auctions AS (
  SELECT region, year, SUM(amount_yuan) AS auction_yuan
  FROM delta.gold.auction_awards
  GROUP BY region, year
), ledger AS (
  SELECT region, year, amount_yuan,
         revision = MAX(revision) OVER (PARTITION BY region, agreement_id, period, payer, payee) AS latest
  FROM delta.gold.compensation_ledger
), compensation AS (
  SELECT region, year, SUM(amount_yuan) AS compensation_yuan
  FROM ledger
  WHERE latest
  GROUP BY region, year
)
SELECT gep.region, gep.year, gep.districts, gep.gep_yuan, gep.epv_yuan, gep.erv_yuan, gep.ecv_yuan,
       previous.gep_yuan AS previous_year_gep_yuan,
       CAST(gep.gep_yuan - previous.gep_yuan AS DOUBLE) / NULLIF(CAST(previous.gep_yuan AS DOUBLE), 0) AS growth,
       COALESCE(auctions.auction_yuan, 0) AS auction_yuan,
       COALESCE(compensation.compensation_yuan, 0) AS compensation_yuan,
       COALESCE(auctions.auction_yuan, 0) + COALESCE(compensation.compensation_yuan, 0) AS realized_yuan,
       CAST(COALESCE(auctions.auction_yuan, 0) + COALESCE(compensation.compensation_yuan, 0) AS DOUBLE)
         / NULLIF(CAST(gep.gep_yuan AS DOUBLE), 0) AS realization_rate
FROM gep
LEFT JOIN gep previous ON previous.region = gep.region AND previous.year = gep.year - 1
LEFT JOIN auctions ON auctions.region = gep.region AND auctions.year = gep.year
LEFT JOIN compensation ON compensation.region = gep.region AND compensation.year = gep.year
