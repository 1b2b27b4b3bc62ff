-- Compensation transfers payer -> payee per period with method, basis, review status and the share of the amount
-- resting on illustrative parameters (computed by the compensation job; docs/methods/compensation.md); latest_revision
-- marks the revision in force (an entry re-run beside a frozen revision gets the next revision number).
-- requires: gold.compensation_ledger
SELECT region, year, period, entry_id, agreement_id, method, payer, payee, amount_yuan, status, revision,
       revision = MAX(revision) OVER (PARTITION BY region, agreement_id, period, payer, payee) AS latest_revision,
       illustrative_share, basis, run_id, parameter_set
FROM delta.gold.compensation_ledger
