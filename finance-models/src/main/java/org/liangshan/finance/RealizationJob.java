package org.liangshan.finance;

import static org.apache.spark.sql.functions.col;
import static org.liangshan.warehouse.JobSupport.date;
import static org.liangshan.warehouse.JobSupport.decimal;
import static org.liangshan.warehouse.JobSupport.number;
import static org.liangshan.warehouse.JobSupport.string;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.method.GepRealization;
import org.liangshan.core.money.Money;
import org.liangshan.core.param.ParameterSet;
import org.liangshan.core.region.District;
import org.liangshan.core.region.Region;
import org.liangshan.finance.model.LoanBalance;
import org.liangshan.finance.model.RealizationBook;
import org.liangshan.finance.model.RealizationBook.Basis;
import org.liangshan.finance.model.RealizationBook.Channel;
import org.liangshan.finance.model.RealizationBook.Item;
import org.liangshan.finance.model.RealizationBook.Totals;
import org.liangshan.geo.GeoTables;
import org.liangshan.market.MarketTables;
import org.liangshan.warehouse.JobSupport;
import org.liangshan.warehouse.Run;
import org.liangshan.warehouse.TableDef;

/**
 * GEP realization rate per district and year (docs/methods/realization-rate.md): trading + compensation ÷
 * GEP, with eco-finance mobilised (loans backed by eco-rights) beside it, never in it. Runs after
 * accounting (GEP), market (auction awards), compensation (ledger) and the loan book: it reads
 * {@code gold.gep_by_district}, {@code gold.auction_awards}, {@code gold.compensation_ledger}, {@code
 * gold.grid_cells} (to split a zone's auction over its districts by area) and {@code silver.trades},
 * {@code silver.enterprises}, {@code silver.loans}, {@code silver.pledges}, {@code silver.rights_issued},
 * {@code silver.repayments}, each at a pinned version; writes {@code gold.gep_realization} and every
 * source row behind it to {@code gold.gep_realization_items}.
 */
public final class RealizationJob {
  static final String UNATTRIBUTED = "unattributed";
  private static final ObjectMapper JSON = new ObjectMapper();

  private RealizationJob() {}

  public record Summary(String region, int year, BigDecimal realizedYuan, BigDecimal gepYuan, Optional<BigDecimal> rate,
      BigDecimal ecoFinanceYuan, Optional<BigDecimal> ecoFinanceRatio, int items, String runId) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "GEP realization %s %d: realized %s yuan of GEP %s yuan, rate %s; beside it eco-finance"
          + " mobilised %s yuan, %s of GEP (%d source rows; run %s)",
          region, year, realizedYuan.toPlainString(), gepYuan.toPlainString(), percent(rate), ecoFinanceYuan.toPlainString(),
          percent(ecoFinanceRatio), items, runId);
    }

    private static String percent(Optional<BigDecimal> ratio) {
      return ratio.map(r -> r.multiply(BigDecimal.valueOf(100)).setScale(4, RoundingMode.HALF_EVEN).toPlainString() + " %").orElse("n/a");
    }
  }

  public static Summary run(Run run, Region region, int year, ParameterSet params) {
    Set<String> tradingTypes = new HashSet<>(params.texts("realization.trading_right_types"));
    Set<String> financeTypes = new HashSet<>(params.texts("realization.eco_finance_right_types"));
    Basis basis = Basis.of(params.text("realization.eco_finance_basis"), params.version());
    // GEP
    TableDef gepDef = run.catalog().find(GeoTables.GEP_BY_DISTRICT.qualifiedName()).orElse(GeoTables.GEP_BY_DISTRICT);
    if (!run.catalog().exists(gepDef)) {
      throw LiangshanException.badInput("%s does not exist: run 'liangshan run accounting --region %s --year %d' first.",
          gepDef.qualifiedName(), region.id(), year);
    }
    Map<String, BigDecimal> gep = new TreeMap<>();
    for (Row r : run.input(gepDef).where(col("region").equalTo(region.id())).where(col("year").equalTo(year))
        .groupBy("district_code").agg(functions.sum("value_yuan").as("gep_yuan")).collectAsList()) {
      gep.put(string(r, "district_code"), decimal(r, "gep_yuan"));
    }
    if (gep.isEmpty()) {
      throw LiangshanException.badInput("No GEP for %s in %d in gold.gep_by_district: run 'liangshan run accounting --region %s --year %d' first.",
          region.id(), year, region.id(), year);
    }
    Map<String, String> enterpriseDistrict = new HashMap<>();
    for (Row r : JobSupport.silver(run, "enterprises", region).select("uscc", "district").collectAsList()) {
      districtOf(region, string(r, "district")).ifPresent(code -> enterpriseDistrict.put(string(r, "uscc"), code));
    }
    List<Item> items = new ArrayList<>();
    Map<String, String> soldAtAuction = auctions(run, region, year, items);
    trades(run, region, year, tradingTypes, enterpriseDistrict, items);
    compensation(run, region, year, items);
    loans(run, region, year, financeTypes, enterpriseDistrict, soldAtAuction, items);

    List<String> keys = new ArrayList<>(region.districts().stream().map(District::code).toList());
    keys.add(UNATTRIBUTED);
    Map<String, Totals> totals = RealizationBook.totals(items, keys);
    ObjectNode provenance = JSON.createObjectNode();
    new TreeMap<>(run.inputs()).forEach(provenance::put);
    String provenanceText = provenance.toString();
    List<RealizationRows.Realization> rows = new ArrayList<>();
    Totals regionTotals = Totals.ZERO;
    BigDecimal regionGep = BigDecimal.ZERO;
    for (Map.Entry<String, Totals> e : totals.entrySet()) {
      String code = e.getKey();
      boolean unattributed = code.equals(UNATTRIBUTED);
      String name = unattributed ? "未归属区县" : region.districts().stream().filter(d -> d.code().equals(code)).findFirst().orElseThrow().name();
      BigDecimal g = unattributed ? BigDecimal.ZERO : gep.getOrDefault(code, BigDecimal.ZERO);
      rows.add(row(region, year, unattributed ? "unattributed" : "district", code, name, e.getValue(), g, basis, provenanceText));
      regionTotals = regionTotals.plus(e.getValue());
      regionGep = regionGep.add(g);
    }
    BigDecimal allGep = gep.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    if (allGep.compareTo(regionGep) != 0) {
      throw LiangshanException.failure("%s of %s %d names districts that are not the region's (GEP %s vs %s).",
          GeoTables.GEP_BY_DISTRICT.qualifiedName(), region.id(), year, allGep.toPlainString(), regionGep.toPlainString());
    }
    rows.add(row(region, year, "region", region.id(), region.name(), regionTotals, regionGep, basis, provenanceText));
    List<RealizationRows.Item> itemRows = new ArrayList<>();
    for (Item item : items) {
      itemRows.add(new RealizationRows.Item(region.id(), year, item.channel().component().id(), item.channel().id(), item.sourceTable(),
          item.sourceId(), item.districtCode(), JobSupport.money(item.amountYuan()), Optional.ofNullable(item.basis())));
    }
    String slice = JobSupport.regionYear(region, year);
    JobSupport.replace(run, RealizationRows.REALIZATION, rows, slice);
    JobSupport.replace(run, RealizationRows.ITEM, itemRows, slice);
    GepRealization total = regionTotals.realization(basis, regionGep);
    return new Summary(region.id(), year, total.realizedYuan(), regionGep, total.rate(), total.ecoFinanceYuan(),
        total.ecoFinanceRatio(), items.size(), run.id());
  }

  private static RealizationRows.Realization row(Region region, int year, String scope, String code, String name,
      Totals t, BigDecimal gep, Basis basis, String provenance) {
    GepRealization r = t.realization(basis, gep);
    return new RealizationRows.Realization(region.id(), year, scope, code, name, JobSupport.money(t.auctionYuan()),
        JobSupport.money(t.tradeYuan()), JobSupport.money(r.tradingYuan()), JobSupport.money(t.compensationYuan()),
        JobSupport.money(t.ecoFinanceIssuedYuan()), JobSupport.money(t.ecoFinanceOutstandingYuan()),
        JobSupport.money(r.ecoFinanceYuan()), JobSupport.money(r.realizedYuan()), JobSupport.money(gep),
        r.rate().map(BigDecimal::doubleValue), r.ecoFinanceRatio().map(BigDecimal::doubleValue), basis.id(), provenance);
  }

  private static BigDecimal fen(BigDecimal value) {
    return Money.toFen(value);
  }

  /**
   * Auction awards: a zone's auction split over the districts by the zone's area in each (gold.grid_cells).
   * Returns the rights sold (right id → auction_id:bid_id), so a later pledge of one can say where it was counted.
   */
  private static Map<String, String> auctions(Run run, Region region, int year, List<Item> items) {
    Map<String, String> sold = new HashMap<>();
    Optional<Dataset<Row>> awards = JobSupport.goldIfExists(run, MarketTables.AUCTION_AWARDS);
    if (awards.isEmpty()) {
      return sold;
    }
    Map<String, Map<String, Double>> zoneShares = new TreeMap<>();
    Optional<Dataset<Row>> cells = JobSupport.goldIfExists(run, GeoTables.GRID_CELLS);
    if (cells.isPresent()) {
      for (Row r : cells.get().where(col("region").equalTo(region.id())).where(col("zone_id").isNotNull())
          .groupBy("zone_id", "district_code").agg(functions.sum("area_m2").as("area_m2"))
          .orderBy("zone_id", "district_code").collectAsList()) {
        zoneShares.computeIfAbsent(string(r, "zone_id"), k -> new LinkedHashMap<>()).put(string(r, "district_code"), number(r, "area_m2"));
      }
    }
    for (Row r : awards.get().where(col("region").equalTo(region.id())).where(col("year").equalTo(year))
        .orderBy("auction_id", "bid_id").collectAsList()) {
      String id = string(r, "auction_id") + ":" + string(r, "bid_id");
      if (string(r, "right_id") != null) {
        sold.put(string(r, "right_id"), id);
      }
      BigDecimal amount = fen(decimal(r, "amount_yuan"));
      String zone = string(r, "zone_id");
      Map<String, Double> shares = zone == null ? null : zoneShares.get(zone);
      if (shares == null || shares.isEmpty()) {
        items.add(new Item(Channel.AUCTION, MarketTables.AUCTION_AWARDS.qualifiedName(), id, UNATTRIBUTED, amount,
            zone == null ? "no zone" : "zone " + zone + " is not on the grid"));
        continue;
      }
      double total = shares.values().stream().mapToDouble(Double::doubleValue).sum();
      GepRealization.split(amount, shares).forEach((code, part) -> items.add(new Item(Channel.AUCTION, MarketTables.AUCTION_AWARDS.qualifiedName(),
          id, code, part, String.format(Locale.ROOT, "zone %s: %.4f of its area", zone, shares.get(code) / total))));
    }
    return sold;
  }

  /** Trades of eco-rights in the year, credited to the seller's district (silver.enterprises). */
  private static void trades(Run run, Region region, int year, Set<String> types, Map<String, String> enterpriseDistrict,
      List<Item> items) {
    for (Row r : JobSupport.silver(run, "trades", region)
        .where(functions.year(col("trade_date")).equalTo(year)).orderBy("trade_id").collectAsList()) {
      if (!types.contains(string(r, "right_type"))) {
        continue;
      }
      BigDecimal amount = fen(BigDecimal.valueOf(number(r, "quantity")).multiply(BigDecimal.valueOf(number(r, "price_yuan"))));
      String seller = string(r, "seller");
      String code = seller == null ? null : enterpriseDistrict.get(seller);
      items.add(new Item(Channel.TRADE, "silver.trades", string(r, "trade_id"), code == null ? UNATTRIBUTED : code, amount,
          code == null ? "seller " + (seller == null ? "not given" : seller + " not in the enterprise registry") : "seller " + seller));
    }
  }

  /** Ledger transfers received: latest revision of each (agreement, period, payer, payee), not rejected; by the payee. */
  private static void compensation(Run run, Region region, int year, List<Item> items) {
    Optional<Dataset<Row>> ledger = JobSupport.goldIfExists(run, FinanceTables.COMPENSATION_LEDGER);
    if (ledger.isEmpty()) {
      return;
    }
    Map<String, Row> latest = new TreeMap<>();
    for (Row r : ledger.get().where(col("region").equalTo(region.id())).where(col("year").equalTo(year)).collectAsList()) {
      String key = string(r, "agreement_id") + "|" + string(r, "period") + "|" + string(r, "payer") + "|" + string(r, "payee");
      Row previous = latest.get(key);
      if (previous == null || ((Number) r.getAs("revision")).intValue() > ((Number) previous.getAs("revision")).intValue()) {
        latest.put(key, r);
      }
    }
    for (Row r : latest.values()) {
      if ("rejected".equals(string(r, "status"))) {
        continue;
      }
      String payee = string(r, "payee");
      Optional<String> code = districtOf(region, payee);
      if (code.isEmpty() && !payee.strip().equals(region.name()) && !payee.strip().equalsIgnoreCase(region.nameEn())) {
        continue; // paid to a party outside the region: not value realized in it
      }
      items.add(new Item(Channel.LEDGER, FinanceTables.COMPENSATION_LEDGER.qualifiedName(), string(r, "entry_id"), code.orElse(UNATTRIBUTED),
          fen(decimal(r, "amount_yuan")), "payee " + payee + " (" + string(r, "status") + ")"));
    }
  }

  /**
   * Eco-product-backed loans: a pledge of a right of an eco-finance type; by the borrower's district. Finance
   * mobilised, beside the realized value: a right sold at auction and then pledged is counted once, as the sale
   * (its loan's basis says so).
   */
  private static void loans(Run run, Region region, int year, Set<String> types, Map<String, String> enterpriseDistrict,
      Map<String, String> soldAtAuction, List<Item> items) {
    Map<String, String> rightType = new HashMap<>();
    for (Row r : JobSupport.silver(run, "rights_issued", region).select("right_id", "right_type").collectAsList()) {
      rightType.put(string(r, "right_id"), string(r, "right_type"));
    }
    Map<String, String> backing = new TreeMap<>();
    for (Row r : JobSupport.silver(run, "pledges", region).orderBy("pledge_id").collectAsList()) {
      String right = string(r, "right_id");
      // an auction award creates an eco-voucher right in the holdings ledger, which silver.rights_issued may not list
      String type = rightType.getOrDefault(right, soldAtAuction.containsKey(right) ? "eco_voucher" : null);
      if (type != null && types.contains(type)) {
        String sale = soldAtAuction.get(right);
        backing.putIfAbsent(string(r, "loan_id"), type + " " + right
            + (sale == null ? "" : " (sold at auction " + sale + ": realized there, not again here)"));
      }
    }
    LocalDate end = LocalDate.of(year, 12, 31);
    List<LoanBalance.Repayment> repayments = new ArrayList<>();
    for (Row r : JobSupport.silver(run, "repayments", region).collectAsList()) {
      repayments.add(new LoanBalance.Repayment(string(r, "loan_id"), date(r, "repaid_on"), decimal(r, "amount_yuan")));
    }
    for (Row r : JobSupport.silver(run, "loans", region).orderBy("loan_id").collectAsList()) {
      String loan = string(r, "loan_id");
      if (!backing.containsKey(loan)) {
        continue;
      }
      String code = enterpriseDistrict.get(string(r, "borrower"));
      String district = code == null ? UNATTRIBUTED : code;
      String why = "pledge of " + backing.get(loan) + "; borrower " + string(r, "borrower")
          + (code == null ? " not in the enterprise registry" : "");
      LoanBalance.Terms terms = new LoanBalance.Terms(loan, date(r, "disbursed_on"), JobSupport.textDate(r, "matures_on"),
          decimal(r, "principal_yuan"));
      if (terms.disbursedOn().getYear() == year) {
        items.add(new Item(Channel.LOAN_ISSUED, "silver.loans", loan, district, fen(terms.principalYuan()), why));
      }
      BigDecimal balance = fen(LoanBalance.on(terms, repayments, end));
      if (balance.signum() > 0) {
        items.add(new Item(Channel.LOAN_OUTSTANDING, "silver.loans", loan, district, balance,
            why + "; principal less repayments to " + end + (LoanBalance.overdue(terms, balance, end) ? " (overdue)" : "")));
      }
    }
  }

  private static Optional<String> districtOf(Region region, String name) {
    if (name == null) {
      return Optional.empty();
    }
    String trimmed = name.strip();
    for (District d : region.districts()) {
      if (d.name().equals(trimmed) || d.nameEn().equalsIgnoreCase(trimmed) || d.code().equals(trimmed)) {
        return Optional.of(d.code());
      }
    }
    return Optional.empty();
  }
}
