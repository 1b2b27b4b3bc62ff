package org.liangshan.pipelines.source;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.liangshan.pipelines.source.SourceFamilies.Indicator;

/**
 * Renders docs/landing-formats.md from spec/landing-families.yaml: the prose is in the template
 * {@code spec/landing-formats.md.mustache}, each family's table (headers, aliases, ranges, codes, references)
 * and the indicator, raster and cadence tables come from the spec. LandingFormatsDocTest fails when the
 * committed page differs; regenerate it from the repository root with
 * {@code mvn -pl pipelines -am test -Dtest=LandingFormatsDocTest -Dgolden.update=true -Dsurefire.failIfNoSpecifiedTests=false},
 * or run this class's main with the classpath of the pipelines module.
 */
public final class LandingFormatsDoc {
  private LandingFormatsDoc() {}

  /** The page, relative to the repository root. */
  public static final Path DOC = Path.of("docs", "landing-formats.md");

  /** The headings of the template that list families, in its order: a family's doc-section is one of them. */
  static final List<String> SECTIONS =
      List.of("water-quality", "hydrology", "flux", "meteorology", "vectors", "enterprises", "surveys", "market", "finance");

  /** Writes the page to the path given, or to docs/landing-formats.md under the working directory. */
  public static void main(String[] args) throws IOException {
    Path target = args.length > 0 ? Path.of(args[0]) : DOC;
    Files.writeString(target, render(SourceFamilies.spec()), StandardCharsets.UTF_8);
    System.out.println("wrote " + target);
  }

  /** The page for {@code spec}. */
  public static String render(LandingSpec spec) {
    Map<String, Object> scope = new LinkedHashMap<>();
    for (String section : SECTIONS) {
      scope.put(section.replace('-', '_'), new ArrayList<Map<String, Object>>());
    }
    for (LandingSpec.Family family : spec.families()) {
      if (!SECTIONS.contains(family.docSection())) {
        throw new IllegalArgumentException("family '" + family.name() + "': doc-section '" + family.docSection()
            + "' is not a section of landing-formats.md; expected one of " + String.join(", ", SECTIONS));
      }
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> section = (List<Map<String, Object>>) scope.get(family.docSection().replace('-', '_'));
      section.add(family(spec, family));
    }
    scope.put("withdrawnShare", percent(spec.policy().maxWithdrawnShare()));
    scope.put("indicators", spec.indicators().stream().map(i -> Map.of(
        "nameZh", i.nameZh(), "code", i.code(), "unit", i.unit(), "range", number(i.min()) + " – " + number(i.max()),
        "detectionLimit", i.detectionLimit() == null ? "none (not censorable)"
            : number(i.detectionLimit()) + " " + i.unit() + " (" + i.detectionLimitSource() + ")")).toList());
    scope.put("rasters", spec.rasters().stream().map(r -> Map.of(
        "product", r.product(), "period", r.period(), "values", r.values())).toList());
    scope.put("cadences", spec.families().stream().filter(f -> f.dataQuality() != null).map(f -> Map.of(
        "family", f.name(),
        "file", f.docFile(),
        "perDay", f.dataQuality().perDay() == 0 ? "not measured (deliveries only)" : f.dataQuality().perDay().toString(),
        "dueDays", f.dataQuality().dueDays().toString())).toList());
    // Markdown, not HTML: values are written as they are.
    DefaultMustacheFactory factory = new DefaultMustacheFactory("spec") {
      @Override
      public void encode(String value, Writer writer) {
        try {
          writer.write(value);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
    Mustache template = factory.compile("landing-formats.md.mustache");
    StringWriter out = new StringWriter();
    template.execute(out, scope);
    return out.toString();
  }

  private static Map<String, Object> family(LandingSpec spec, LandingSpec.Family family) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("file", family.docFile());
    view.put("intro", family.intro() == null ? false : family.intro());
    view.put("notes", family.notes() == null ? false : family.notes());
    NumberConvention numbers = family.numbers();
    view.put("numbers", numbers.equals(NumberConvention.DEFAULT) ? false : numbers.describe());
    List<Map<String, String>> fields = new ArrayList<>();
    for (LandingSpec.Field field : family.fields()) {
      Map<String, String> row = new LinkedHashMap<>();
      row.put("header", cell(field.header()));
      row.put("aliases", cell(String.join(", ", field.aliases())));
      row.put("required", field.required() ? "yes" : "");
      row.put("values", cell(field.column().equals(family.fileNameColumn()) ? "from the file name" : values(spec, field)));
      row.put("meaning", cell(meaning(spec, field)));
      fields.add(row);
    }
    view.put("fields", fields);
    view.put("measures", String.join(", ", family.requiredMeasures().stream()
        .map(m -> family.fields().stream().filter(f -> f.column().equals(m)).findFirst().orElseThrow().header()).toList()));
    view.put("share", family.maxWithdrawnShare() == null ? false : percent(family.maxWithdrawnShare()));
    return view;
  }

  /** The doc's note when the field has one (it says more than the silver column's comment), else that comment. */
  private static String meaning(LandingSpec spec, LandingSpec.Field field) {
    if (field.note() != null) {
      return field.note();
    }
    return field.indicator() == null ? field.description() : spec.indicator(field.indicator()).nameZh();
  }

  /** What a value may be: its form, its range and unit, its codes, or the family whose ids it names. */
  private static String values(LandingSpec spec, LandingSpec.Field field) {
    Double min = field.min();
    Double max = field.max();
    String unit = field.unit();
    if (field.indicator() != null) {
      Indicator indicator = spec.indicator(field.indicator());
      min = indicator.min();
      max = indicator.max();
      unit = indicator.unit();
    }
    String values = switch (field.fieldType()) {
      case TEXT -> "text";
      case CODE -> codes(field);
      case INTEGER, LONG -> "whole number" + range(min, max);
      case DOUBLE -> "number" + range(min, max);
      case DECIMAL -> "amount" + range(min, max);
      case DATE -> field.future() ? "`yyyy-MM-dd`, may lie after the load" : "`yyyy-MM-dd`";
      case MONTH -> "`yyyy-MM`";
      case TIMESTAMP -> "`yyyy-MM-dd HH:mm`";
      case BOOLEAN -> "是 / 否";
      case UNIT -> "a unit: " + org.liangshan.core.unit.Unit.KNOWN;
    };
    if (unit != null) {
      values = values + " " + unit;
    }
    if (field.censorable()) {
      values = values + ", or below the detection limit (`<0.01`, `0.01L`, `ND`, `未检出`)";
    }
    if (field.references() != null) {
      LandingSpec.Family target = spec.family(field.references());
      values = "a known " + target.referenceName() + " (`" + target.docFile() + "`)";
    }
    return values;
  }

  /** {@code 河流 (river), 湖库 (lake)}: each code with the other spellings agencies write. */
  private static String codes(LandingSpec.Field field) {
    List<String> codes = new ArrayList<>();
    field.codes().forEach((code, spellings) -> {
      List<String> others = spellings.stream().filter(s -> !s.equalsIgnoreCase(code)).toList();
      codes.add(others.isEmpty() ? code : String.join(" / ", others) + " (" + code + ")");
    });
    return String.join(", ", codes);
  }

  private static String range(Double min, Double max) {
    boolean bounded = max != null && max < 9e18;
    if (min != null && bounded) {
      return " " + number(min) + " – " + number(max);
    }
    if (min != null) {
      return " ≥ " + number(min);
    }
    return bounded ? " ≤ " + number(max) : "";
  }

  /** 0.5, 136, 100000; powers of ten from a million on as 1e6, 1e12. */
  private static String number(double value) {
    if (value != Math.rint(value)) {
      return Double.toString(value);
    }
    long whole = (long) value;
    if (Math.abs(whole) >= 1_000_000) {
      double exponent = Math.log10(Math.abs(value));
      if (exponent == Math.rint(exponent)) {
        return (whole < 0 ? "-" : "") + "1e" + (long) exponent;
      }
    }
    return Long.toString(whole);
  }

  /** 0.2 as "20 %". */
  private static String percent(double share) {
    return java.math.BigDecimal.valueOf(share).movePointRight(2).stripTrailingZeros().toPlainString() + " %";
  }

  private static String cell(String text) {
    return text.replace("|", "\\|");
  }
}
