package org.liangshan.pipelines.source;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.spec.SpecYaml;
import org.liangshan.pipelines.source.SourceFamilies.Indicator;

/**
 * The landing families as declared in {@code spec/landing-families.yaml}: what a reviewer reads, checked
 * when it is loaded. Each record validates itself in its compact constructor; checks that span families
 * (references, indicators) are made by the spec as a whole. A bad spec fails at load with the file, the
 * family and the field in the message, never later in a load.
 */
public record LandingSpec(List<Indicator> indicators, List<RasterProduct> rasters, List<Family> families, Policy policy) {
  /** The spec every family is built from, on the classpath. */
  public static final String RESOURCE = "spec/landing-families.yaml";

  private static final Pattern COLUMN = Pattern.compile("[a-z][a-z0-9_]*");

  public LandingSpec {
    indicators = List.copyOf(requireNonNull(indicators, "indicators is null"));
    rasters = List.copyOf(requireNonNull(rasters, "rasters is null"));
    families = List.copyOf(requireNonNull(families, "families is null"));
    if (policy == null) {
      throw new IllegalArgumentException("policy is missing: declare max-withdrawn-share and the size limits once");
    }
    Map<String, Family> byName = new LinkedHashMap<>();
    for (Family family : families) {
      if (byName.put(family.name(), family) != null) {
        throw new IllegalArgumentException("family '" + family.name() + "' is declared twice");
      }
    }
    Set<String> indicatorCodes = indicators.stream().map(Indicator::code).collect(Collectors.toSet());
    for (Family family : families) {
      for (Field field : family.fields()) {
        String where = "family '" + family.name() + "': field '" + field.column() + "': ";
        if (field.references() != null) {
          Family target = byName.get(field.references());
          if (target == null) {
            throw new IllegalArgumentException(where + "references unknown family '" + field.references() + "'");
          }
          if (target.referenceName() == null) {
            throw new IllegalArgumentException(
                where + "references family '" + target.name() + "', which declares no reference-name for its ids");
          }
        }
        if (field.indicator() != null && !indicatorCodes.contains(field.indicator())) {
          throw new IllegalArgumentException(where + "unknown indicator '" + field.indicator() + "'; expected one of "
              + String.join(", ", indicators.stream().map(Indicator::code).toList()));
        }
      }
    }
  }

  public Family family(String name) {
    return families.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
  }

  /** The share of a file's silver rows a redelivery may withdraw without confirmation: the family's, or the policy's. */
  public double maxWithdrawnShare(String family) {
    Double own = family(family).maxWithdrawnShare();
    return own != null ? own : policy.maxWithdrawnShare();
  }

  public Indicator indicator(String code) {
    return indicators.stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
  }

  /** The unit of each raster product's band, by product. */
  public Map<String, String> rasterUnits() {
    Map<String, String> units = new LinkedHashMap<>();
    rasters.forEach(r -> units.put(r.product(), r.bandUnit()));
    return units;
  }

  /**
   * What ingestion allows, declared once: the share of a file's silver rows a redelivery may withdraw
   * before it is held for confirmation, and the size bounds of a delivery (zip entries, their total
   * uncompressed size and compression ratio, a GeoJSON file's size). {@code source} says where the values
   * come from and {@code illustrative} whether they are a documented standard or the project's choice.
   */
  public record Policy(
      Double maxWithdrawnShare,
      Integer zipMaxEntries,
      Long zipMaxUncompressedBytes,
      Integer zipMaxRatio,
      Long geojsonMaxBytes,
      String source,
      Boolean illustrative) implements java.io.Serializable {
    public Policy {
      requireShare(maxWithdrawnShare, "max-withdrawn-share");
      requirePositive(zipMaxEntries, "zip-max-entries");
      requirePositive(zipMaxUncompressedBytes, "zip-max-uncompressed-bytes");
      requirePositive(zipMaxRatio, "zip-max-ratio");
      requirePositive(geojsonMaxBytes, "geojson-max-bytes");
      requireText(source, "source");
      if (illustrative == null) {
        throw new IllegalArgumentException("illustrative is missing");
      }
    }
  }

  private static void requireShare(Double share, String what) {
    if (share == null) {
      throw new IllegalArgumentException(what + " is missing");
    }
    if (!(share > 0 && share <= 1)) {
      throw new IllegalArgumentException(what + " " + share + " is not a share in (0, 1]");
    }
  }

  private static void requirePositive(Number value, String what) {
    if (value == null) {
      throw new IllegalArgumentException(what + " is missing");
    }
    if (value.longValue() <= 0) {
      throw new IllegalArgumentException(what + " " + value + " is not positive");
    }
  }

  /** A remote-sensing product: its folder under rasters/, how often a scene comes, its band's unit and values. */
  public record RasterProduct(String product, String period, String bandUnit, String values) {
    public RasterProduct {
      requireText(product, "product");
      if (!List.of("monthly", "annual", "static").contains(period)) {
        throw new IllegalArgumentException("product '" + product + "': period '" + period + "'; expected monthly, annual or static");
      }
      requireText(bandUnit, "product '" + product + "': band-unit");
      requireText(values, "product '" + product + "': values");
    }
  }

  /** One source family: where its files land, their fields, and the silver table they fill. */
  public record Family(
      String name,
      String docSection,
      String docFile,
      String folder,
      String glob,
      String format,
      String fileNameColumn,
      String referenceName,
      Silver silver,
      List<String> naturalKey,
      Map<String, String> checks,
      String mapper,
      Cadence dataQuality,
      String intro,
      String notes,
      List<Field> fields,
      List<OutputColumn> columns,
      List<String> requiredMeasures,
      Double maxWithdrawnShare,
      String decimalMark,
      String thousandsSeparator,
      String censoredSubstitution,
      Term term,
      QuotedIn quotedIn) {

    public Family {
      requireText(name, "name");
      requireText(docSection, "doc-section");
      requireText(folder, "folder");
      requireText(glob, "glob");
      requireText(docFile, "doc-file");
      if (!docFile.startsWith(folder + "/")) {
        throw new IllegalArgumentException("doc-file '" + docFile + "' is not in the folder '" + folder + "/'");
      }
      format = format == null ? "csv" : format;
      if (!format.equals("csv") && !format.equals("geojson")) {
        throw new IllegalArgumentException("unknown format '" + format + "'; expected csv or geojson");
      }
      fileNameColumn = fileNameColumn == null ? "" : fileNameColumn;
      NumberConvention.of(decimalMark, thousandsSeparator);
      Censored.Substitution.of(censoredSubstitution);
      requireNonNull(silver, "silver is null");
      naturalKey = List.copyOf(requireNonNull(naturalKey, "natural-key is missing"));
      checks = checks == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(checks));
      fields = List.copyOf(requireNonNull(fields, "fields are missing"));
      List<Field> declaredFields = fields;
      columns = columns == null ? List.of() : columns.stream().map(c -> c.resolve(declaredFields)).toList();
      Set<String> fieldColumns = new HashSet<>();
      for (Field field : fields) {
        if (!fieldColumns.add(field.column())) {
          throw new IllegalArgumentException("field '" + field.column() + "' is declared twice");
        }
      }
      if ((mapper == null) != columns.isEmpty()) {
        throw new IllegalArgumentException("a mapper and its silver columns go together (mapper: " + mapper + ", "
            + columns.size() + " columns)");
      }
      List<String> silverColumns = mapper == null
          ? fields.stream().map(Field::column).toList()
          : columns.stream().map(OutputColumn::name).toList();
      if (naturalKey.isEmpty()) {
        throw new IllegalArgumentException("natural-key is empty");
      }
      for (String column : naturalKey) {
        if (!silverColumns.contains(column)) {
          throw new IllegalArgumentException("natural key names no field '" + column + "'; the silver columns are "
              + String.join(", ", silverColumns));
        }
      }
      if (referenceName != null && naturalKey.size() != 1) {
        throw new IllegalArgumentException("reference-name '" + referenceName + "' needs a one-column natural key, not " + naturalKey);
      }
      if (!fileNameColumn.isEmpty() && !fieldColumns.contains(fileNameColumn)) {
        throw new IllegalArgumentException("file-name-column names no field '" + fileNameColumn + "'");
      }
      requiredMeasures = List.copyOf(requireNonNull(requiredMeasures, "required-measures is missing"));
      if (requiredMeasures.isEmpty()) {
        throw new IllegalArgumentException("required-measures is empty: name the fields a file must carry at least one value of");
      }
      for (String measure : requiredMeasures) {
        if (!fieldColumns.contains(measure)) {
          throw new IllegalArgumentException("required-measures names no field '" + measure + "'");
        }
      }
      if (maxWithdrawnShare != null) {
        requireShare(maxWithdrawnShare, "max-withdrawn-share");
      }
      if (term != null) {
        for (String column : term.columns()) {
          if (!fieldColumns.contains(column)) {
            throw new IllegalArgumentException("term names no field '" + column + "'");
          }
        }
      }
      if (quotedIn != null) {
        for (String column : List.of(quotedIn.unit(), quotedIn.rightType())) {
          if (!fieldColumns.contains(column)) {
            throw new IllegalArgumentException("quoted-in names no field '" + column + "'");
          }
        }
        Field unitField = fields.stream().filter(f -> f.column().equals(quotedIn.unit())).findFirst().orElseThrow();
        if (unitField.fieldType() != FieldType.UNIT) {
          throw new IllegalArgumentException("quoted-in unit '" + quotedIn.unit() + "' is a " + unitField.type()
              + " field; it must be of type unit");
        }
      }
      if (dataQuality != null) {
        if (dataQuality.stationColumn() != null && !fieldColumns.contains(dataQuality.stationColumn())) {
          throw new IllegalArgumentException("data-quality station-column names no field '" + dataQuality.stationColumn() + "'");
        }
        if (!fieldColumns.contains(dataQuality.timeColumn())) {
          throw new IllegalArgumentException("data-quality time-column names no field '" + dataQuality.timeColumn() + "'");
        }
      }
    }

    public boolean isVector() {
      return format.equals("geojson");
    }

    /** How the family's files write numbers: decimal-mark (default '.') and thousands-separator (default none). */
    public NumberConvention numbers() {
      return NumberConvention.of(decimalMark, thousandsSeparator);
    }

    /** What stands in for a value below the detection limit in a mean: censored-substitution, default dl/2. */
    public Censored.Substitution substitution() {
      return Censored.Substitution.of(censoredSubstitution);
    }
  }

  /**
   * The term of a right or of what an auction sells: the first and last day it is valid ({@code from},
   * {@code until}, both dates) and, for rights, whether it is a flow right (so much a year, for the years of
   * its term) or a stock ({@code kind}, a code field with the codes {@code flow} and {@code stock}). Checked per
   * record by {@link TermCheck}.
   */
  public record Term(String from, String until, String kind) {
    public Term {
      requireText(from, "term from");
      requireText(until, "term until");
    }

    List<String> columns() {
      return kind == null ? List.of(from, until) : List.of(from, until, kind);
    }
  }

  /**
   * The unit a record of a traded right is quoted in: the {@code unit} field (of type unit) when stated, else the
   * quote unit of the record's {@code right-type} (core's {@code QuoteUnits}); a stated unit that does not convert
   * to it is quarantined. Checked and filled per record by {@link QuoteUnitCheck}.
   */
  public record QuotedIn(String unit, String rightType) {
    public QuotedIn {
      requireText(unit, "quoted-in unit");
      requireText(rightType, "quoted-in right-type");
    }
  }

  /** The silver table a family fills. */
  public record Silver(String table, String comment) {
    public Silver {
      requireText(table, "silver table");
      requireText(comment, "silver comment");
    }
  }

  /**
   * One field of a landing file. {@code codes} maps each code to the spellings agencies write (Chinese
   * first); the code itself is always accepted too.
   */
  public record Field(
      String column,
      String header,
      List<String> aliases,
      String type,
      boolean required,
      Double min,
      Double max,
      String unit,
      String indicator,
      Map<String, List<String>> codes,
      String references,
      String description,
      String note,
      boolean censorable,
      boolean future) {

    public Field {
      requireText(column, "column");
      if (!COLUMN.matcher(column).matches()) {
        throw new IllegalArgumentException("field '" + column + "': the column is not snake_case");
      }
      String where = "field '" + column + "': ";
      requireText(header, where + "header");
      aliases = aliases == null ? List.of(column) : List.copyOf(aliases);
      fieldType(column, type);
      codes = codes == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(codes));
      if (type.equals("code") == codes.isEmpty()) {
        throw new IllegalArgumentException(where + (codes.isEmpty() ? "a code field needs codes" : "codes on a " + type + " field"));
      }
      if (min != null && max != null && min > max) {
        throw new IllegalArgumentException(where + "min " + min + " is above max " + max);
      }
      if (censorable && !type.equals("double") && !type.equals("text")) {
        throw new IllegalArgumentException(where + "censorable on a " + type + " field; only a measured value (double, or text"
            + " read by a mapper) can be below a detection limit");
      }
      if (future && !type.equals("date") && !type.equals("month") && !type.equals("timestamp")) {
        throw new IllegalArgumentException(where + "future on a " + type + " field; only dates and times can lie after the load");
      }
      if (indicator == null) {
        requireText(description, where + "description");
      } else if (description != null || min != null || max != null) {
        throw new IllegalArgumentException(where + "an indicator field takes its range and description from the indicator");
      }
    }

    /** The field's type, checked in the constructor. */
    public FieldType fieldType() {
      return fieldType(column, type);
    }

    private static FieldType fieldType(String column, String type) {
      String expected = "; expected one of " + Arrays.stream(FieldType.values())
          .map(t -> t.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
      if (type == null) {
        throw new IllegalArgumentException("field '" + column + "': type is missing" + expected);
      }
      try {
        FieldType fieldType = FieldType.valueOf(type.toUpperCase(Locale.ROOT));
        if (!fieldType.name().toLowerCase(Locale.ROOT).equals(type)) {
          throw new IllegalArgumentException(type);
        }
        return fieldType;
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("field '" + column + "': unknown type '" + type + "'" + expected, e);
      }
    }

    /** Lower-cased spelling to code, in declaration order (the order rejection messages list them in). */
    public Map<String, String> codeLookup() {
      Map<String, String> lookup = new LinkedHashMap<>();
      codes.forEach((code, spellings) -> {
        if (spellings.isEmpty()) {
          lookup.put(code.toLowerCase(Locale.ROOT), code);
        }
        for (String spelling : spellings) {
          lookup.put(spelling.toLowerCase(Locale.ROOT), code);
          lookup.put(code.toLowerCase(Locale.ROOT), code);
        }
      });
      return lookup;
    }
  }

  /**
   * A silver column of a family whose mapper is not one row per record: declared in full, or as
   * {@code {field: x}} for a column that is field x as parsed (its name, type, optionality and description).
   */
  public record OutputColumn(String name, String type, boolean required, String description, String field) {
    public OutputColumn {
      if (field != null) {
        if (name != null || type != null || description != null) {
          throw new IllegalArgumentException("column of field '" + field + "': takes its name, type and description from the field");
        }
      } else {
        requireText(name, "column name");
        Field.fieldType(name, type);
        requireText(description, "column '" + name + "': description");
      }
    }

    /** This column with a {@code field} reference replaced by what the field declares. */
    OutputColumn resolve(List<Field> fields) {
      if (field == null) {
        return this;
      }
      Field declared = fields.stream().filter(f -> f.column().equals(field)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("silver column names no field '" + field + "'"));
      return new OutputColumn(declared.column(), declared.type(), declared.required(), declared.description(), null);
    }

    public FieldType fieldType() {
      return Field.fieldType(name, type);
    }
  }

  /**
   * The cadence of a time series for the data-quality report: the station column (null: from the file
   * name), the time column, observations per day (0: deliveries only), how file names give station and
   * year, and the days after a year's end by which its file is due.
   */
  public record Cadence(String stationColumn, String timeColumn, Integer perDay, String fileName, Integer dueDays) {
    public Cadence {
      requireText(timeColumn, "data-quality time-column");
      requireText(fileName, "data-quality file-name");
      requireNonNull(perDay, "data-quality per-day is missing");
      requireNonNull(dueDays, "data-quality due-days is missing");
      if (perDay < 0) {
        throw new IllegalArgumentException("data-quality per-day is negative: " + perDay);
      }
      if (!fileName.equals("station-year") && !fileName.equals("year")) {
        throw new IllegalArgumentException("data-quality file-name '" + fileName + "'; expected station-year or year");
      }
      if (dueDays < 0) {
        throw new IllegalArgumentException("data-quality due-days is negative: " + dueDays);
      }
    }

    /** Whether a file is per station and year ({@code <station>_<yyyy>.csv}) rather than per year. */
    public boolean perStation() {
      return fileName.equals("station-year");
    }
  }

  private static void requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " is missing");
    }
  }

  private static final ObjectMapper YAML = SpecYaml.strict().build();

  /** Loads the spec on the classpath. */
  public static LandingSpec load() {
    return parse(RESOURCE, SpecYaml.resource(LandingSpec.class, RESOURCE));
  }

  /**
   * Parses a spec; {@code file} names it in error messages.
   *
   * @throws LiangshanException naming the file, family and field at fault
   */
  public static LandingSpec parse(String file, String yaml) {
    JsonNode root = SpecYaml.tree(YAML, file, yaml);
    List<Indicator> indicators = new ArrayList<>();
    for (JsonNode node : root.path("indicators")) {
      indicators.add(read(file, "indicator '" + node.path("code").asText() + "'", node, Indicator.class));
    }
    List<RasterProduct> rasters = new ArrayList<>();
    for (JsonNode node : root.path("rasters")) {
      rasters.add(read(file, "raster product '" + node.path("product").asText() + "'", node, RasterProduct.class));
    }
    List<Family> families = new ArrayList<>();
    for (JsonNode node : root.path("families")) {
      families.add(read(file, "family '" + node.path("name").asText("?") + "'", node, Family.class));
    }
    Policy policy = root.hasNonNull("policy") ? read(file, "policy", root.get("policy"), Policy.class) : null;
    try {
      return new LandingSpec(indicators, rasters, families, policy);
    } catch (IllegalArgumentException e) {
      throw LiangshanException.failure(e, "%s: %s", file, e.getMessage());
    }
  }

  private static <T> T read(String file, String what, JsonNode node, Class<T> type) {
    return SpecYaml.bind(YAML, file, what, node, type);
  }
}
