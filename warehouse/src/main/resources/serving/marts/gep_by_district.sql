-- GEP per district, year and service, with the district's total and the service's value in the previous year (null
-- in the first year). Shares and growth are not computed here: a dashboard aggregates them as ratios of sums
-- (docs/dashboards.md, "Where the figures come from").
-- requires: gold.gep_by_district
WITH g AS (
  SELECT region, year, district_code, district, service, category, physical_quantity, physical_unit, value_yuan,
         run_id, parameter_set
  FROM delta.gold.gep_by_district
)
SELECT g.region, g.year, g.district_code, g.district, g.service, g.category, g.physical_quantity, g.physical_unit,
       g.value_yuan,
       SUM(g.value_yuan) OVER (PARTITION BY g.region, g.year, g.district_code) AS district_gep_yuan,
       p.value_yuan AS previous_year_value_yuan,
       g.run_id, g.parameter_set
FROM g
LEFT JOIN g p
  ON p.region = g.region AND p.district_code = g.district_code AND p.service = g.service AND p.year = g.year - 1
