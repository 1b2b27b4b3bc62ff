-- CASA carbon sink per grid-cell piece and year with the piece's polygon, for the deck.gl map: polygon is the outer
-- ring as a JSON array of [lon, lat] pairs (WGS 84).
-- requires: gold.carbon_sink_cell_year, gold.grid_cells
SELECT c.region, c.year, c.cell_id, c.district_code, g.district, c.veg_class, c.area_m2, c.vegetated_fraction,
       c.months_computed, c.npp_gc_m2, c.nep_gc_m2, c.npp_tc, c.rh_tc, c.nep_tc, c.co2_t,
       g.centroid_lon, g.centroid_lat, g.polygon_json AS polygon,
       c.run_id, c.parameter_set
FROM delta.gold.carbon_sink_cell_year c
JOIN delta.gold.grid_cells g
  ON g.region = c.region AND g.cell_id = c.cell_id AND g.district_code = c.district_code
