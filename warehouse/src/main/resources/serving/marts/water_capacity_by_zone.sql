-- Water environmental capacity and its occupation per zone, pollutant and year. exceeded: the zone is overloaded
-- (occupation above the allocatable capacity, a negative allocatable included); exceedance_t_a: by how much (0
-- otherwise). Both are gold.zone_capacity's capacity_status and overload_t_a, computed once by the market job.
-- requires: gold.zone_capacity, gold.enterprise_occupation
WITH occupants AS (
  SELECT region, year, zone_id, pollutant, COUNT(*) AS enterprises
  FROM delta.gold.enterprise_occupation
  WHERE zone_id IS NOT NULL
  GROUP BY region, year, zone_id, pollutant
)
SELECT z.region, z.year, z.zone_id, z.pollutant, z.water_body, z.model, z.target_class,
       z.capacity_t_a, z.background_t_a, z.allocatable_t_a, z.occupied_t_a, z.remaining_t_a,
       z.capacity_status = 'overloaded' AS exceeded,
       z.overload_t_a AS exceedance_t_a,
       z.tradable_surplus_t_a, z.capacity_status,
       COALESCE(o.enterprises, 0) AS enterprises,
       z.run_id, z.parameter_set
FROM delta.gold.zone_capacity z
LEFT JOIN occupants o
  ON o.region = z.region AND o.year = z.year AND o.zone_id = z.zone_id AND o.pollutant = z.pollutant
