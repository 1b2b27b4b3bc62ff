-- The carbon-sink map: CASA carbon sink per grid-cell piece and year with the piece's polygon simplified at the
-- dashboard's zoom (gold.carbon_sink_map, written by the accounting beside gold.carbon_sink_cell_year: the same
-- co2_t and area_m2; polygon: the outer ring as a JSON array of [lon, lat] pairs, WGS 84, at 1e-5 degrees).
-- requires: gold.carbon_sink_map
SELECT m.region, m.year, m.cell_id, m.district_code, m.district, m.area_m2, m.co2_t, m.polygon_json AS polygon,
       m.vertices, m.run_id, m.parameter_set
FROM delta.gold.carbon_sink_map m
