-- GEP per region, year and service (gold.gep_by_service: gold.gep_by_district summed over the districts by the
-- accounting, so the service breakdown reads a few rows instead of aggregating the district table per query).
-- requires: gold.gep_by_service
SELECT s.region, s.year, s.service, s.category, s.districts, s.value_yuan, s.run_id, s.parameter_set
FROM delta.gold.gep_by_service s
