package org.liangshan.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.calc.CalcJson;
import org.liangshan.core.calc.CalcMethod;
import org.liangshan.core.calc.CalcRegistry;
import org.liangshan.core.calc.FieldSpec;
import org.liangshan.core.param.ParameterSet;
import org.liangshan.core.region.Regions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "calc",
    mixinStandardHelpOptions = true,
    description = {
      "Run one methodology computation and print its result as a JSON object (METHODOLOGY.md's calc contract).",
      "The batch jobs call the same code. Example:",
      "  liangshan calc water-conservation --json '{\"precip_mm\":1200,\"runoff_mm\":200,\"et_mm\":700,\"area_km2\":1}'"
    })
final class CalcCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "METHOD", description = "Method name; see --list.")
  String method;

  @Option(names = "--list", description = "List the methods with their input and output fields.")
  boolean list;

  @Option(names = "--json", paramLabel = "OBJECT|@FILE", description = "Input as a JSON object, or @file.json.")
  String json;

  @Option(names = "--region", paramLabel = "REGION", description = "Use this region's parameter set (default: the national defaults).")
  String region;

  @Override
  public Integer call() throws IOException {
    CalcRegistry registry = CalcRegistry.standard();
    if (list) {
      for (CalcMethod m : registry.methods()) {
        System.out.println(m.name() + " — " + m.description());
        System.out.println("  inputs:");
        for (FieldSpec f : m.inputFields()) {
          System.out.printf("    %-26s %-8s %-12s %s%s%n", f.name(), f.type().name().toLowerCase(java.util.Locale.ROOT), f.unit(),
              f.required() ? "required. " : "optional (default " + f.defaultValue().orElse("") + "). ", f.description());
        }
        System.out.println("  outputs:");
        for (FieldSpec f : m.outputFields()) {
          System.out.printf("    %-26s %-8s %-12s %s%n", f.name(), f.type().name().toLowerCase(java.util.Locale.ROOT), f.unit(), f.description());
        }
        System.out.println();
      }
      return Main.OK;
    }
    if (method == null) {
      throw LiangshanException.badInput("Name a method or use --list. Known methods: %s.", String.join(", ", registry.names()));
    }
    if (json == null) {
      throw LiangshanException.badInput("Missing --json: give the input as a JSON object or @file.json (see 'liangshan calc --list').");
    }
    String text = json;
    if (json.startsWith("@")) {
      Path file = Path.of(json.substring(1));
      if (!Files.isReadable(file)) {
        throw LiangshanException.badInput("Cannot read the input file %s.", file);
      }
      text = Files.readString(file);
    }
    JsonNode input = CalcJson.parse(text);
    if (!input.isObject()) {
      throw LiangshanException.badInput("--json must be a JSON object, e.g. '{\"ndvi\": 0.6, ...}'.");
    }
    ParameterSet params = region == null ? ParameterSet.defaults() : ParameterSet.forRegion(Regions.load(region));
    JsonNode result = registry.compute(method, input, params);
    System.out.println(CalcJson.write(result));
    return Main.OK;
  }
}
