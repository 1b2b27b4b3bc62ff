package org.liangshan.finance;

import static org.apache.spark.sql.functions.col;
import static org.liangshan.warehouse.JobSupport.date;
import static org.liangshan.warehouse.JobSupport.decimal;
import static org.liangshan.warehouse.JobSupport.number;
import static org.liangshan.warehouse.JobSupport.string;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.liangshan.core.method.XinanPIndex;
import org.liangshan.core.money.Money;
import org.liangshan.core.param.IllustrativeParameters;
import org.liangshan.core.param.IllustrativeShare;
import org.liangshan.core.param.ParameterSet;
import org.liangshan.core.region.CompensationAgreement;
import org.liangshan.core.region.Region;
import org.liangshan.finance.model.Compensation;
import org.liangshan.finance.model.CompensationLedger;
import org.liangshan.finance.model.FinanceParameters;
import org.liangshan.finance.model.LedgerRevisions;
import org.liangshan.geo.GeoTables;
import org.liangshan.market.MarketJob;
import org.liangshan.market.model.Hydrology;
import org.liangshan.market.model.WaterQuality;
import org.liangshan.warehouse.JobSupport;
import org.liangshan.warehouse.Run;
import org.liangshan.warehouse.TableDef;

/**
 * The compensation ledger of a region for a year, thin over {@link Compensation} and {@link
 * CompensationLedger}, each agreement settled as its terms say: a P-index agreement once a year, on the
 * year's mean concentrations (mean of monthly means, manual samples when a month has them, else automatic;
 * see {@link WaterQuality}) against its fixed baseline, with its water-quantity term (the year's volume at
 * the section, silver.hydrology) where it has one; a per-factor agreement monthly, on the month's means and
 * volume (mean daily flow × seconds of the month); a yearly vertical transfer per district from
 * gold.gep_by_district (this year and last); fixed yearly transfers; yearly quota-keyed transfers ({@code
 * vertical_quota}) and damage entries in the month of the event ({@code damage}) through {@link
 * QuotaAndDamageStep}. What an agreement lacks (a baseline, a factor's measurements, a month's flow) leaves
 * that settlement out, named in the summary; nothing is settled on a substitute.
 * The job fails if any period's debits differ from its credits.
 *
 * <p><b>Revisions.</b> Entries are written as {@code draft}, with a revision per period (see {@link
 * LedgerRevisions}). A re-run replaces drafts; a period whose latest revision has been reviewed, approved
 * or rejected keeps it, and a re-run writes the next revision beside it (or nothing, when the entries equal
 * a standing reviewed or approved revision). The summary lists each new revision's differences count;
 * {@code liangshan ledger diff} lists them entry by entry.
 */
public final class CompensationJob {
  /** The method of a fixed yearly transfer (a key-function-area transfer). */
  static final String FIXED_TRANSFER = "fixed-transfer";

  private CompensationJob() {}

  public record Summary(String region, int year, int revision, int entries, BigDecimal totalYuan,
      List<CompensationLedger.PeriodTotal> periods, List<String> notSettled, List<LedgerRevisions.Plan> revised) {
    public boolean balanced() {
      return periods.stream().allMatch(CompensationLedger.PeriodTotal::balanced);
    }

    @Override
    public String toString() {
      StringBuilder s = new StringBuilder(String.format(
          "compensation %s %d (latest revision %d): %d entries written, %s yuan, debits = credits in all %d periods: %s",
          region, year, revision, entries, totalYuan.toPlainString(), periods.size(), balanced()));
      notSettled.forEach(n -> s.append(System.lineSeparator()).append("  not settled: ").append(n));
      for (LedgerRevisions.Plan plan : revised) {
        s.append(System.lineSeparator()).append("  ").append(plan.period()).append(": ").append(plan.note());
        if (plan.write()) {
          s.append(", ").append(plan.changes().size()).append(" difference(s) against revision ")
              .append(plan.against().orElseThrow()).append(" (").append(plan.againstStatus().orElseThrow())
              .append("): 'liangshan ledger diff --region ").append(region).append(" --period ").append(plan.period())
              .append("'");
        }
      }
      return s.toString();
    }
  }

  public static Summary run(Run run, Region region, int year, ParameterSet params) {
    return run(run, region, year, params, message -> {});
  }

  public static Summary run(Run run, Region region, int year, ParameterSet params, Consumer<String> progress) {
    ParameterSet p = FinanceParameters.complete(params);
    int revision = 1;
    CompensationLedger ledger = new CompensationLedger();
    List<String> notSettled = new ArrayList<>();

    progress.accept("compensation " + region.id() + " " + year + ": horizontal agreements");
    horizontal(run, region, year, revision, p, ledger, notSettled);
    progress.accept("compensation " + region.id() + " " + year + ": vertical agreements");
    vertical(run, region, year, revision, p, ledger, notSettled);
    progress.accept("compensation " + region.id() + " " + year + ": quota-keyed and damage agreements");
    region.agreements().stream().filter(a -> a.method().equals(FIXED_TRANSFER))
        .forEach(a -> ledger.add(Compensation.fixedTransfer(a, year, revision)));
    QuotaAndDamageStep.verticalQuota(run, region, year, revision, p, ledger, notSettled);
    QuotaAndDamageStep.damage(run, region, year, revision, p, ledger, notSettled);
    ledger.checkBalanced();
    notSettled.forEach(n -> progress.accept("  not settled: " + n));
    run.count("compensation_not_settled", notSettled.size());

    // Revisions per period: drafts are replaced; a period that has left draft keeps its revisions and
    // gets the next one beside them, unless the entries equal a standing reviewed or approved revision.
    Map<String, LedgerRevisions.Plan> plans = LedgerRevisions.plan(stored(run, region, year), ledger.entries());
    CompensationLedger published = new CompensationLedger();
    for (CompensationLedger.Entry e : ledger.entries()) {
      LedgerRevisions.Plan plan = plans.get(e.period());
      if (plan.write()) {
        published.add(LedgerRevisions.withRevision(e, plan.revision()));
      }
    }
    published.checkBalanced();
    IllustrativeParameters illustrative = IllustrativeParameters.of(ParameterSet.provenance(region));
    List<CompensationRows.Entry> entryRows = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO;
    for (CompensationLedger.Entry e : published.entries()) {
      total = total.add(e.amountYuan());
      entryRows.add(new CompensationRows.Entry(region.id(), year, e.period(), e.entryId(), e.agreementId(), e.method(),
          e.payer(), e.payee(), JobSupport.money(e.amountYuan()), e.basis(),
          e.reliance().illustrativeShare(illustrative), LedgerRevisions.DRAFT, plans.get(e.period()).revision()));
    }
    List<CompensationRows.Posting> postingRows = new ArrayList<>();
    for (CompensationLedger.Posting posting : published.postings()) {
      postingRows.add(new CompensationRows.Posting(region.id(), year, posting.period(), posting.entryId(), posting.account(),
          JobSupport.money(posting.debitYuan()), JobSupport.money(posting.creditYuan()), LedgerRevisions.DRAFT,
          plans.get(posting.period()).revision()));
    }
    progress.accept("compensation " + region.id() + " " + year + ": writing gold tables");
    String drafts = JobSupport.regionYear(region, year) + " AND status = 'draft'";
    JobSupport.replace(run, CompensationRows.ENTRY, entryRows, drafts);
    JobSupport.replace(run, CompensationRows.POSTING, postingRows, drafts);
    List<LedgerRevisions.Plan> revised = plans.values().stream().filter(pl -> pl.against().isPresent()).toList();
    run.count("compensation_new_revisions", revised.stream().filter(LedgerRevisions.Plan::write).count());
    int latest = plans.values().stream().mapToInt(LedgerRevisions.Plan::revision).max().orElse(1);
    return new Summary(region.id(), year, latest, entryRows.size(), total, published.totals(), List.copyOf(notSettled),
        List.copyOf(revised));
  }

  /** The entries already in the ledger for the region and year, every revision (read pinned). */
  private static List<LedgerRevisions.Stored> stored(Run run, Region region, int year) {
    Optional<Dataset<Row>> table = JobSupport.goldIfExists(run, FinanceTables.COMPENSATION_LEDGER);
    if (table.isEmpty()) {
      return List.of();
    }
    List<LedgerRevisions.Stored> result = new ArrayList<>();
    for (Row r : table.get().where(col("region").equalTo(region.id())).where(col("year").equalTo(year)).collectAsList()) {
      result.add(stored(r));
    }
    return result;
  }

  /** A ledger row as a stored entry. */
  public static LedgerRevisions.Stored stored(Row r) {
    return new LedgerRevisions.Stored(string(r, "period"), r.getInt(r.fieldIndex("revision")), string(r, "status"),
        string(r, "entry_id"), string(r, "agreement_id"), string(r, "payer"), string(r, "payee"),
        Money.wholeFen(decimal(r, "amount_yuan")), string(r, "basis"));
  }

  private static void horizontal(Run run, Region region, int year, int revision, ParameterSet p, CompensationLedger ledger,
      List<String> notSettled) {
    List<CompensationAgreement> agreements = region.agreements().stream()
        .filter(a -> a.kind() == CompensationAgreement.Kind.HORIZONTAL).toList();
    if (agreements.isEmpty()) {
      return;
    }
    List<String> sections = agreements.stream().map(a -> a.sectionId().orElseThrow()).distinct().toList();
    Set<String> indicators = new LinkedHashSet<>(XinanPIndex.FACTORS);
    agreements.forEach(a -> a.factors().forEach(f -> indicators.add(f.name())));
    // Read back to the earliest fixed baseline year any agreement declares (never a rolling window).
    int fromYear = agreements.stream().flatMap(a -> a.terms().baseline().flatMap(CompensationAgreement.Baseline::fromYear)
        .stream()).mapToInt(Integer::intValue).min().orElse(year);
    List<WaterQuality.Samples> samples =
        MarketJob.samples(run, region, sections, List.copyOf(indicators), Math.min(fromYear, year), year);
    Map<String, List<Hydrology.DailyFlow>> flows = new TreeMap<>();
    for (Row r : JobSupport.silver(run, "hydrology", region)
        .where(col("section_id").isin(sections.toArray()))
        .where(functions.year(col("date")).equalTo(year))
        .where(col("flow_m3_s").isNotNull())
        .collectAsList()) {
      flows.computeIfAbsent(string(r, "section_id"), s -> new ArrayList<>())
          .add(new Hydrology.DailyFlow(string(r, "section_id"), date(r, "date"), number(r, "flow_m3_s")));
    }
    for (CompensationAgreement agreement : agreements) {
      String section = agreement.sectionId().orElseThrow();
      Map<YearMonth, Double> monthlyFlow = Hydrology.monthlyMeans(flows.getOrDefault(section, List.of()));
      if (agreement.method().equals("xinan-p-index")) {
        xinan(agreement, year, samples, monthlyFlow, revision, p, ledger, notSettled);
      } else if (agreement.method().equals("section-compensation")) {
        perFactor(agreement, year, samples, monthlyFlow, revision, p, ledger, notSettled);
      } else {
        notSettled.add(agreement.id() + ": unknown horizontal method " + agreement.method());
      }
    }
  }

  /** The year's P-index settlement against the agreement's fixed baseline, and its quantity term. */
  private static void xinan(CompensationAgreement agreement, int year, List<WaterQuality.Samples> samples,
      Map<YearMonth, Double> monthlyFlow, int revision, ParameterSet p, CompensationLedger ledger, List<String> notSettled) {
    String section = agreement.sectionId().orElseThrow();
    if (agreement.annualFundYuan().isEmpty()) {
      notSettled.add(agreement.id() + ": a P-index agreement needs annual_fund_yuan");
      return;
    }
    Optional<CompensationAgreement.Baseline> declared = agreement.terms().baseline();
    Optional<Integer> baselineTo = declared.flatMap(CompensationAgreement.Baseline::toYear);
    if (baselineTo.isPresent() && year <= baselineTo.get()) {
      notSettled.add(agreement.id() + " " + year + ": the year is not after the fixed baseline period "
          + declared.get().fromYear().orElseThrow() + "-" + baselineTo.get() + ", so there is nothing to settle against");
      return;
    }
    Map<String, Compensation.AnnualMean> annual = new LinkedHashMap<>();
    Map<String, Compensation.Baseline> baselines = new LinkedHashMap<>();
    for (String factor : Compensation.weights(agreement, p).keySet()) {
      Optional<WaterQuality.Mean> mean = WaterQuality.meanOfMonthlyMeans(samples, List.of(section), factor, year, year);
      if (mean.isPresent()) {
        int months = 0;
        for (int m = 1; m <= 12; m++) {
          months += WaterQuality.monthlyMean(samples, section, factor, YearMonth.of(year, m)).isPresent() ? 1 : 0;
        }
        annual.put(factor, new Compensation.AnnualMean(mean.get().valueMgL(), mean.get().method(), mean.get().samples(),
            months));
      }
      Optional<WaterQuality.Mean> earlier = declared.flatMap(CompensationAgreement.Baseline::fromYear)
          .flatMap(from -> WaterQuality.meanOfMonthlyMeans(samples, List.of(section), factor, from, baselineTo.orElseThrow()));
      Compensation.xinanBaseline(agreement, factor, earlier).ifPresent(b -> baselines.put(factor, b));
    }
    record(Compensation.xinanAnnual(agreement, year, annual, baselines, revision, p), ledger, notSettled);
    if (agreement.terms().quantity().isPresent()) {
      record(Compensation.quantity(agreement, year, monthlyFlow, revision), ledger, notSettled);
    }
  }

  private static void record(Compensation.Settled settled, CompensationLedger ledger, List<String> notSettled) {
    settled.entry().ifPresent(ledger::add);
    settled.reason().ifPresent(notSettled::add);
  }

  /** The monthly per-factor (Jiangsu) settlements of an agreement. */
  private static void perFactor(CompensationAgreement agreement, int year, List<WaterQuality.Samples> samples,
      Map<YearMonth, Double> monthlyFlow, int revision, ParameterSet p, CompensationLedger ledger, List<String> notSettled) {
    String section = agreement.sectionId().orElseThrow();
    for (int m = 1; m <= 12; m++) {
      YearMonth month = YearMonth.of(year, m);
      Map<String, Compensation.Concentration> concentrations = new LinkedHashMap<>();
      for (CompensationAgreement.FactorTarget factor : agreement.factors()) {
        WaterQuality.monthlyMean(samples, section, factor.name(), month).ifPresent(mean ->
            concentrations.put(factor.name(), new Compensation.Concentration(mean.valueMgL(), mean.method(), mean.samples())));
      }
      Double flow = monthlyFlow.get(month);
      if (flow == null) {
        notSettled.add(agreement.id() + " " + month + ": no flow at " + section);
        continue;
      }
      if (concentrations.size() < agreement.factors().size()) {
        notSettled.add(agreement.id() + " " + month + ": a factor was not measured at " + section);
        continue;
      }
      Compensation.sectionCompensation(agreement, month, concentrations, flow, revision, p).ifPresent(ledger::add);
    }
  }

  private static void vertical(Run run, Region region, int year, int revision, ParameterSet p, CompensationLedger ledger,
      List<String> notSettled) {
    List<CompensationAgreement> agreements = region.agreements().stream()
        .filter(a -> a.kind() == CompensationAgreement.Kind.VERTICAL && a.method().equals("gep-keyed")).toList();
    if (agreements.isEmpty()) {
      return;
    }
    TableDef gepDef = run.catalog().find(GeoTables.GEP_BY_DISTRICT.qualifiedName()).orElse(GeoTables.GEP_BY_DISTRICT);
    if (!run.catalog().exists(gepDef)) {
      agreements.forEach(a -> notSettled.add(a.id() + " " + year + ": gold.gep_by_district does not exist (run accounting first)"));
      return;
    }
    Map<Integer, Map<String, BigDecimal>> gep = new TreeMap<>();
    Map<Integer, Map<String, List<IllustrativeShare.Part>>> parts = new TreeMap<>();
    Map<String, String> names = new TreeMap<>();
    Dataset<Row> gepRows = run.input(gepDef).where(col("region").equalTo(region.id())).where(col("year").isin(year, year - 1));
    // Rows written before the share was recorded have none (null): counted as resting on illustrative parameters,
    // and counted in the run log (compensation_gep_rows_without_share).
    long withoutShare = 0;
    boolean shares = List.of(gepRows.columns()).contains("illustrative_share");
    for (Row r : gepRows.select(col("year"), col("district_code"), col("district"), col("value_yuan"),
            shares ? col("illustrative_share") : functions.lit(null).cast("double").as("illustrative_share"))
        .orderBy("year", "district_code", "value_yuan").collectAsList()) {
      int y = ((Number) r.get(r.fieldIndex("year"))).intValue();
      String code = string(r, "district_code");
      BigDecimal value = decimal(r, "value_yuan");
      gep.computeIfAbsent(y, k -> new TreeMap<>()).merge(code, value, BigDecimal::add);
      Double share = number(r, "illustrative_share");
      withoutShare += share == null ? 1 : 0;
      parts.computeIfAbsent(y, k -> new TreeMap<>()).computeIfAbsent(code, k -> new ArrayList<>())
          .add(new IllustrativeShare.Part(value.doubleValue(), share == null ? 1 : share));
      if (y == year) {
        names.putIfAbsent(code, string(r, "district"));
      }
    }
    run.count("compensation_gep_rows_without_share", withoutShare);
    Map<String, BigDecimal> current = gep.getOrDefault(year, Map.of());
    Map<String, BigDecimal> previous = gep.getOrDefault(year - 1, Map.of());
    Map<String, List<IllustrativeShare.Part>> currentParts = parts.getOrDefault(year, Map.of());
    Map<String, List<IllustrativeShare.Part>> previousParts = parts.getOrDefault(year - 1, Map.of());
    for (CompensationAgreement agreement : agreements) {
      if (current.isEmpty()) {
        notSettled.add(agreement.id() + " " + year + ": no GEP of " + region.id() + " for " + year);
        continue;
      }
      List<Compensation.DistrictGep> districts = new ArrayList<>();
      current.forEach((code, value) -> districts.add(new Compensation.DistrictGep(code, names.get(code), value,
          IllustrativeShare.ofSum(currentParts.get(code)), Optional.ofNullable(previous.get(code)),
          IllustrativeShare.ofSum(previousParts.getOrDefault(code, List.of())))));
      Compensation.vertical(agreement, year, districts, revision, p).forEach(ledger::add);
    }
  }
}
