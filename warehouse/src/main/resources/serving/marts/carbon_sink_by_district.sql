-- CASA carbon sink per district and year, with the previous year's net sink (CO2). Intensities and growth are
-- aggregated by the dashboards as ratios of sums (docs/dashboards.md, "Where the figures come from").
-- requires: gold.carbon_sink_district_year
WITH d AS (
  SELECT region, year, district_code, district, area_m2, pieces, npp_tc, rh_tc, nep_tc, co2_t, run_id, parameter_set
  FROM delta.gold.carbon_sink_district_year
)
SELECT d.region, d.year, d.district_code, d.district, d.area_m2, d.pieces, d.npp_tc, d.rh_tc, d.nep_tc, d.co2_t,
       p.co2_t AS previous_year_co2_t,
       d.run_id, d.parameter_set
FROM d
LEFT JOIN d p ON p.region = d.region AND p.district_code = d.district_code AND p.year = d.year - 1
