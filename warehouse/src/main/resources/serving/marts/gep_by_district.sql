-- GEP per district, year and service, with the district's total, the service's share of it and the growth of the
-- service's value on the previous year (null in the first year).
-- requires: gold.gep_by_district
WITH g AS (
  SELECT region, year, district_code, district, service, category, physical_quantity, physical_unit, value_yuan,
         run_id, parameter_set
  FROM delta.gold.gep_by_district
)
SELECT g.region, g.year, g.district_code, g.district, g.service, g.category, g.physical_quantity, g.physical_unit,
       g.value_yuan,
       SUM(g.value_yuan) OVER (PARTITION BY g.region, g.year, g.district_code) AS district_gep_yuan,
       CAST(g.value_yuan AS DOUBLE)
         / NULLIF(CAST(SUM(g.value_yuan) OVER (PARTITION BY g.region, g.year, g.district_code) AS DOUBLE), 0) AS share_of_district,
       p.value_yuan AS previous_year_value_yuan,
       CAST(g.value_yuan - p.value_yuan AS DOUBLE) / NULLIF(CAST(p.value_yuan AS DOUBLE), 0) AS growth,
       g.run_id, g.parameter_set
FROM g
LEFT JOIN g p
  ON p.region = g.region AND p.district_code = g.district_code AND p.service = g.service AND p.year = g.year - 1
