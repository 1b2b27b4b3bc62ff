package org.liangshan.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.liangshan.core.param.ParameterSet;
import org.liangshan.core.region.Region;
import org.liangshan.finance.publish.LedgerExport;
import org.liangshan.finance.publish.ValuationReport;
import org.liangshan.finance.publish.ValuationReports;
import org.liangshan.warehouse.TableCatalog;

/** What the demo publishes per region: valuation reports of every loan, and the ledger exports of each year. */
final class Publications {
  private Publications() {}

  static List<String> publish(TableCatalog catalog, Region region, Years range, LocalDate valuationDate, ParameterSet params,
      Path root) {
    List<String> lines = new ArrayList<>();
    ValuationReports reports = new ValuationReports(catalog);
    Path dir = root.resolve("valuations").resolve(region.id()).resolve(valuationDate.toString());
    List<ValuationReport> all = reports.all(region.id(), valuationDate, params);
    for (ValuationReport report : all) {
      ValuationReports.write(report, dir, true, true);
    }
    Path index = ValuationReports.writeIndex(all, region.id(), valuationDate, dir);
    long flagged = all.stream().filter(r -> !r.flags().isEmpty()).count();
    lines.add(all.size() + " valuation reports on " + valuationDate + " (" + flagged + " with flags): " + index);
    LedgerExport export = new LedgerExport(catalog);
    for (int year = range.first(); year <= range.last(); year++) {
      try {
        LedgerExport.Result result = export.write(region.id(), year, false, root.resolve("ledgers"), true, true,
            java.time.Instant.now());
        lines.add("ledger " + year + ": " + result.entries() + " entries, " + result.totalYuan().toPlainString() + " yuan: "
            + String.join(", ", result.files().stream().map(Path::toString).toList()));
      } catch (org.liangshan.core.LiangshanException e) {
        lines.add("ledger " + year + ": " + e.getMessage());
      }
    }
    return lines;
  }
}
