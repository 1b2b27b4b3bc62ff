-- CASA's eps_max calibrated on the flux towers, one row per region, year and tower: the class's fitted eps_max
-- (the value the carbon sink uses when applied), the prior it started from, and the fit at the tower; the
-- tower-year's u* threshold and the months flagged for coverage.
-- requires: gold.flux_calibration
SELECT f.region, f.year, f.tower_id, f.tower_name, f.veg_class, f.cell_id, f.months_paired, f.tower_gpp_gc_m2,
       f.ustar_threshold_m_s, f.ustar_estimated, f.months_flagged, f.flagged_months,
       f.eps_max_prior, f.eps_max_tower, f.eps_max_class,
       f.r_squared, f.rmse_gc_m2, f.bias_gc_m2, f.applied, f.base_parameter_set, f.run_id, f.parameter_set
FROM delta.gold.flux_calibration f
