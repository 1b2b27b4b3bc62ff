package org.liangshan.scheduler;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.liangshan.geo.model.Product;
import org.liangshan.warehouse.TableCatalog;
import org.liangshan.warehouse.TableDef;

/**
 * The input checks a plan job can {@code need}: each looks at the real tables (or the landing folder) and
 * says why the inputs of a (region, period) are not ready yet, or nothing when they are. A job runs only when
 * all of its checks pass, so it never runs on half the data.
 */
public final class ReadinessChecks {
  /** One check: the reason the inputs are not ready, or empty when they are. */
  @FunctionalInterface
  public interface Check {
    Optional<String> notReady(Inputs inputs);
  }

  /** What a check may look at. */
  public record Inputs(TableCatalog catalog, String region, Period period, Path landing, Instant now, ZoneId zone) {}

  private static final Map<String, Check> CHECKS = new LinkedHashMap<>();

  static {
    CHECKS.put("landing-arrived", ReadinessChecks::landingArrived);
    CHECKS.put("monthly-scenes", ReadinessChecks::monthlyScenes);
    CHECKS.put("water-quality", ReadinessChecks::waterQuality);
    CHECKS.put("auctions-closed", ReadinessChecks::auctionsClosed);
  }

  private ReadinessChecks() {}

  public static Set<String> names() {
    return CHECKS.keySet();
  }

  public static Optional<Check> get(String name) {
    return Optional.ofNullable(CHECKS.get(name));
  }

  /** Something arrived under landing/REGION (the ingestion then loads what it has not loaded yet). */
  static Optional<String> landingArrived(Inputs in) {
    Path folder = in.landing().resolve(in.region());
    if (!Files.isDirectory(folder)) {
      return Optional.of("no landing folder " + folder);
    }
    try (Stream<Path> files = Files.walk(folder)) {
      if (files.noneMatch(Files::isRegularFile)) {
        return Optional.of("nothing has arrived in " + folder);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Optional.empty();
  }

  /**
   * Every monthly product (ndvi, temperature, precipitation, radiation, et, pet) of every month of the year
   * through the period's last month is in {@code silver.raster_scenes} for the region: the accounting of month M
   * is the year to date, and a missing month would make the carbon sink of half a year.
   */
  static Optional<String> monthlyScenes(Inputs in) {
    Optional<TableDef> scenes = table(in.catalog(), "silver.raster_scenes");
    if (scenes.isEmpty()) {
      return Optional.of("silver.raster_scenes does not exist yet (no scene ingested)");
    }
    Set<String> present = new HashSet<>();
    for (Row r : in.catalog().read(scenes.get())
        .where(col("region").equalTo(in.region()).and(col("year").equalTo(in.period().year())).and(col("month").isNotNull()))
        .select("product", "year", "month").distinct().collectAsList()) {
      present.add(YearMonth.of(r.getInt(1), r.getInt(2)) + " " + r.getString(0));
    }
    List<String> missing = new ArrayList<>();
    for (YearMonth month : in.period().yearToDate()) {
      for (Product product : Product.values()) {
        if (product.monthly() && !present.contains(month + " " + product.id())) {
          missing.add(month + " " + product.id());
        }
      }
    }
    if (missing.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("silver.raster_scenes lacks " + missing.size() + " monthly scene(s) of " + in.region() + ": "
        + abbreviate(missing));
  }

  /** Every monitoring section of the region has water-quality observations in every month of the period. */
  static Optional<String> waterQuality(Inputs in) {
    Optional<TableDef> sections = table(in.catalog(), "silver.sections");
    Optional<TableDef> quality = table(in.catalog(), "silver.water_quality");
    if (sections.isEmpty() || quality.isEmpty()) {
      return Optional.of("silver.sections and silver.water_quality are not both loaded yet");
    }
    Set<String> sectionIds = new TreeSet<>();
    in.catalog().read(sections.get()).where(col("region").equalTo(in.region())).select("section_id").collectAsList()
        .forEach(r -> sectionIds.add(r.getString(0)));
    if (sectionIds.isEmpty()) {
      return Optional.of("silver.sections has no monitoring section of " + in.region());
    }
    Timestamp from = Timestamp.from(in.period().first().atStartOfDay(in.zone()).toInstant());
    Timestamp to = Timestamp.from(in.period().next().first().atStartOfDay(in.zone()).toInstant());
    Set<String> present = new HashSet<>();
    for (Row r : in.catalog().read(quality.get())
        .where(col("region").equalTo(in.region()).and(col("observed_at").geq(from)).and(col("observed_at").lt(to)))
        .select("section_id", "observed_at").collectAsList()) {
      present.add(r.getString(0) + " " + YearMonth.from(r.getTimestamp(1).toInstant().atZone(in.zone())));
    }
    List<String> missing = new ArrayList<>();
    for (YearMonth month : in.period().months()) {
      for (String section : sectionIds) {
        if (!present.contains(section + " " + month)) {
          missing.add(section + " " + month);
        }
      }
    }
    if (missing.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("silver.water_quality has no observation for " + missing.size() + " section-month(s) of "
        + in.region() + " in " + in.period() + ": " + abbreviate(missing));
  }

  /** No auction of the region that opened by the period's end is still open: its bids are all in. */
  static Optional<String> auctionsClosed(Inputs in) {
    Optional<TableDef> auctions = table(in.catalog(), "silver.auctions");
    if (auctions.isEmpty()) {
      return Optional.empty();
    }
    Timestamp end = Timestamp.from(in.period().next().first().atStartOfDay(in.zone()).toInstant());
    List<String> open = new ArrayList<>();
    for (Row r : in.catalog().read(auctions.get())
        .where(col("region").equalTo(in.region()).and(col("opens_at").lt(end)).and(col("closes_at").gt(Timestamp.from(in.now()))))
        .select("auction_id", "closes_at").orderBy("auction_id").collectAsList()) {
      open.add(r.getString(0) + " (closes " + r.getTimestamp(1).toInstant() + ")");
    }
    if (open.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(open.size() + " auction(s) of " + in.region() + " still open: " + abbreviate(open));
  }

  private static Optional<TableDef> table(TableCatalog catalog, String name) {
    return catalog.find(name).filter(catalog::exists);
  }

  private static String abbreviate(List<String> items) {
    if (items.size() <= 6) {
      return String.join(", ", items);
    }
    return String.join(", ", items.subList(0, 6)) + " and " + (items.size() - 6) + " more";
  }
}
