/**
 * The money side of Liangshan: the rights market ({@link org.liangshan.market.MarketJob}), collateral
 * valuation ({@link org.liangshan.finance.ValuationJob}) and the compensation ledger ({@link
 * org.liangshan.finance.CompensationJob}). Every formula of METHODOLOGY.md is called from {@code
 * org.liangshan.core.method}; the plain-Java {@code model} package holds what the platform adds around
 * them (which data feeds a formula, screening, ledgers, rounding), testable without Spark; the jobs read
 * tables through the {@link org.liangshan.warehouse.Run}, call the model and replace one (region,
 * period) slice of each gold table ({@link org.liangshan.finance.FinanceTables}).
 *
 * <p>Choices written down once:
 *
 * <ul>
 *   <li>Design flow: the driest monthly mean flow of the year at the zone's control section (its
 *       section with the largest annual mean flow). C0: the mean of the monthly means of the zone's
 *       sections in the year. Cs: GB 3838-2002 for the zone's target class. K: {@code
 *       water_capacity.decay_k_per_day}. Background load: {@code water_capacity.background_t_a} (0 and
 *       said so when not surveyed).
 *   <li>Tradable capacity for the benchmark price: the zone's allocatable capacity; occupation by the
 *       zone's enterprises is reported beside it ({@code occupied_t_a}, {@code remaining_t_a}).
 *   <li>Monthly concentrations: manual samples when the month has any, else automatic; months are China
 *       Standard Time months. Monthly volume: mean daily flow × seconds of the month.
 *   <li>Auction reserve: the benchmark price of the auction's zone and pollutant, per auctioned unit (t/a
 *       or kg/a). An auction belongs to the year it closes in.
 *   <li>Valuation window: the last 20 weekdays (Monday to Friday) ending on the valuation date;
 *       average = volume-weighted; thin market below {@code collateral.thin_market_min_trades} trades.
 *   <li>Money: exact BigDecimal while computing, DECIMAL(38, 6) when stored; ledger amounts in fen,
 *       HALF_EVEN, with parts that sum exactly to their fund.
 *   <li>Parameters the core defaults lack come from {@code finance/defaults.json} and fill only missing
 *       keys ({@link org.liangshan.finance.model.FinanceParameters}).
 * </ul>
 */
package org.liangshan.finance;
