-- Data quality: records received and quarantined per region and family (every current delivery's records; the rate,
-- quarantined / received, is aggregated by the dashboard), and the deliveries
-- of time-series families on time, late and missing (docs/operations-lineage.md).
-- requires: ops.dq_quarantine_rates, ops.dq_deliveries
WITH rates AS (
  SELECT q.region, q.family, count(*) AS files, sum(q.received) AS received, sum(q.quarantined) AS quarantined
  FROM delta.ops.dq_quarantine_rates q
  WHERE q.reason_code = 'ALL'
  GROUP BY q.region, q.family
), deliveries AS (
  SELECT d.region, d.family, count_if(d.status = 'ON_TIME') AS on_time, count_if(d.status = 'LATE') AS late,
         count_if(d.status = 'MISSING') AS missing, max(d.lateness_days) AS max_lateness_days
  FROM delta.ops.dq_deliveries d
  GROUP BY d.region, d.family
)
SELECT r.region, r.family, r.files, r.received, r.quarantined,
       coalesce(d.on_time, 0) AS deliveries_on_time, coalesce(d.late, 0) AS deliveries_late,
       coalesce(d.missing, 0) AS deliveries_missing, d.max_lateness_days
FROM rates r
LEFT JOIN deliveries d ON d.region = r.region AND d.family = r.family
