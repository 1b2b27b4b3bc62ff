-- Data quality: completeness of the time-series deliveries per region, family and month (every station together):
-- observations loaded against those the cadence expects, with what was received, quarantined and duplicated.
-- loaded_within_expected is min(loaded, expected) per station summed; completeness (loaded_within_expected /
-- expected) is aggregated by the dashboard (docs/operations-lineage.md).
-- requires: ops.dq_completeness
SELECT c.region, c.family, c.month, CAST(substr(c.month, 1, 4) AS INTEGER) AS year,
       count(*) AS stations,
       sum(c.expected) AS expected, sum(c.received) AS received, sum(c.loaded) AS loaded,
       sum(c.quarantined) AS quarantined, sum(c.duplicates) AS duplicates,
       sum(least(c.loaded, c.expected)) AS loaded_within_expected,
       count_if(c.completeness < 0.9) AS stations_below_90pct,
       max(c.run_id) AS run_id
FROM delta.ops.dq_completeness c
WHERE c.month <> '(unknown)'
GROUP BY c.region, c.family, c.month
