package org.liangshan.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.param.ParameterSet;
import org.liangshan.core.param.Provenance;
import org.liangshan.core.param.Provenance.Status;
import org.liangshan.core.region.Regions;
import org.liangshan.core.text.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Lists the parameters of a parameter set with their provenance; reads the classpath only (no lakehouse, no Spark). */
@Command(name = "params", mixinStandardHelpOptions = true,
    description = {
      "List every parameter of a region's parameter set (the defaults deep-merged with the region's overrides):",
      "key, value, unit, status and source. Status is published (a standard, paper or official table),",
      "local_survey (the region's own survey or measurement) or illustrative (a placeholder or design default to",
      "be replaced before a signed account). A region override shows the override's value and provenance."
    })
final class ParamsCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Option(names = "--region", paramLabel = "REGION",
      description = "The region whose set to list: liyang or tianjin (default: the national defaults).")
  String region;

  @Option(names = "--status", paramLabel = "STATUS",
      description = "Only parameters of this status: published, local_survey or illustrative.")
  String status;

  @Option(names = "--json", description = "Print a JSON array of {key, value, unit, status, source}.")
  boolean json;

  @Option(names = "--summary", description = "Print the number of parameters per section and status instead.")
  boolean summary;

  @Override
  public Integer call() throws Exception {
    Status only = status == null ? null : parseStatus(status);
    List<Provenance.Entry> entries = (region == null ? ParameterSet.provenance() : ParameterSet.provenance(Regions.load(region)))
        .stream().filter(e -> only == null || e.status() == only).toList();
    if (summary) {
      printSummary(entries);
    } else if (json) {
      ArrayNode rows = JSON.createArrayNode();
      for (Provenance.Entry e : entries) {
        ObjectNode row = rows.addObject();
        row.put("key", e.key());
        row.set("value", e.value());
        row.put("unit", e.unit());
        row.put("status", e.status().word());
        row.put("source", e.source());
      }
      System.out.println(JSON.writeValueAsString(rows));
    } else {
      TextTable table = new TextTable("key", "value", "unit", "status", "source");
      for (Provenance.Entry e : entries) {
        table.row(e.key(), e.value().isTextual() ? e.value().asText() : e.value().toString(), e.unit(), e.status().word(),
            e.source());
      }
      System.out.print(table);
      System.out.println(entries.size() + " parameters");
    }
    return Main.OK;
  }

  private static void printSummary(List<Provenance.Entry> entries) {
    Map<String, Map<Status, Long>> bySection = entries.stream().collect(Collectors.groupingBy(
        e -> e.key().substring(0, e.key().contains(".") ? e.key().indexOf('.') : e.key().length()), TreeMap::new,
        Collectors.groupingBy(Provenance.Entry::status, Collectors.counting())));
    TextTable table = new TextTable("section", "published", "local_survey", "illustrative", "total");
    long[] totals = new long[Status.values().length];
    bySection.forEach((section, counts) -> {
      Object[] row = new Object[5];
      row[0] = section;
      long total = 0;
      for (Status s : Status.values()) {
        long n = counts.getOrDefault(s, 0L);
        row[1 + s.ordinal()] = n;
        totals[s.ordinal()] += n;
        total += n;
      }
      row[4] = total;
      table.row(row);
    });
    table.row("all", totals[0], totals[1], totals[2], Arrays.stream(totals).sum());
    System.out.print(table);
  }

  private static Status parseStatus(String word) {
    return Status.of(word).orElseThrow(
        () -> LiangshanException.badInput("Unknown --status %s: use published, local_survey or illustrative.", word));
  }
}
