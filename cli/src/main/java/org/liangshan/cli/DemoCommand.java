package org.liangshan.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.liangshan.core.param.ParameterSet;
import org.liangshan.core.region.Region;
import org.liangshan.core.region.Regions;
import org.liangshan.pipelines.ingest.LoadReport;
import org.liangshan.scheduler.jobs.Jobs;
import org.liangshan.warehouse.TableCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {
      "The whole batch for both regions on the embedded lakehouse: generate sample data if absent, ingest it,",
      "then per region and year the market, grid accounting, compensation ledger, bank book and GEP realization,",
      "and collateral valuation at the end of the last year; print a summary and where everything went. Safe",
      "to run again: files already",
      "loaded are skipped and the gold numbers come out the same."
    })
final class DemoCommand implements Callable<Integer> {
  @Mixin Lakehouse lakehouse;

  @Option(names = "--landing", defaultValue = "landing", paramLabel = "DIR", description = "Landing root (default ${DEFAULT-VALUE}).")
  Path landing;

  @Option(names = "--years", defaultValue = "2023-2024", paramLabel = "Y1-Y2", description = "Years (default ${DEFAULT-VALUE}).")
  String years;

  @Option(names = "--scale", defaultValue = "1", paramLabel = "S", description = "Generator scale when data is absent (default ${DEFAULT-VALUE}).")
  int scale;

  @Option(names = "--region", paramLabel = "REGION", description = "Only this region (default: liyang and tianjin).")
  String region;

  @Option(names = "--reports", paramLabel = "DIR",
      description = "Where valuation reports and ledger exports go (default: reports/ beside the landing directory).")
  Path reports;

  @Override
  public Integer call() {
    long start = System.nanoTime();
    Years range = Years.parse(years);
    List<Region> regions = region == null ? Regions.all() : List.of(Regions.load(region));
    String command = "liangshan demo --years " + years + (region == null ? "" : " --region " + region);

    step(start, "1/6 sample data");
    for (Region r : regions) {
      if (Files.isDirectory(landing.resolve(r.id()))) {
        System.err.println("  " + r.id() + ": landing data present in " + landing.resolve(r.id()) + ", not regenerated");
      } else {
        GenerateCommand.generate(r, range, scale, GenerateCommand.DEFAULT_SEED, landing);
      }
    }
    step(start, "2/6 starting Spark (local, Delta)");
    TableCatalog catalog = lakehouse.catalog();
    meter = new StageMeter(catalog.spark().sparkContext());
    long commitsBefore = StageMeter.commits(catalog.config().root());

    // The regions are independent: each runs its ingest and jobs in its own thread on the shared
    // session (their Delta writes touch different partitions), which keeps both cores busy.
    step(start, "3-5/6 per region: ingest, grid accounting, market, compensation, valuation");
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(regions.size());
    List<java.util.concurrent.Future<LoadReport>> futures = new ArrayList<>();
    for (Region r : regions) {
      futures.add(pool.submit(() -> runRegion(catalog, command, r, range, start)));
    }
    pool.shutdown();
    List<LoadReport> reports = new ArrayList<>();
    RuntimeException failure = null;
    for (java.util.concurrent.Future<LoadReport> future : futures) {
      try {
        reports.add(future.get());
      } catch (java.util.concurrent.ExecutionException e) {
        RuntimeException cause = e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        if (failure == null) {
          failure = cause;
        } else {
          failure.addSuppressed(cause);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    if (failure != null) {
      throw failure;
    }
    System.out.println("Ingestion reconciliation (both regions):");
    int ingestStatus = IngestCommand.print(reports);

    step(start, "6/6 summary");
    new DemoSummary(catalog, regions, range).print(System.out);
    System.out.println();
    System.out.println("Published for banks and the finance bureau:");
    for (Region r : regions) {
      published.getOrDefault(r.id(), List.of()).forEach(line -> System.out.println("  " + r.id() + ": " + line));
    }
    System.out.println();
    meter.print(System.out, commitsBefore, StageMeter.commits(catalog.config().root()));
    System.out.printf("%nDone in %.0f s. Lakehouse: %s%n", (System.nanoTime() - start) / 1e9, catalog.config().root());
    System.out.println("Next: 'liangshan tables' lists every table; 'liangshan runs --detail' shows each run's input versions;");
    System.out.println("      'liangshan quarantine' explains rejected records.");
    return ingestStatus;
  }

  private StageMeter meter;

  private final java.util.Map<String, List<String>> published = new java.util.concurrent.ConcurrentHashMap<>();

  private Path reportsDir() {
    if (reports != null) {
      return reports;
    }
    Path parent = landing.toAbsolutePath().normalize().getParent();
    return parent == null ? Path.of("reports") : parent.resolve("reports");
  }

  private LoadReport runRegion(TableCatalog catalog, String command, Region r, Years range, long start) {
    meter.begin(r.id(), "ingest");
    LoadReport report = IngestCommand.ingestRegion(catalog, r, landing);
    ParameterSet params = ParameterSet.forRegion(r);
    step(start, r.nameEn() + ": ingested; market and grid accounting (CASA carbon sink, GEP)");
    // The market first: its gold.zone_capacity caps water purification in the grid accounting.
    meter.begin(r.id(), "market");
    for (int year = range.first(); year <= range.last(); year++) {
      Jobs.market(catalog, command, r, year, params);
    }
    meter.begin(r.id(), "accounting");
    for (int year = range.first(); year <= range.last(); year++) {
      Jobs.accounting(catalog, command, r, year, params, System.err::println);
    }
    step(start, r.nameEn() + ": compensation ledger, collateral valuation, bank book and GEP realization");
    meter.begin(r.id(), "compensation");
    for (int year = range.first(); year <= range.last(); year++) {
      Jobs.compensation(catalog, command, r, year, params);
    }
    meter.begin(r.id(), "valuation");
    Jobs.valuation(catalog, command, r, LocalDate.of(range.last(), 12, 31), params);
    // Does the haircut hold on each instrument's history, and is any pledge below its line (none on the valuation day)?
    Jobs.backtest(catalog, command, r, LocalDate.of(range.last(), 12, 31), params);
    Jobs.margin(catalog, command, r, LocalDate.of(range.last(), 12, 31), params);
    meter.begin(r.id(), "bank book");
    for (int year = range.first(); year <= range.last(); year++) {
      Jobs.bankBook(catalog, command, r, year, params);
    }
    meter.begin(r.id(), "realization");
    for (int year = range.first(); year <= range.last(); year++) {
      Jobs.realization(catalog, command, r, year, params);
    }
    step(start, r.nameEn() + ": publishing valuation reports and ledger exports");
    meter.begin(r.id(), "publish");
    published.put(r.id(), Publications.publish(catalog, r, range, LocalDate.of(range.last(), 12, 31), params, reportsDir()));
    meter.end();
    step(start, r.nameEn() + ": done");
    return report;
  }

  private static void step(long start, String what) {
    System.err.printf("[%5.0f s] %s%n", (System.nanoTime() - start) / 1e9, what);
  }
}
