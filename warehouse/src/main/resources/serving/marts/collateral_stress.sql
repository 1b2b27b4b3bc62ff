-- Valued pledges under price shocks, with the bank of the loan (row filter on bank_id for bank users).
-- requires: gold.collateral_stress, gold.collateral_valuation
SELECT s.region, s.valuation_date, v.bank_id, s.loan_id, s.pledge_id, s.right_id, v.right_type, s.shock,
       s.stressed_price, s.collateral_value_yuan, s.max_loan_yuan, s.outstanding_yuan, s.ltv_breach, s.topup_quantity,
       s.run_id, s.parameter_set
FROM delta.gold.collateral_stress s
JOIN delta.gold.collateral_valuation v
  ON v.region = s.region AND v.valuation_date = s.valuation_date AND v.pledge_id = s.pledge_id
