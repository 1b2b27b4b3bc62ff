-- Pledged rights valued for banks, one row per pledge and valuation date, with the bank's and the borrower's
-- names. ltv_actual (the loan's outstanding / the pledge's collateral value) and outstanding_share_yuan (the loan's
-- outstanding split evenly over its pledges) as the valuation job computes them; margin_call: status ltv_breach.
-- Banks see their own rows only (row filter on bank_id).
-- requires: gold.collateral_valuation, silver.banks, silver.loans
SELECT v.region, v.valuation_date, v.bank_id, b.bank_name, v.loan_id, l.borrower, l.borrower_name, l.green_rating,
       v.pledge_id, v.right_id, v.right_type, v.quantity, v.spot_price, v.avg_price_20d, v.trades_in_window,
       v.valuation_price, v.price_source, v.haircut, v.ltv, v.collateral_value_yuan, v.max_loan_yuan, v.outstanding_yuan,
       v.outstanding_share_yuan, v.ltv_actual,
       v.margin_call_price, v.topup_quantity, v.status, v.status = 'ltv_breach' AS margin_call, v.notes,
       v.run_id, v.parameter_set
FROM delta.gold.collateral_valuation v
LEFT JOIN delta.silver.banks b ON b.region = v.region AND b.bank_id = v.bank_id
LEFT JOIN delta.silver.loans l ON l.region = v.region AND l.loan_id = v.loan_id
