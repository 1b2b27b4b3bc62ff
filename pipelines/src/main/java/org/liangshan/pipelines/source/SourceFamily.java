package org.liangshan.pipelines.source;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.DataTypes;
import org.liangshan.pipelines.source.Rejection.Reason;
import org.liangshan.warehouse.Column;
import org.liangshan.warehouse.Layer;
import org.liangshan.warehouse.TableDef;

/**
 * A source family: where its files land, which fields they carry, how a record becomes silver rows, the
 * silver table it fills and the natural key that de-duplicates it. Families are declared in
 * spec/landing-families.yaml and built by {@link SourceFamilies}; docs/landing-formats.md is generated from
 * the same declarations.
 */
public record SourceFamily(
    String name,
    String folder,
    String glob,
    List<FieldSpec> fields,
    List<Column> outputColumns,
    RecordMapper mapper,
    TableDef silver,
    Map<String, String> references,
    String fileNameColumn,
    Format format,
    List<String> requiredMeasures) implements java.io.Serializable {

  /** How a family's files are read. */
  public enum Format {
    /** Delimited text: see CsvFile. */
    CSV,
    /** A vector layer, GeoJSON FeatureCollection or Shapefile (.shp, folder or .zip): one record per feature. */
    GEOJSON
  }

  /** The lineage columns every silver row carries after its own columns. */
  public static final List<Column> LINEAGE =
      List.of(
          Column.required("source_file", DataTypes.StringType, "landing file, relative to the landing root"),
          Column.required("source_line", DataTypes.LongType, "line number in the file (1 = header)"),
          Column.required("record_hash", DataTypes.StringType, "SHA-256 of the record as received"),
          Column.required("ingest_run_id", DataTypes.StringType, "run that loaded the record"));

  public SourceFamily {
    requireNonNull(name, "name is null");
    requireNonNull(folder, "folder is null");
    requireNonNull(glob, "glob is null");
    fields = List.copyOf(fields);
    outputColumns = List.copyOf(outputColumns);
    requireNonNull(mapper, "mapper is null");
    requireNonNull(silver, "silver is null");
    references = Map.copyOf(references);
    requireNonNull(fileNameColumn, "fileNameColumn is null");
    requireNonNull(format, "format is null");
    requiredMeasures = List.copyOf(requiredMeasures);
  }

  /** Whether a column's value comes from the file name (the part before the last '_'), as for flux towers. */
  public boolean hasFileNameColumn() {
    return !fileNameColumn.isEmpty();
  }

  public FieldSpec field(String column) {
    return fields.stream().filter(f -> f.column().equals(column)).findFirst().orElseThrow();
  }

  /** The CHECK constraint every silver table with a double column carries: no NaN, no infinity. */
  public static final String FINITE_MEASURES = "finite_measures";

  /**
   * The CHECK expression keeping NaN and ±infinity out of every double column, or null when there is none.
   * Both are explicit: Spark orders NaN above every number, so a range check alone lets it through.
   */
  static String finiteMeasures(List<Column> columns) {
    List<String> terms = columns.stream()
        .filter(c -> c.type().equals(DataTypes.DoubleType))
        .map(c -> "(" + c.name() + " IS NULL OR (NOT isnan(" + c.name() + ") AND abs(" + c.name() + ") <= 1.7976931348623157E308))")
        .toList();
    return terms.isEmpty() ? null : String.join(" AND ", terms);
  }

  /** Declares a family whose records map one-to-one onto typed fields. */
  public static Builder builder(String name, String folder, String glob) {
    return new Builder(name, folder, glob);
  }

  /** Builds a family and the silver table it fills. */
  public static final class Builder {
    private final String name;
    private final String folder;
    private final String glob;
    private final List<FieldSpec> fields = new ArrayList<>();
    private final Map<String, String> references = new LinkedHashMap<>();
    private final Map<String, String> checks = new LinkedHashMap<>();
    private List<Column> outputColumns;
    private RecordMapper mapper;
    private String silverName;
    private String comment = "";
    private List<String> naturalKey = List.of();
    private List<String> partitionBy = List.of("region");
    private String fileNameColumn = "";
    private Format format = Format.CSV;
    private List<String> requiredMeasures = List.of();
    private LandingSpec.Term term;
    private LandingSpec.QuotedIn quotedIn;

    private Builder(String name, String folder, String glob) {
      this.name = name;
      this.folder = folder;
      this.glob = glob;
      this.silverName = name.replace('-', '_');
    }

    public Builder field(FieldSpec field) {
      fields.add(field);
      return this;
    }

    /** A required field: column, type, headers (Chinese first), description. */
    public Builder required(String column, FieldType type, String header, String description) {
      return field(new FieldSpec(column, List.of(header, column), type, true, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Map.of(), description));
    }

    public Builder optional(String column, FieldType type, String header, String description) {
      return field(new FieldSpec(column, List.of(header, column), type, false, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Map.of(), description));
    }

    /** A numeric field with a valid range; {@code required} says whether it may be empty. */
    public Builder number(String column, boolean required, String header, double min, double max, String description) {
      return field(new FieldSpec(column, List.of(header, column), FieldType.DOUBLE, required, min, max, Map.of(), description));
    }

    public Builder money(String column, boolean required, String header, String description) {
      return field(new FieldSpec(column, List.of(header, column), FieldType.DECIMAL, required, 0, Double.POSITIVE_INFINITY, Map.of(), description));
    }

    /** A coded field; {@code codes} alternates accepted spelling and canonical code. */
    public Builder code(String column, boolean required, String header, String description, String... codes) {
      Map<String, String> map = new LinkedHashMap<>();
      for (int i = 0; i < codes.length; i += 2) {
        map.put(codes[i].toLowerCase(java.util.Locale.ROOT), codes[i + 1]);
        map.put(codes[i + 1].toLowerCase(java.util.Locale.ROOT), codes[i + 1]);
      }
      return field(new FieldSpec(column, List.of(header, column), FieldType.CODE, required, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, map, description));
    }

    /** The value of {@code column} must be a known id of {@code reference} (e.g. "section"). */
    public Builder references(String column, String reference) {
      references.put(column, reference);
      return this;
    }

    /** The value of {@code column} is the file name's part before the last '_' (e.g. a tower id). */
    public Builder fileNameColumn(String column) {
      this.fileNameColumn = column;
      return this;
    }

    public Builder format(Format fileFormat) {
      this.format = fileFormat;
      return this;
    }

    /** The record-level term check ({@link TermCheck}) of a family whose records carry a term. */
    public Builder term(LandingSpec.Term declared) {
      this.term = declared;
      return this;
    }

    /** The record-level unit default and check ({@link QuoteUnitCheck}) of a family of traded rights. */
    public Builder quotedIn(LandingSpec.QuotedIn declared) {
      this.quotedIn = declared;
      return this;
    }

    /** Fields of which a file must carry at least one value (empty: no such check). */
    public Builder requiredMeasures(List<String> columns) {
      this.requiredMeasures = List.copyOf(columns);
      return this;
    }

    public Builder silver(String tableName, String tableComment) {
      this.silverName = tableName;
      this.comment = tableComment;
      return this;
    }

    public Builder naturalKey(String... columns) {
      this.naturalKey = List.of(columns);
      return this;
    }

    public Builder check(String constraint, String expression) {
      checks.put(constraint, expression);
      return this;
    }

    /** A custom mapping producing rows of {@code columns} (e.g. unpivoting a wide file). */
    public Builder mapper(List<Column> columns, RecordMapper customMapper) {
      this.outputColumns = columns;
      this.mapper = customMapper;
      return this;
    }

    public SourceFamily build() {
      List<Column> columns = outputColumns;
      RecordMapper recordMapper = mapper;
      if (columns == null) {
        List<FieldSpec> specs = List.copyOf(fields);
        columns = specs.stream().map(f -> new Column(f.column(), f.sparkType(), !f.required(), f.description())).toList();
        Map<String, String> refs = Map.copyOf(references);
        TermCheck termCheck = term == null ? null : new TermCheck(term, specs);
        QuoteUnitCheck quoteUnitCheck = quotedIn == null ? null : new QuoteUnitCheck(quotedIn, specs);
        recordMapper = (raw, context) -> {
          Object[] row = new Object[specs.size()];
          for (int i = 0; i < specs.size(); i++) {
            FieldSpec spec = specs.get(i);
            row[i] = spec.parse(raw.get(spec.column()), context.now());
            String reference = refs.get(spec.column());
            if (reference != null && row[i] != null && !context.known(reference).isEmpty()
                && !context.known(reference).contains(row[i].toString())) {
              throw new Rejection(Reason.UNKNOWN_REFERENCE, spec.column(),
                  "'" + row[i] + "' in '" + spec.headers().get(0) + "' is not a known " + reference);
            }
          }
          if (termCheck != null) {
            termCheck.check(row);
          }
          if (quoteUnitCheck != null) {
            quoteUnitCheck.apply(row);
          }
          return List.<Object[]>of(row);
        };
      }
      TableDef.Builder table = TableDef.builder(Layer.SILVER, silverName, comment.isEmpty() ? "Silver " + name : comment);
      table.string("region", "region id");
      for (Column column : columns) {
        if (column.nullable()) {
          table.optional(column.name(), column.type(), column.comment());
        } else {
          table.required(column.name(), column.type(), column.comment());
        }
      }
      for (Column column : LINEAGE) {
        table.required(column.name(), column.type(), column.comment());
      }
      checks.forEach(table::check);
      String finite = finiteMeasures(columns);
      if (finite != null) {
        table.check(FINITE_MEASURES, finite);
      }
      List<String> key = new ArrayList<>();
      key.add("region");
      key.addAll(naturalKey);
      table.naturalKey(key.toArray(String[]::new));
      table.partitionBy(partitionBy.toArray(String[]::new));
      return new SourceFamily(name, folder, glob, fields, columns, recordMapper, table.build(), references, fileNameColumn, format,
          requiredMeasures);
    }
  }
}
