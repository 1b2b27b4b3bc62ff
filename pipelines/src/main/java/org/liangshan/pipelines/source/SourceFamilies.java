package org.liangshan.pipelines.source;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.liangshan.core.LiangshanException;
import org.liangshan.warehouse.Column;
import org.liangshan.warehouse.TableDef;

/**
 * Every tabular and vector source family, built from their one declaration, spec/landing-families.yaml
 * (see {@link LandingSpec}): headers, types, ranges, natural keys and the silver table each fills. The
 * order is the load order ({@code ingest --all}): reference data before the records that refer to it.
 * docs/landing-formats.md is generated from the same file ({@link LandingFormatsDoc}).
 */
public final class SourceFamilies {
  private SourceFamilies() {}

  /** A water-quality indicator: its silver code, valid range in the canonical unit, and that unit. */
  /**
   * A water-quality indicator: its silver code, valid range in the canonical unit, and that unit; the
   * detection limit (canonical unit) that stands in when a laboratory reports {@code ND} or {@code 未检出}
   * without one, and where that limit comes from.
   */
  public record Indicator(String code, String nameZh, String unit, double min, double max, Double detectionLimit,
      String detectionLimitSource) implements java.io.Serializable {
    public Indicator {
      if (code == null || code.isBlank() || nameZh == null || unit == null) {
        throw new IllegalArgumentException("an indicator needs a code, a name-zh and a unit");
      }
      if (min > max) {
        throw new IllegalArgumentException("min " + min + " is above max " + max);
      }
      if (detectionLimit != null && (detectionLimit <= 0 || detectionLimit > max)) {
        throw new IllegalArgumentException("indicator " + code + ": detection-limit " + detectionLimit + " is not in (0, max]");
      }
      if ((detectionLimit == null) != (detectionLimitSource == null)) {
        throw new IllegalArgumentException("indicator " + code + ": a detection-limit and its detection-limit-source go together");
      }
    }
  }

  /** A kind of id that references are checked against: the family whose silver table holds them, and the column. */
  public record ReferenceSource(String kind, String family, String silverTable, String column) {}

  private static final LandingSpec SPEC = LandingSpec.load();

  public static final List<Indicator> INDICATORS = SPEC.indicators();

  private static final List<SourceFamily> ALL = SPEC.families().stream().map(family -> build(SPEC, family)).toList();

  /** The declarations the families are built from. */
  public static LandingSpec spec() {
    return SPEC;
  }

  public static List<SourceFamily> all() {
    return ALL;
  }

  public static SourceFamily get(String name) {
    return ALL.stream()
        .filter(f -> f.name().equals(name))
        .findFirst()
        .orElseThrow(() -> LiangshanException.badInput(
            "Unknown source family '%s'. Known families: %s.", name, String.join(", ", names())));
  }

  public static List<String> names() {
    return ALL.stream().map(SourceFamily::name).toList();
  }

  /** The silver tables, one per name (both water-quality families fill the same table). */
  public static List<TableDef> silverTables() {
    Map<String, TableDef> tables = new LinkedHashMap<>();
    for (SourceFamily family : ALL) {
      tables.putIfAbsent(family.silver().name(), family.silver());
    }
    return List.copyOf(tables.values());
  }

  public static TableDef silver(String tableName) {
    return silverTables().stream().filter(t -> t.name().equals(tableName)).findFirst().orElseThrow();
  }

  /** Reference kinds ("section", "loan", ...) by name, from the families that declare a reference-name. */
  public static Map<String, ReferenceSource> referenceSources() {
    Map<String, ReferenceSource> sources = new LinkedHashMap<>();
    for (LandingSpec.Family family : SPEC.families()) {
      if (family.referenceName() != null) {
        sources.put(family.referenceName(), new ReferenceSource(
            family.referenceName(), family.name(), family.silver().table(), family.naturalKey().get(0)));
      }
    }
    return sources;
  }

  /** The family as the parsers and the load see it. */
  static SourceFamily build(LandingSpec spec, LandingSpec.Family declared) {
    SourceFamily.Builder builder = SourceFamily.builder(declared.name(), declared.folder(), declared.glob())
        .format(declared.isVector() ? SourceFamily.Format.GEOJSON : SourceFamily.Format.CSV)
        .silver(declared.silver().table(), declared.silver().comment())
        .requiredMeasures(declared.requiredMeasures());
    if (!declared.fileNameColumn().isEmpty()) {
      builder.fileNameColumn(declared.fileNameColumn());
    }
    for (LandingSpec.Field field : declared.fields()) {
      builder.field(fieldSpec(spec, declared, field));
      if (field.references() != null) {
        builder.references(field.column(), spec.family(field.references()).referenceName());
      }
    }
    declared.checks().forEach(builder::check);
    if (declared.term() != null) {
      builder.term(declared.term());
    }
    if (declared.quotedIn() != null) {
      builder.quotedIn(declared.quotedIn());
    }
    if (declared.mapper() != null) {
      SourceFamily draft = builder.build();
      List<Column> columns = declared.columns().stream()
          .map(c -> new Column(c.name(), FieldSpec.sparkType(c.fieldType()), !c.required(), c.description()))
          .toList();
      builder.mapper(columns, CustomMappers.create(declared.mapper(), draft, spec));
    }
    // The key names silver columns, which a mapper's draft (built from the fields alone) may not have.
    return builder.naturalKey(declared.naturalKey().toArray(String[]::new)).build();
  }

  private static FieldSpec fieldSpec(LandingSpec spec, LandingSpec.Family family, LandingSpec.Field field) {
    List<String> headers = new java.util.ArrayList<>();
    headers.add(field.header());
    headers.addAll(field.aliases());
    double min = field.min() == null ? Double.NEGATIVE_INFINITY : field.min();
    double max = field.max() == null ? Double.POSITIVE_INFINITY : field.max();
    String description = field.description();
    if (field.indicator() != null) {
      Indicator indicator = spec.indicator(field.indicator());
      min = indicator.min();
      max = indicator.max();
      description = indicator.nameZh() + " " + indicator.unit();
    }
    return new FieldSpec(field.column(), headers, field.fieldType(), field.required(), min, max, field.codeLookup(), description,
        family.numbers(), field.censorable(), field.future());
  }
}
