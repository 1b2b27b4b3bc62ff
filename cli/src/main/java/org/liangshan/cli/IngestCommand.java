package org.liangshan.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.region.Region;
import org.liangshan.core.region.Regions;
import org.liangshan.core.text.TextTable;
import org.liangshan.pipelines.ingest.FileRejected;
import org.liangshan.pipelines.ingest.IngestJob;
import org.liangshan.pipelines.ingest.LoadReport;
import org.liangshan.pipelines.source.SourceFamilies;
import org.liangshan.pipelines.source.SourceFamily;
import org.liangshan.warehouse.Run;
import org.liangshan.warehouse.TableCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = {
      "Load landing files into bronze, silver and quarantine, and print the reconciliation",
      "(received = loaded + quarantined + duplicates per file). Files already loaded are skipped.",
      "  liangshan ingest --all landing                  every family of every region found under landing/",
      "  liangshan ingest --region liyang --landing landing hydrology landing/liyang/hydrology/2024.csv",
      "A load killed mid-way is rolled back by the next ingestion of its region (or by --recover).",
      "A redelivery of a loaded file that would withdraw more than the family's share of the rows it loaded",
      "(20 %% unless the family declares another), or that is empty, or whose every record is quarantined, is HELD:",
      "nothing of it is written until you confirm it by running the printed command again with --allow-shrink FILE.",
      "Exit status 2 when a file was refused or held (the others still load)."
    })
final class IngestCommand implements Callable<Integer> {
  @Mixin Lakehouse lakehouse;

  @Option(names = "--all", paramLabel = "LANDING", description = "Load every family of every region under this landing root.")
  Path all;

  @Option(names = "--region", paramLabel = "REGION", description = "Region of the files (with a family and paths).")
  String region;

  @Option(names = "--landing", paramLabel = "DIR", defaultValue = "landing", description = "Landing root the paths are under (default ${DEFAULT-VALUE}).")
  Path landing;

  @Option(names = "--recover", description = "Only roll back loads an earlier process left unfinished (killed mid-load), load nothing."
      + " Every ingestion does this first anyway.")
  boolean recover;

  @Option(names = "--allow-shrink", paramLabel = "FILE",
      description = "Confirm the held redelivery of this landing file: load it although it withdraws rows the file loaded"
          + " before (the file ledger records the confirmation). Repeat for several files.")
  List<Path> allowShrink = new ArrayList<>();

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "FAMILY PATH...", description = "A source family and files or folders of it.")
  List<String> args = new ArrayList<>();

  @Override
  public Integer call() {
    TableCatalog catalog = lakehouse.catalog();
    List<LoadReport> reports = new ArrayList<>();
    if (recover) {
      int undone = 0;
      for (Region r : Regions.all()) {
        if (region != null && !region.equals(r.id())) {
          continue;
        }
        Run run = Run.start(catalog, "liangshan ingest --recover", "ingest", r.id(), null, null);
        int n = new IngestJob(run, r, landing, System.err::println).recover();
        run.succeed(n + " interrupted load(s) rolled back");
        undone += n;
      }
      System.out.println("Interrupted loads rolled back: " + undone + ".");
      return Main.OK;
    }
    if (all != null) {
      if (!Files.isDirectory(all)) {
        throw LiangshanException.badInput("Landing root %s is not a directory.", all);
      }
      for (Region r : Regions.all()) {
        if (region != null && !region.equals(r.id()) || !Files.isDirectory(all.resolve(r.id()))) {
          continue;
        }
        reports.add(ingestRegion(catalog, r, all, allowShrink));
      }
      if (reports.isEmpty()) {
        throw LiangshanException.badInput("No region folder (%s) under %s.", String.join(", ", Regions.IDS), all);
      }
    } else {
      if (args.size() < 2 || region == null) {
        throw LiangshanException.badInput("Give --all LANDING, or --region R FAMILY PATH... (families: %s).",
            String.join(", ", SourceFamilies.names()));
      }
      Region r = Regions.load(region);
      SourceFamily family = SourceFamilies.get(args.get(0));
      List<Path> files = new ArrayList<>();
      for (String arg : args.subList(1, args.size())) {
        Path path = Path.of(arg);
        if (Files.isDirectory(path)) {
          try (var stream = Files.list(path)) {
            stream.filter(Files::isRegularFile).sorted().forEach(files::add);
          } catch (java.io.IOException e) {
            throw LiangshanException.badInput("Cannot list %s: %s", path, e.getMessage());
          }
        } else if (Files.isRegularFile(path)) {
          files.add(path);
        } else {
          throw LiangshanException.badInput("No such file or folder: %s", path);
        }
      }
      Run run = Run.start(catalog, "liangshan ingest " + String.join(" ", args), "ingest", r.id(), null, null);
      try {
        IngestJob job = new IngestJob(run, r, landing, System.err::println, allowShrink);
        LoadReport report = job.load(family, files);
        job.reportQuality();
        run.succeed(outcome(report));
        reports.add(report);
      } catch (RuntimeException e) {
        run.fail(e);
        throw e;
      }
    }
    return print(reports, all != null ? all : landing, confirmCommand());
  }

  /** The command as it was run, to which a held file's --allow-shrink is appended. */
  String confirmCommand() {
    List<String> words = new ArrayList<>(List.of("liangshan", "ingest"));
    if (spec != null && spec.commandLine().getParseResult() != null) {
      words.addAll(spec.commandLine().getParseResult().originalArgs());
    }
    return String.join(" ", words.stream().map(IngestCommand::quoted).toList());
  }

  private static String quoted(String word) {
    return word.matches("[A-Za-z0-9_./:=@%+-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
  }

  private static String outcome(LoadReport report) {
    List<String> parts = new ArrayList<>();
    if (!report.rejectedFiles().isEmpty()) {
      parts.add(report.rejectedFiles().size() + " file(s) refused");
    }
    if (!report.heldFiles().isEmpty()) {
      parts.add(report.heldFiles().size() + " redelivery(ies) held for --allow-shrink");
    }
    return parts.isEmpty() ? null : String.join(", ", parts);
  }

  static LoadReport ingestRegion(TableCatalog catalog, Region region, Path landing) {
    return ingestRegion(catalog, region, landing, List.of());
  }

  static LoadReport ingestRegion(TableCatalog catalog, Region region, Path landing, List<Path> allowShrink) {
    System.err.println("Ingesting " + region.nameEn() + " from " + landing.resolve(region.id()));
    Run run = Run.start(catalog, "liangshan ingest --all " + landing, "ingest", region.id(), null, null);
    try {
      LoadReport report = new IngestJob(run, region, landing, System.err::println, allowShrink).loadAll();
      run.succeed(outcome(report));
      return report;
    } catch (RuntimeException e) {
      run.fail(e);
      throw e;
    }
  }

  static int print(List<LoadReport> reports) {
    return print(reports, Path.of("landing"), "liangshan ingest --all landing");
  }

  /**
   * Prints the reconciliation, then each refused file and each held redelivery with the command that
   * confirms it ({@code command} followed by {@code --allow-shrink FILE}, FILE under {@code landing}).
   */
  static int print(List<LoadReport> reports, Path landing, String command) {
    TextTable table = new TextTable("family", "files", "skipped", "received", "loaded", "quarantined", "duplicates");
    java.util.Map<String, long[]> byFamily = new java.util.LinkedHashMap<>();
    List<FileRejected> rejected = new ArrayList<>();
    List<LoadReport.Held> held = new ArrayList<>();
    for (LoadReport report : reports) {
      for (LoadReport.FileLine line : report.files()) {
        long[] c = byFamily.computeIfAbsent(line.family(), k -> new long[6]);
        c[0]++;
        c[1] += line.skipped() ? 1 : 0;
        c[2] += line.received();
        c[3] += line.loaded();
        c[4] += line.quarantined();
        c[5] += line.duplicates();
      }
      rejected.addAll(report.rejectedFiles());
      held.addAll(report.heldFiles());
    }
    byFamily.forEach((family, c) -> table.row(family, c[0], c[1], String.format("%,d", c[2]), String.format("%,d", c[3]),
        String.format("%,d", c[4]), String.format("%,d", c[5])));
    System.out.print(table);
    for (FileRejected r : rejected) {
      System.err.println("REFUSED " + r.getMessage());
    }
    for (LoadReport.Held h : held) {
      System.err.println(h.message());
      System.err.println("  To load it anyway (the withdrawn rows leave silver; the ledger records your confirmation):");
      System.err.println("  " + command + " --allow-shrink " + quoted(landing.resolve(h.file()).toString()));
    }
    System.out.println("Rejected records: 'liangshan quarantine'. Refused files: " + rejected.size() + "."
        + (held.isEmpty() ? "" : " Held redeliveries: " + held.size() + "."));
    return rejected.isEmpty() && held.isEmpty() ? Main.OK : Main.BAD_INPUT;
  }
}
