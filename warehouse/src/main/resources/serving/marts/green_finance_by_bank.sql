-- Green finance per bank and valuation date: loans and pledges valued, pledged (collateral) value, maximum loan,
-- outstanding (each loan counted once), margin calls and refused double pledges. The portfolio LTV is outstanding /
-- pledged value, aggregated by the dashboard.
-- requires: gold.collateral_valuation, silver.banks
WITH loans AS (
  SELECT region, valuation_date, bank_id, loan_id, MAX(outstanding_yuan) AS outstanding_yuan
  FROM delta.gold.collateral_valuation
  GROUP BY region, valuation_date, bank_id, loan_id
), outstanding AS (
  SELECT region, valuation_date, bank_id, COUNT(*) AS loans, SUM(outstanding_yuan) AS outstanding_yuan
  FROM loans
  GROUP BY region, valuation_date, bank_id
), pledges AS (
  SELECT region, valuation_date, bank_id, COUNT(*) AS pledges,
         COALESCE(SUM(collateral_value_yuan), 0) AS pledged_value_yuan,
         COALESCE(SUM(max_loan_yuan), 0) AS max_loan_yuan,
         COUNT_IF(status = 'ltv_breach') AS margin_calls,
         COUNT_IF(status = 'refused_double_pledge') AS refused_double_pledges,
         COUNT_IF(status NOT IN ('ok', 'ltv_breach')) AS pledges_not_valued
  FROM delta.gold.collateral_valuation
  GROUP BY region, valuation_date, bank_id
)
SELECT p.region, p.valuation_date, p.bank_id, b.bank_name, b.bank_type, o.loans, p.pledges,
       p.pledged_value_yuan, p.max_loan_yuan, o.outstanding_yuan,
       p.margin_calls, p.refused_double_pledges, p.pledges_not_valued
FROM pledges p
JOIN outstanding o ON o.region = p.region AND o.valuation_date = p.valuation_date AND o.bank_id = p.bank_id
LEFT JOIN delta.silver.banks b ON b.region = p.region AND b.bank_id = p.bank_id
