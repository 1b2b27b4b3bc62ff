-- Qualitative evaluation scores of each bank per quarter (policy execution, internal system, industry support,
-- 0-100) and the qualitative score the PBoC evaluation weights them into (METHODOLOGY.md section 7, pboc-score),
-- as the bank-book job writes them to gold.pboc_evaluation; quarters without delivered scores are left out.
-- requires: gold.pboc_evaluation
SELECT e.region, e.bank_id, e.bank_name, e.quarter, CAST(e.policy AS DOUBLE) AS policy, CAST(e.system AS DOUBLE) AS system,
       CAST(e.support AS DOUBLE) AS support, CAST(e.qualitative_score AS DOUBLE) AS qualitative_score
FROM delta.gold.pboc_evaluation e
WHERE e.qualitative_score IS NOT NULL
