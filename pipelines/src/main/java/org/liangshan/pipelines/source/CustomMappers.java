package org.liangshan.pipelines.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.liangshan.core.region.GeoJson;
import org.liangshan.pipelines.source.Rejection.Reason;
import org.liangshan.pipelines.source.SourceFamilies.Indicator;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.apache.spark.sql.functions;

/**
 * The mappers of families whose records are not one silver row each, named by {@code mapper:} in
 * spec/landing-families.yaml. The fields, ranges, reference checks and silver columns they use come from
 * the spec; what is here is only what cannot be declared: unpivoting, unit conversion, geometry.
 */
final class CustomMappers {
  private CustomMappers() {}

  /** The mapper {@code name} for a family built from its declared fields ({@code draft}). */
  static RecordMapper create(String name, SourceFamily draft, LandingSpec spec) {
    return switch (name) {
      case "water-quality-wide" -> waterQualityWide(draft, spec);
      case "water-quality-long" -> waterQualityLong(draft, spec);
      case "flux-half-hourly" -> fluxHalfHourly(draft);
      case "vector-features" -> vectorFeatures(draft);
      default -> throw new IllegalArgumentException("family '" + draft.name() + "': unknown mapper '" + name
          + "'; expected one of water-quality-wide, water-quality-long, flux-half-hourly, vector-features");
    };
  }

  /**
   * Automatic stations: one row per indicator column that carries a value, in the indicator's unit. A
   * censorable indicator reported below the detection limit becomes a censored row (see {@link #censoredRow}).
   */
  private static RecordMapper waterQualityWide(SourceFamily draft, LandingSpec spec) {
    FieldSpec sectionSpec = draft.field("section_id");
    FieldSpec timeSpec = draft.field("observed_at");
    String sectionKind = draft.references().get("section_id");
    LandingSpec.Family declared = spec.family(draft.name());
    Censored.Substitution substitution = declared.substitution();
    List<FieldSpec> valueSpecs = new ArrayList<>();
    List<Indicator> indicators = new ArrayList<>();
    for (LandingSpec.Field field : declared.fields()) {
      if (field.indicator() != null) {
        valueSpecs.add(draft.field(field.column()));
        indicators.add(spec.indicator(field.indicator()));
      }
    }
    return (raw, context) -> {
      String section = (String) sectionSpec.parse(raw.get("section_id"), context.now());
      checkKnown(context, sectionKind, section, "section_id", sectionSpec.headers().get(0));
      Object time = timeSpec.parse(raw.get("observed_at"), context.now());
      List<Object[]> rows = new ArrayList<>();
      for (int i = 0; i < valueSpecs.size(); i++) {
        FieldSpec valueSpec = valueSpecs.get(i);
        Indicator indicator = indicators.get(i);
        String text = raw.get(valueSpec.column());
        Censored censored = valueSpec.censored(text);
        if (censored != null) {
          rows.add(censoredRow(section, time, "auto", indicator, censored, 1, valueSpec, substitution));
          continue;
        }
        Object value = valueSpec.parse(text, context.now());
        if (value != null) {
          rows.add(new Object[] {section, time, "auto", indicator.code(), value, indicator.unit(), false, null, null});
        }
      }
      if (rows.isEmpty()) {
        throw new Rejection(Reason.MISSING_VALUE, null, "record carries no indicator value");
      }
      return rows;
    };
  }

  /**
   * The silver row of a value reported below the detection limit: the limit written with it (or the
   * indicator's declared one for ND/未检出), converted by {@code factor} to the canonical unit and range-checked;
   * value is the family's substitute for it (DL/2 by default), flagged censored, with what was reported.
   */
  private static Object[] censoredRow(String section, Object time, String method, Indicator indicator, Censored censored,
      double factor, FieldSpec field, Censored.Substitution substitution) throws Rejection {
    double limit;
    if (censored.limit() != null) {
      limit = censored.limit() * factor;
      field.checkRange(limit, censored.reported());
    } else if (indicator.detectionLimit() != null) {
      limit = indicator.detectionLimit();
    } else {
      throw new Rejection(Reason.NOT_A_NUMBER, field.column(), "'" + censored.reported() + "' in '" + field.headers().get(0)
          + "' gives no detection limit and none is declared for " + indicator.nameZh() + "; report it as <limit (e.g. <0.01)");
    }
    return new Object[] {section, time, method, indicator.code(), substitution.apply(limit), indicator.unit(), true, limit,
        censored.reported()};
  }

  /** Routine sampling: one indicator per record, its value converted to the indicator's canonical unit. */
  private static RecordMapper waterQualityLong(SourceFamily draft, LandingSpec spec) {
    FieldSpec sectionSpec = draft.field("section_id");
    FieldSpec dateSpec = draft.field("sampled_on");
    FieldSpec valueSpec = draft.field("value");
    String sectionKind = draft.references().get("section_id");
    List<Indicator> indicators = spec.indicators();
    Censored.Substitution substitution = spec.family(draft.name()).substitution();
    // The range a detection limit is checked against: the indicator's, in its canonical unit.
    java.util.Map<String, FieldSpec> limitRanges = new java.util.HashMap<>();
    for (Indicator indicator : indicators) {
      limitRanges.put(indicator.code(), new FieldSpec("value", List.of("监测值"), FieldType.DOUBLE, true, indicator.min(),
          indicator.max(), java.util.Map.of(), indicator.nameZh()));
    }
    return (raw, context) -> {
      String section = (String) sectionSpec.parse(raw.get("section_id"), context.now());
      checkKnown(context, sectionKind, section, "section_id", sectionSpec.headers().get(0));
      Date date = (Date) dateSpec.parse(raw.get("sampled_on"), context.now());
      String name = raw.getOrDefault("indicator", "").strip();
      Indicator indicator = indicatorNamed(indicators, name);
      if (indicator == null) {
        throw new Rejection(Reason.UNKNOWN_CODE, "indicator",
            "'" + name + "' is not a known indicator; expected one of "
                + String.join(", ", indicators.stream().map(Indicator::nameZh).toList()));
      }
      String valueText = raw.getOrDefault("value", "").strip();
      String unit = raw.getOrDefault("unit", "").strip();
      // Routine samples are taken in the morning; the date is stored as 00:00 China Standard Time.
      Timestamp at = Timestamp.from(date.toLocalDate().atStartOfDay().toInstant(FieldSpec.CST));
      Censored censored = indicator.detectionLimit() != null ? valueSpec.censored(valueText) : null;
      if (censored != null) {
        return List.<Object[]>of(censoredRow(section, at, "manual", indicator, censored, unitFactor(indicator, unit),
            limitRanges.get(indicator.code()),
            substitution));
      }
      if (valueText.isEmpty()) {
        throw new Rejection(Reason.MISSING_VALUE, "value", "'' in '监测值' is not a number");
      }
      double value = valueSpec.number(valueText);
      double factor = unitFactor(indicator, unit);
      double canonical = value * factor;
      if (canonical < indicator.min()) {
        throw new Rejection(indicator.min() == 0 ? Reason.NEGATIVE_VALUE : Reason.OUT_OF_RANGE, "value",
            indicator.nameZh() + " = " + valueText + " " + unit + " is below the minimum " + indicator.min());
      }
      if (canonical > indicator.max()) {
        throw new Rejection(Reason.OUT_OF_RANGE, "value",
            indicator.nameZh() + " = " + valueText + " " + unit + " is above the plausible maximum " + indicator.max() + " " + indicator.unit());
      }
      return List.<Object[]>of(new Object[] {section, at, "manual", indicator.code(), canonical, indicator.unit(), false, null, null});
    };
  }

  /** The first indicator whose Chinese name or code is {@code name}, ignoring case; null when none is. */
  private static Indicator indicatorNamed(List<Indicator> indicators, String name) {
    return indicators.stream()
        .filter(i -> i.nameZh().equalsIgnoreCase(name) || i.code().equalsIgnoreCase(name))
        .findFirst()
        .orElse(null);
  }

  /** Unit spellings the columnar typing of the long format decides itself; any other goes to the row mapper. */
  private static final List<String> COMMON_UNITS = List.of("mg/L", "mg/l", "MG/L", "μg/L", "µg/L", "ug/L", "μg/l", "µg/l",
      "ug/l", "g/m³", "g/m3", "℃", "°C", "°c", "C", "c", "无量纲", "", "-");

  /**
   * The long water-quality format as column expressions ({@link ColumnarTyping}): the records whose section,
   * date, indicator, unit and value are written the common way, and which the row mapper above would accept,
   * typed to the same silver row. Every table it uses (spellings of indicators, unit factors, ranges) is
   * computed by asking the row mapper's own functions, so the two cannot disagree on a record both decide;
   * a record written any other way (censored, full-width, spaces, a rare unit) is left to the row mapper.
   */
  static ColumnarTyping waterQualityLongColumns(SourceFamily family, LandingSpec spec, RecordMapper.Context context) {
    List<Indicator> indicators = spec.indicators();
    Map<String, Indicator> bySpelling = new java.util.LinkedHashMap<>();
    for (Indicator indicator : indicators) {
      for (String spelling : List.of(indicator.nameZh(), indicator.code())) {
        Indicator found = indicatorNamed(indicators, spelling);
        if (found != null) {
          bySpelling.putIfAbsent(spelling, found);
        }
      }
    }
    Map<String, Double> factors = new java.util.LinkedHashMap<>();
    for (Indicator indicator : indicators) {
      for (String unit : COMMON_UNITS) {
        try {
          factors.put(indicator.code() + "\u0000" + unit, unitFactor(indicator, unit));
        } catch (Rejection notAccepted) {
          // Left to the row mapper, which quarantines it.
        }
      }
    }
    Set<String> known = context.known(family.references().get("section_id"));
    java.sql.Timestamp now = java.sql.Timestamp.from(context.now());
    // Lookups as map literals (one expression each, whatever their size).
    List<Object> codes = new ArrayList<>();
    bySpelling.forEach((spelling, indicator) -> codes.addAll(List.of(spelling, indicator.code())));
    List<Object> units = new ArrayList<>();
    List<Object> minima = new ArrayList<>();
    List<Object> maxima = new ArrayList<>();
    for (Indicator indicator : indicators) {
      units.addAll(List.of(indicator.code(), indicator.unit()));
      minima.addAll(List.of(indicator.code(), indicator.min()));
      maxima.addAll(List.of(indicator.code(), indicator.max()));
    }
    List<Object> unitFactors = new ArrayList<>();
    factors.forEach((key, factor) -> unitFactors.addAll(List.of(key, factor)));
    org.apache.spark.sql.Column codeOf = mapLiteral(codes);
    org.apache.spark.sql.Column unitOf = mapLiteral(units);
    org.apache.spark.sql.Column minOf = mapLiteral(minima);
    org.apache.spark.sql.Column maxOf = mapLiteral(maxima);
    org.apache.spark.sql.Column factorOf = mapLiteral(unitFactors);
    return new ColumnarTyping() {
      @Override
      public org.apache.spark.sql.Column accepts(java.util.function.Function<String, org.apache.spark.sql.Column> field) {
        org.apache.spark.sql.Column section = field.apply("section_id");
        org.apache.spark.sql.Column date = field.apply("sampled_on");
        org.apache.spark.sql.Column value = field.apply("value");
        // An id without surrounding space (strip() would change nothing), among the known when any are.
        org.apache.spark.sql.Column ok = section.rlike("^[A-Za-z0-9_.\\-]+\\z");
        if (!known.isEmpty()) {
          ok = ok.and(section.isin(known.toArray()));
        }
        // An ISO date that reads back the same (so LocalDate.parse reads it too), not after the load.
        ok = ok.and(date.rlike("^[0-9]{4}-[0-9]{2}-[0-9]{2}\\z"))
            .and(functions.date_format(functions.to_date(date, "yyyy-MM-dd"), "yyyy-MM-dd").equalTo(date))
            .and(observedAt(date).leq(functions.lit(now)));
        org.apache.spark.sql.Column code = codeOf.apply(field.apply("indicator"));
        ok = ok.and(code.isNotNull()).and(factor(code, field.apply("unit")).isNotNull());
        // A plain decimal (never censored, NaN, full-width or with a thousands separator) in the indicator's range.
        org.apache.spark.sql.Column canonical = canonical(field);
        ok = ok.and(value.rlike("^-?[0-9]+(\\.[0-9]+)?\\z"))
            .and(canonical.geq(minOf.apply(code)))
            .and(canonical.leq(maxOf.apply(code)));
        return functions.coalesce(ok, functions.lit(false));
      }

      @Override
      public List<org.apache.spark.sql.Column> silver(java.util.function.Function<String, org.apache.spark.sql.Column> field) {
        org.apache.spark.sql.Column code = codeOf.apply(field.apply("indicator"));
        return List.of(field.apply("section_id"), observedAt(field.apply("sampled_on")), functions.lit("manual"), code,
            canonical(field), unitOf.apply(code), functions.lit(false), functions.lit(null).cast("double"),
            functions.lit(null).cast("string"));
      }

      /** Routine samples are stored at 00:00 China Standard Time of their date, as the row mapper does. */
      private org.apache.spark.sql.Column observedAt(org.apache.spark.sql.Column date) {
        return functions.timestamp_seconds(functions.unix_date(functions.to_date(date, "yyyy-MM-dd")).cast("long").multiply(86_400L)
            .minus((long) FieldSpec.CST.getTotalSeconds()));
      }

      private org.apache.spark.sql.Column factor(org.apache.spark.sql.Column code, org.apache.spark.sql.Column unit) {
        return factorOf.apply(functions.concat(code, functions.lit("\u0000"), unit));
      }

      private org.apache.spark.sql.Column canonical(java.util.function.Function<String, org.apache.spark.sql.Column> field) {
        org.apache.spark.sql.Column code = codeOf.apply(field.apply("indicator"));
        return field.apply("value").cast("double").multiply(factor(code, field.apply("unit")));
      }
    };
  }

  /** A map literal of alternating keys and values. */
  private static org.apache.spark.sql.Column mapLiteral(List<Object> keysAndValues) {
    return functions.map(keysAndValues.stream().map(functions::lit).toArray(org.apache.spark.sql.Column[]::new));
  }

  /** The factor from a reported unit to the indicator's canonical one. */
  private static double unitFactor(Indicator indicator, String unit) throws Rejection {
    String u = unit.replace(" ", "").toLowerCase(Locale.ROOT);
    if (indicator.unit().equals("mg/L")) {
      switch (u) {
        case "mg/l":
          return 1;
        case "μg/l", "µg/l", "ug/l":
          return 0.001;
        case "g/m³", "g/m3":
          return 1;
        default:
          break;
      }
    } else if (indicator.unit().equals("℃") && (u.equals("℃") || u.equals("°c") || u.equals("c"))) {
      return 1;
    } else if (indicator.unit().equals("无量纲") && (u.equals("无量纲") || u.isEmpty() || u.equals("-"))) {
      return 1;
    }
    throw new Rejection(Reason.UNKNOWN_UNIT, "unit",
        "unit '" + unit + "' is not accepted for " + indicator.nameZh() + "; expected " + indicator.unit()
            + (indicator.unit().equals("mg/L") ? " or μg/L" : ""));
  }

  private static void checkKnown(RecordMapper.Context context, String reference, String id, String column, String header)
      throws Rejection {
    if (!context.known(reference).isEmpty() && !context.known(reference).contains(id)) {
      throw new Rejection(Reason.UNKNOWN_REFERENCE, column, "'" + id + "' in '" + header + "' is not a known " + reference);
    }
  }

  /**
   * Boundaries and zones as GeoJSON or Shapefile (.shp with sidecars, a folder, or a .zip): one silver row
   * per feature, geometry as WKT in WGS 84 (Shapefiles reprojected from their .prj). Invalid
   * geometries are quarantined with the validator's reason rather than repaired silently.
   */
  private static RecordMapper vectorFeatures(SourceFamily draft) {
    FieldSpec layerSpec = draft.field("layer");
    FieldSpec idSpec = draft.field("feature_id");
    FieldSpec nameSpec = draft.field("name");
    return (raw, context) -> {
      String layer = (String) layerSpec.parse(raw.get("layer"), context.now());
      String id = (String) idSpec.parse(raw.get("feature_id"), context.now());
      String name = (String) nameSpec.parse(raw.get("name"), context.now());
      String geometryJson = raw.getOrDefault("geometry", "");
      if (geometryJson.isBlank()) {
        throw new Rejection(Reason.MISSING_VALUE, "geometry", "feature " + id + " has no geometry");
      }
      Geometry geometry;
      if (geometryJson.startsWith("INVALID:")) {
        // A Shapefile shape the reader could not assemble (open ring, stray hole): quarantined with its reason.
        throw new Rejection(Reason.INVALID_GEOMETRY, "geometry", "feature " + id + " is not a valid polygon: "
            + geometryJson.substring("INVALID:".length()));
      }
      try {
        if (geometryJson.startsWith("{")) {
          JsonNode node = new ObjectMapper().readTree(geometryJson);
          geometry = GeoJson.strictGeometry(node, "feature " + id);
        } else {
          // Shapefile shapes arrive as WKT, already reprojected to WGS 84 from the .prj's CRS.
          geometry = new WKTReader().read(geometryJson);
          if (!(geometry instanceof Polygon || geometry instanceof MultiPolygon)) {
            throw new IllegalArgumentException("feature " + id + " is a " + geometry.getGeometryType() + ", not a polygon");
          }
        }
      } catch (JsonProcessingException | ParseException | IllegalArgumentException e) {
        throw new Rejection(Reason.INVALID_GEOMETRY, "geometry", e.getMessage());
      }
      IsValidOp valid = new IsValidOp(geometry);
      if (!valid.isValid()) {
        throw new Rejection(Reason.INVALID_GEOMETRY, "geometry",
            "feature " + id + " is not a valid polygon: " + valid.getValidationError());
      }
      Envelope e = geometry.getEnvelopeInternal();
      if (e.getMinX() < -180 || e.getMaxX() > 180 || e.getMinY() < -90 || e.getMaxY() > 90) {
        throw new Rejection(Reason.OUT_OF_RANGE, "geometry",
            "feature " + id + " has coordinates outside longitude/latitude ranges: deliver WGS 84 degrees");
      }
      return List.<Object[]>of(new Object[] {layer, id, name, geometry.getGeometryType(), geometry.toText(), geometry.getArea()});
    };
  }

  private static final DateTimeFormatter FLUX_STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmm");

  /** The columns of a flux record that are not measures: the tower and the three ways of giving the time. */
  private static final Set<String> FLUX_TIME_COLUMNS =
      Set.of("tower_id", "timestamp_start", "timestamp_end", "year", "day_of_year", "hour_end");

  /**
   * The units a REddyProc text file's units row may give for the measures this format stores, spaces and case
   * ignored; a measure not listed here is not checked.
   */
  private static final Map<String, Set<String>> FLUX_UNITS = Map.of(
      "nee_umol_m2_s", Set.of("umolm-2s-1", "µmolm-2s-1", "μmolm-2s-1", "umolco2m-2s-1", "µmolco2m-2s-1"),
      "ta_c", Set.of("degc", "°c", "c", "℃"),
      "sw_in_w_m2", Set.of("wm-2", "w/m2", "w/m²"),
      "vpd_hpa", Set.of("hpa"),
      "ustar_m_s", Set.of("ms-1", "m/s"),
      "le_w_m2", Set.of("wm-2", "w/m2", "w/m²"),
      "h_w_m2", Set.of("wm-2", "w/m2", "w/m²"));

  /**
   * Half-hourly flux records (FLUXNET2015/ONEFlux, ICOS/AmeriFlux BASE or REddyProc text; the headers are
   * aliases in the spec): the tower from the file name, the time from TIMESTAMP_START or Year/DoY/Hour in local
   * standard time, -9999 or an empty cell as null, incoming radiation between the declared minimum (a night-time
   * sensor offset) and 0 stored as 0 with {@code sw_in_clamped}. REddyProc's units row is checked and
   * quarantined as UNITS_ROW (UNKNOWN_UNIT when a unit is not the stored one).
   */
  private static RecordMapper fluxHalfHourly(SourceFamily draft) {
    String towerKind = draft.references().get("tower_id");
    String towerHeader = draft.field("tower_id").headers().get(0);
    FieldSpec yearSpec = draft.field("year");
    FieldSpec daySpec = draft.field("day_of_year");
    FieldSpec hourSpec = draft.field("hour_end");
    List<FieldSpec> valueSpecs = draft.fields().stream()
        .filter(f -> !FLUX_TIME_COLUMNS.contains(f.column()))
        .toList();
    int swIn = valueSpecs.indexOf(draft.field("sw_in_w_m2"));
    return (raw, context) -> {
      String tower = raw.getOrDefault("tower_id", "").strip();
      if (isUnitsRow(raw)) {
        throw unitsRow(raw, valueSpecs);
      }
      checkKnown(context, towerKind, tower, "tower_id", towerHeader);
      Instant at = fluxStart(raw, yearSpec, daySpec, hourSpec, context);
      if (at.isAfter(context.now())) {
        throw new Rejection(Reason.FUTURE_TIMESTAMP, "timestamp_start", "the half hour starting " + at + " is in the future");
      }
      Object[] row = new Object[3 + valueSpecs.size()];
      row[0] = tower;
      row[1] = Timestamp.from(at);
      boolean clamped = false;
      for (int i = 0; i < valueSpecs.size(); i++) {
        String value = raw.get(valueSpecs.get(i).column());
        Object parsed = isFluxMissing(value) ? null : valueSpecs.get(i).parse(value, context.now());
        if (i == swIn && parsed != null && (Double) parsed < 0) {
          parsed = 0.0;
          clamped = true;
        }
        row[2 + i] = parsed;
      }
      row[2 + valueSpecs.size()] = clamped;
      return List.<Object[]>of(row);
    };
  }

  /** FLUXNET's missing value, in any of the spellings exporters write, or an empty cell. */
  private static boolean isFluxMissing(String value) {
    if (value == null || value.isBlank()) {
      return true;
    }
    String v = value.strip();
    return v.equals("-9999") || v.equals("-9999.0") || v.equals("-9999.00") || v.equalsIgnoreCase("NA");
  }

  /** The start of the half hour: TIMESTAMP_START (checked against TIMESTAMP_END), else Year/DoY/Hour (the end). */
  private static Instant fluxStart(
      Map<String, String> raw, FieldSpec yearSpec, FieldSpec daySpec, FieldSpec hourSpec, RecordMapper.Context context)
      throws Rejection {
    String start = raw.getOrDefault("timestamp_start", "").strip();
    if (!start.isEmpty() || !raw.containsKey("year")) {
      LocalDateTime begins = fluxStamp(start, "timestamp_start", "TIMESTAMP_START");
      String end = raw.getOrDefault("timestamp_end", "").strip();
      if (!end.isEmpty()) {
        LocalDateTime ends = fluxStamp(end, "timestamp_end", "TIMESTAMP_END");
        if (!ends.equals(begins.plusMinutes(30))) {
          throw new Rejection(Reason.BAD_DATE, "timestamp_end",
              "TIMESTAMP_END " + end + " is not 30 minutes after TIMESTAMP_START " + start + " (half-hourly records only)");
        }
      }
      return begins.toInstant(FieldSpec.CST);
    }
    Object year = yearSpec.parse(raw.get("year"), context.now());
    Object day = daySpec.parse(raw.get("day_of_year"), context.now());
    Object hour = hourSpec.parse(raw.get("hour_end"), context.now());
    if (year == null || day == null || hour == null) {
      throw new Rejection(Reason.MISSING_VALUE, year == null ? "year" : day == null ? "day_of_year" : "hour_end",
          "Year, DoY and Hour must all be given when there is no TIMESTAMP_START");
    }
    double minutes = (Double) hour * 60;
    if (minutes != Math.rint(minutes) || Math.rint(minutes) % 30 != 0) {
      throw new Rejection(Reason.BAD_DATE, "hour_end", "Hour " + hour + " is not on a half hour (0.5, 1, 1.5 ... 24)");
    }
    LocalDateTime ends = LocalDate.of((Integer) year, 1, 1).plusDays((Integer) day - 1L).atStartOfDay().plusMinutes((long) minutes);
    return ends.minusMinutes(30).toInstant(FieldSpec.CST);
  }

  private static LocalDateTime fluxStamp(String value, String column, String header) throws Rejection {
    try {
      return LocalDateTime.parse(value, FLUX_STAMP);
    } catch (DateTimeParseException e) {
      throw new Rejection(value.isEmpty() ? Reason.MISSING_VALUE : Reason.BAD_DATE, column,
          "'" + value + "' in '" + header + "' is not yyyyMMddHHmm" + (column.equals("timestamp_start")
              ? " (give TIMESTAMP_START, or Year, DoY and Hour)" : ""));
    }
  }

  /**
   * REddyProc's units row: in the Year/DoY/Hour layout, the year holds '-' (or nothing) and the NEE column a
   * unit, not a number. Other layouts have no units row: a word in their NEE column is NOT_A_NUMBER.
   */
  private static boolean isUnitsRow(Map<String, String> raw) {
    if (!raw.containsKey("year") || raw.containsKey("timestamp_start")) {
      return false;
    }
    String year = raw.getOrDefault("year", "").strip();
    String nee = raw.getOrDefault("nee_umol_m2_s", "").strip();
    return (year.equals("-") || year.isEmpty()) && !nee.isEmpty() && Character.isLetter(nee.charAt(0));
  }

  /** The units row as a quarantine row: UNITS_ROW when every stored measure is in its unit, else UNKNOWN_UNIT. */
  private static Rejection unitsRow(Map<String, String> raw, List<FieldSpec> valueSpecs) {
    for (FieldSpec spec : valueSpecs) {
      Set<String> accepted = FLUX_UNITS.get(spec.column());
      String unit = raw.get(spec.column());
      if (accepted != null && unit != null && !accepted.contains(unit.replace(" ", "").toLowerCase(Locale.ROOT))) {
        return new Rejection(Reason.UNKNOWN_UNIT, spec.column(),
            "the units row gives '" + unit.strip() + "' for '" + spec.headers().get(0) + "' (" + spec.description()
                + "); convert the column to that unit before delivery");
      }
    }
    return new Rejection(Reason.UNITS_ROW, null, "units row under the header (REddyProc text layout): units checked, not a record");
  }
}
