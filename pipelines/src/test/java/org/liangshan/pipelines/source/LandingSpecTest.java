package org.liangshan.pipelines.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.liangshan.pipelines.source.FieldType.DATE;
import static org.liangshan.pipelines.source.FieldType.DOUBLE;
import static org.liangshan.pipelines.source.FieldType.LONG;
import static org.liangshan.pipelines.source.FieldType.TEXT;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.liangshan.core.LiangshanException;
import org.liangshan.pipelines.ingest.DataQuality;
import org.liangshan.pipelines.source.SourceFamilies.ReferenceSource;
import org.liangshan.warehouse.Column;

/**
 * The families built from spec/landing-families.yaml against what the Java builder declared before the spec
 * existed (the expected values below are those declarations), and a bad spec failing at load.
 */
class LandingSpecTest {
  private static final double NO_MIN = Double.NEGATIVE_INFINITY;
  private static final double NO_MAX = Double.POSITIVE_INFINITY;

  @Test
  void hydrologyHasTheFieldsRangesKeyAndReferenceTheJavaDeclared() {
    SourceFamily hydrology = SourceFamilies.get("hydrology");
    assertThat(hydrology.folder()).isEqualTo("hydrology");
    assertThat(hydrology.glob()).isEqualTo("*.csv");
    assertThat(hydrology.fields()).containsExactly(
        field("section_id", "断面编码", TEXT, true, NO_MIN, NO_MAX, "section"),
        field("date", "日期", DATE, true, NO_MIN, NO_MAX, "day"),
        field("flow_m3_s", "流量(m³/s)", DOUBLE, false, 0, 100000, "daily mean flow, m³/s"),
        field("level_m", "水位(m)", DOUBLE, false, -10, 2000, "water level, m"));
    assertThat(hydrology.references()).isEqualTo(Map.of("section_id", "section"));
    assertThat(hydrology.silver().name()).isEqualTo("hydrology");
    assertThat(hydrology.silver().comment()).isEqualTo("Daily flow and level at sections");
    assertThat(hydrology.silver().naturalKey()).containsExactly("region", "section_id", "date");
  }

  @Test
  void codesKeepTheirSpellingsInDeclarationOrder() {
    FieldSpec pollutant = SourceFamilies.get("protection-costs").field("pollutant");
    // The order rejection messages list them in: each pair (spelling, code) as the builder received them.
    assertThat(new ArrayList<>(pollutant.codes().keySet())).containsExactly("cod", "nh3-n", "氨氮", "tp", "总磷", "tn", "总氮");
    assertThat(pollutant.codes()).containsEntry("氨氮", "NH3-N").containsEntry("nh3-n", "NH3-N").containsEntry("总磷", "TP");
    FieldSpec rating = SourceFamilies.get("loans").field("green_rating");
    assertThat(new ArrayList<>(rating.codes().keySet())).containsExactly("a", "b", "c", "none", "无");
    assertThat(rating.required()).isFalse();
  }

  @Test
  void indicatorFieldsTakeRangeAndDescriptionFromTheIndicator() {
    SourceFamily auto = SourceFamilies.get("water-quality-auto");
    assertThat(auto.field("tp_mg_l")).isEqualTo(new FieldSpec("tp_mg_l", List.of("总磷(mg/L)", "tp_mg_l"), DOUBLE, false, 0, 20,
        Map.of(), "总磷 mg/L", NumberConvention.DEFAULT, true, false));
    assertThat(auto.field("water_temp_c")).isEqualTo(field("water_temp_c", "水温(℃)", DOUBLE, false, -5, 40, "水温 ℃"));
    assertThat(auto.outputColumns().stream().map(c -> c.name()).toList())
        .containsExactly("section_id", "observed_at", "method", "indicator", "value", "unit", "censored", "detection_limit", "reported");
    assertThat(auto.silver().naturalKey()).containsExactly("region", "section_id", "observed_at", "method", "indicator");
    assertThat(SourceFamilies.INDICATORS).hasSize(8).first()
        .isEqualTo(new SourceFamilies.Indicator("cod", "化学需氧量", "mg/L", 0, 1000, 10.0, "GB 3838-2002 表4: 重铬酸盐法 GB 11914-89"));
  }

  @Test
  void longsChecksAndFileNameColumnsAsDeclared() {
    assertThat(SourceFamilies.get("auctions").field("tie_seed"))
        .isEqualTo(field("tie_seed", "随机种子", LONG, true, 0, Long.MAX_VALUE, "seed for the tie order"));
    assertThat(SourceFamilies.get("trades").silver().checks()).isEqualTo(Map.of("quantity_positive", "quantity > 0",
        // Every silver table with a double column: no NaN, no infinity (Spark orders NaN above every number).
        "finite_measures", "(quantity IS NULL OR (NOT isnan(quantity) AND abs(quantity) <= 1.7976931348623157E308))"
            + " AND (price_yuan IS NULL OR (NOT isnan(price_yuan) AND abs(price_yuan) <= 1.7976931348623157E308))"));
    assertThat(SourceFamilies.silverTables()).allSatisfy(table -> assertThat(table.checks().containsKey("finite_measures"))
        .as(table.name()).isEqualTo(table.schema().toList().exists(f -> f.dataType().equals(DataTypes.DoubleType))));
    assertThat(SourceFamilies.get("loans").field("matures_on").type()).isEqualTo(DATE);
    assertThat(SourceFamilies.get("loans").field("matures_on").futureAllowed()).isTrue();
    assertThat(SourceFamilies.get("rights-issued").field("valid_until").type()).isEqualTo(DATE);
    SourceFamily flux = SourceFamilies.get("flux");
    assertThat(flux.fileNameColumn()).isEqualTo("tower_id");
    assertThat(flux.field("nee_qc")).isEqualTo(new FieldSpec("nee_qc", List.of("NEE_QC", "NEE_VUT_REF_QC", "nee_qc"), DOUBLE, false, 0, 3,
        Map.of(), "NEE quality flag"));
    // {field: nee_qc} in the spec: the silver column is the field as parsed.
    // NEE's column is required in a file, its value may be missing (-9999): the silver column is nullable.
    assertThat(flux.outputColumns()).hasSize(11).startsWith(
        Column.required("tower_id", DataTypes.StringType, "tower"),
        Column.required("ts_start", DataTypes.TimestampType, "start of the half hour (UTC)"),
        Column.optional("nee_umol_m2_s", DataTypes.DoubleType, "net ecosystem exchange, µmol CO₂ m⁻² s⁻¹"),
        Column.optional("nee_qc", DataTypes.DoubleType, "NEE quality flag"));
    assertThat(SourceFamilies.get("vectors").format()).isEqualTo(SourceFamily.Format.GEOJSON);
    assertThat(SourceFamilies.get("vectors").field("feature_id").headers()).containsExactly("code", "zone_id", "id", "编码");
  }

  @Test
  void referenceKindsAndCadencesAreThoseIngestionAndDataQualityDeclaredBefore() {
    assertThat(SourceFamilies.referenceSources()).containsExactly(
        Map.entry("section", new ReferenceSource("section", "sections", "sections", "section_id")),
        Map.entry("tower", new ReferenceSource("tower", "flux-towers", "flux_towers", "tower_id")),
        Map.entry("enterprise", new ReferenceSource("enterprise", "enterprises", "enterprises", "uscc")),
        Map.entry("auction", new ReferenceSource("auction", "auctions", "auctions", "auction_id")),
        Map.entry("bank", new ReferenceSource("bank", "banks", "banks", "bank_id")),
        Map.entry("loan", new ReferenceSource("loan", "loans", "loans", "loan_id")));
    assertThat(DataQuality.RULES.stream()
        .map(r -> String.join(" ", r.family(), r.stationColumn(), r.timeColumn(), Integer.toString(r.perDay()),
            r.fileName().pattern(), Integer.toString(r.dueDays())))
        .toList())
        .containsExactly(
            "water-quality-auto section_id observed_at 6 (?:.*/)?(?<station>[^/]+)_(?<year>\\d{4})\\.csv 30",
            "water-quality-manual section_id sampled_on 0 (?:.*/)?(?<year>\\d{4})\\.csv 30",
            "hydrology section_id date 1 (?:.*/)?(?<year>\\d{4})\\.csv 30",
            "flux  timestamp_start 48 (?:.*/)?(?<station>[^/]+)_(?<year>\\d{4})\\.csv 30",
            "meteo station_id date 1 (?:.*/)?(?<year>\\d{4})\\.csv 30");
  }

  @Test
  void everyFamilySerializesAsSparkShipsItsMapperToTasks() throws IOException {
    for (SourceFamily family : SourceFamilies.all()) {
      try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
        out.writeObject(family);
      } catch (NotSerializableException e) {
        throw new AssertionError(family.name() + " does not serialize: " + e.getMessage(), e);
      }
    }
  }

  @Test
  void aValidSpecLoads() {
    LandingSpec spec = LandingSpec.parse("test.yaml", spec(HYDROLOGY_FIELDS, "[section_id, date]"));
    assertThat(spec.families()).extracting(LandingSpec.Family::name).containsExactly("sections", "hydrology");
    assertThat(spec.family("hydrology").dataQuality().perStation()).isFalse();
  }

  @Test
  void anUnknownTypeFailsNamingFileFamilyAndField() {
    assertBadSpec(spec(HYDROLOGY_FIELDS.replace("type: double", "type: float"), "[section_id, date]"),
        "test.yaml: family 'hydrology': field 'flow_m3_s': unknown type 'float'; expected one of text, code, integer, long,"
            + " double, decimal, date, month, timestamp, boolean, unit");
  }

  @Test
  void aReferenceToAnUnknownFamilyFailsNamingIt() {
    assertBadSpec(spec(HYDROLOGY_FIELDS.replace("references: sections", "references: stations"), "[section_id, date]"),
        "test.yaml: family 'hydrology': field 'section_id': references unknown family 'stations'");
  }

  @Test
  void aNaturalKeyNamingNoFieldFails() {
    assertBadSpec(spec(HYDROLOGY_FIELDS, "[section_id, day]"),
        "test.yaml: family 'hydrology': natural key names no field 'day'; the silver columns are section_id, date, flow_m3_s");
  }

  @Test
  void aRangeUpsideDownOrAMisspelledKeyFails() {
    assertBadSpec(spec(HYDROLOGY_FIELDS.replace("min: 0, max: 100000", "min: 100000, max: 0"), "[section_id, date]"),
        "test.yaml: family 'hydrology': field 'flow_m3_s': min 100000.0 is above max 0.0");
    assertThatThrownBy(() -> LandingSpec.parse("test.yaml", spec(HYDROLOGY_FIELDS.replace("max: 100000", "mxa: 100000"), "[section_id, date]")))
        .isInstanceOf(LiangshanException.class)
        .hasMessageStartingWith("test.yaml: family 'hydrology': Unrecognized field \"mxa\"");
  }

  @Test
  void theWithdrawnShareIsThePolicysUnlessTheFamilyDeclaresItsOwn() {
    LandingSpec spec = LandingSpec.parse("test.yaml", spec(HYDROLOGY_FIELDS, "[section_id, date]"));
    assertThat(spec.maxWithdrawnShare("sections")).isEqualTo(0.2);
    assertThat(spec.maxWithdrawnShare("hydrology")).isEqualTo(0.5);
    // The spec on the classpath: 20 % for every family, and each declares its required measures.
    assertThat(SourceFamilies.spec().policy().maxWithdrawnShare()).isEqualTo(0.2);
    assertThat(SourceFamilies.get("hydrology").requiredMeasures()).containsExactly("flow_m3_s", "level_m");
    assertThat(SourceFamilies.all()).allSatisfy(f -> assertThat(f.requiredMeasures()).isNotEmpty());
  }

  @Test
  void requiredMeasuresNamingNoFieldOrAShareAboveOneFail() {
    assertBadSpec(spec(HYDROLOGY_FIELDS, "[section_id, date]").replace("required-measures: [flow_m3_s]", "required-measures: [flow]"),
        "test.yaml: family 'hydrology': required-measures names no field 'flow'");
    assertBadSpec(spec(HYDROLOGY_FIELDS, "[section_id, date]").replace("max-withdrawn-share: 0.5", "max-withdrawn-share: 20"),
        "test.yaml: family 'hydrology': max-withdrawn-share 20.0 is not a share in (0, 1]");
    assertBadSpec(spec(HYDROLOGY_FIELDS, "[section_id, date]").replace("zip-max-ratio: 100", "zip-max-ratio: 0"),
        "test.yaml: policy: zip-max-ratio 0 is not positive");
  }

  @Test
  void aDataQualityColumnNamingNoFieldFails() {
    assertBadSpec(spec(HYDROLOGY_FIELDS, "[section_id, date]").replace("time-column: date", "time-column: day"),
        "test.yaml: family 'hydrology': data-quality time-column names no field 'day'");
  }

  @Test
  void aFamilyThatDeclaresDecimalCommasReadsThemAndOnlyIt() throws Rejection {
    LandingSpec spec = LandingSpec.parse("test.yaml", spec(HYDROLOGY_FIELDS, "[section_id, date]")
        .replace("    silver: {table: hydrology", "    decimal-mark: \",\"\n    thousands-separator: \" \"\n    silver: {table: hydrology"));
    assertThat(spec.family("hydrology").numbers()).isEqualTo(new NumberConvention(',', ' '));
    assertThat(spec.family("sections").numbers()).isEqualTo(NumberConvention.DEFAULT);
    SourceFamily hydrology = SourceFamilies.build(spec, spec.family("hydrology"));
    RecordMapper.Context context = new RecordMapper.Context() {
      @Override
      public java.time.Instant now() {
        return java.time.Instant.parse("2026-01-01T00:00:00Z");
      }

      @Override
      public java.util.Set<String> known(String reference) {
        return java.util.Set.of();
      }
    };
    Object[] row = hydrology.mapper().map(Map.of("section_id", "LY-S01", "date", "2024-06-01", "flow_m3_s", "1 234,5"), context).get(0);
    assertThat(row[2]).isEqualTo(1234.5);
    assertThatThrownBy(() -> hydrology.mapper().map(Map.of("section_id", "LY-S01", "date", "2024-06-01", "flow_m3_s", "1234.5"), context))
        .hasMessage("'1234.5' in '流量(m³/s)' is not a number: '.' is neither this family's decimal mark (',') nor a thousands"
            + " separator it declares");
  }

  @Test
  void numberConventionsCensoringAndFutureDatesAreCheckedAtLoad() {
    String family = spec(HYDROLOGY_FIELDS, "[section_id, date]");
    assertBadSpec(family.replace("natural-key: [section_id, date]", "natural-key: [section_id, date]\n    decimal-mark: \";\""),
        "test.yaml: family 'hydrology': decimal-mark ';'; expected '.' or ','");
    assertBadSpec(family.replace("natural-key: [section_id, date]", "natural-key: [section_id, date]\n    thousands-separator: \".\""
            + "\n    decimal-mark: \".\""),
        "test.yaml: family 'hydrology': the thousands separator and the decimal mark are both '.'");
    assertBadSpec(family.replace("natural-key: [section_id, date]", "natural-key: [section_id, date]\n    censored-substitution: dl/3"),
        "test.yaml: family 'hydrology': censored substitution 'dl/3'; expected dl/2, dl or zero");
    assertBadSpec(family.replace("type: date, required: true", "type: date, required: true, censorable: true"),
        "test.yaml: family 'hydrology': field 'date': censorable on a date field; only a measured value (double, or text read"
            + " by a mapper) can be below a detection limit");
    assertBadSpec(family.replace("type: double, min: 0", "type: double, future: true, min: 0"),
        "test.yaml: family 'hydrology': field 'flow_m3_s': future on a double field; only dates and times can lie after the load");
  }

  @Test
  void aQuotedInDeclarationNamesAUnitFieldAndARightTypeField() {
    String family = spec(HYDROLOGY_FIELDS, "[section_id, date]");
    assertBadSpec(family.replace("natural-key: [section_id, date]",
            "natural-key: [section_id, date]\n    quoted-in: {unit: unit, right-type: section_id}"),
        "test.yaml: family 'hydrology': quoted-in names no field 'unit'");
    assertBadSpec(family.replace("natural-key: [section_id, date]",
            "natural-key: [section_id, date]\n    quoted-in: {unit: flow_m3_s, right-type: section_id}"),
        "test.yaml: family 'hydrology': quoted-in unit 'flow_m3_s' is a double field; it must be of type unit");
  }

  private static final String HYDROLOGY_FIELDS = """
            - {column: section_id, header: 断面编码, type: text, required: true, references: sections, description: section}
            - {column: date, header: 日期, type: date, required: true, description: day}
            - {column: flow_m3_s, header: 流量(m³/s), type: double, min: 0, max: 100000, description: daily mean flow}
      """;

  private static String spec(String hydrologyFields, String naturalKey) {
    return """
        indicators:
          - {code: tp, name-zh: 总磷, unit: mg/L, min: 0, max: 20}
        policy: {max-withdrawn-share: 0.2, zip-max-entries: 10, zip-max-uncompressed-bytes: 1000, zip-max-ratio: 100,
                 geojson-max-bytes: 1000, source: test, illustrative: true}
        families:
          - name: sections
            doc-section: water-quality
            doc-file: sections/sections.csv
            folder: sections
            glob: "*.csv"
            reference-name: section
            silver: {table: sections, comment: Sections}
            natural-key: [section_id]
            required-measures: [section_id]
            fields:
              - {column: section_id, header: 断面编码, type: text, required: true, description: section id}
          - name: hydrology
            doc-section: hydrology
            doc-file: "hydrology/<yyyy>.csv"
            folder: hydrology
            glob: "*.csv"
            silver: {table: hydrology, comment: Daily flow}
            natural-key: %s
            required-measures: [flow_m3_s]
            max-withdrawn-share: 0.5
            data-quality: {station-column: section_id, time-column: date, per-day: 1, file-name: year, due-days: 30}
            fields:
        %s""".formatted(naturalKey, hydrologyFields);
  }

  private static void assertBadSpec(String yaml, String message) {
    assertThatThrownBy(() -> LandingSpec.parse("test.yaml", yaml))
        .isInstanceOf(LiangshanException.class)
        .hasMessage(message)
        .satisfies(e -> assertThat(((LiangshanException) e).kind()).isEqualTo(LiangshanException.Kind.FAILURE));
  }

  private static FieldSpec field(String column, String header, FieldType type, boolean required, double min, double max, String description) {
    return new FieldSpec(column, List.of(header, column), type, required, min, max, Map.of(), description);
  }
}
