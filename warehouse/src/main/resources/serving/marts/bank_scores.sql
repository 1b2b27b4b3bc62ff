-- Qualitative evaluation scores of each bank per quarter (policy execution, internal system, industry support,
-- 0-100) and their mean, as delivered for the central bank's green-finance evaluation.
-- requires: silver.bank_qualitative, silver.banks
SELECT q.region, q.bank_id, b.bank_name, q.quarter, q.policy, q.system, q.support,
       round((q.policy + q.system + q.support) / 3, 2) AS qualitative_score
FROM delta.silver.bank_qualitative q
LEFT JOIN delta.silver.banks b ON b.region = q.region AND b.bank_id = q.bank_id
