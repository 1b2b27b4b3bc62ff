-- GEP realization per district and year (gold.gep_realization): value realized through trading (auction awards
-- split over a zone's districts by area, trades by the seller's district) and compensation received (by the payee),
-- against the district's GEP; beside it, not in it, eco-finance mobilised (by the borrower's district) with its own
-- ratio. The 'unattributed' row holds value realized in the region that no district can be credited with; it has
-- no GEP and no ratios.
-- requires: gold.gep_realization
SELECT region, year, scope, district_code, district,
       auction_yuan, trade_yuan, trading_yuan, compensation_yuan,
       eco_finance_issued_yuan, eco_finance_outstanding_yuan, eco_finance_yuan, eco_finance_basis,
       realized_yuan, gep_yuan, realization_rate, eco_finance_ratio,
       run_id, parameter_set
FROM delta.gold.gep_realization
WHERE scope IN ('district', 'unattributed')
