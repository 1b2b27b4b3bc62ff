-- CASA carbon sink per district and year, with the change of the net sink (CO2) on the previous year.
-- requires: gold.carbon_sink_district_year
WITH d AS (
  SELECT region, year, district_code, district, area_m2, pieces, npp_tc, rh_tc, nep_tc, co2_t, run_id, parameter_set
  FROM delta.gold.carbon_sink_district_year
)
SELECT d.region, d.year, d.district_code, d.district, d.area_m2, d.pieces, d.npp_tc, d.rh_tc, d.nep_tc, d.co2_t,
       d.co2_t / NULLIF(d.area_m2 / 1e6, 0) AS co2_t_per_km2,
       p.co2_t AS previous_year_co2_t,
       (d.co2_t - p.co2_t) / NULLIF(ABS(p.co2_t), 0) AS growth,
       d.run_id, d.parameter_set
FROM d
LEFT JOIN d p ON p.region = d.region AND p.district_code = d.district_code AND p.year = d.year - 1
