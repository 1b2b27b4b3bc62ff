package org.liangshan.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.region.Region;
import org.liangshan.core.region.Regions;

class SampleDataGeneratorTest {
  private static final long SEED = SampleDataGenerator.DEFAULT_SEED;

  @TempDir static Path shared;

  private static Path liyangYear;
  private static GenerationSummary liyangSummary;
  private static Path tianjinYear;

  @BeforeAll
  static void generateOnce() {
    liyangYear = shared.resolve("liyang-full");
    liyangSummary = SampleDataGenerator.generate(request("liyang", 2023, 1, SEED, liyangYear), ProgressListener.NONE);
    tianjinYear = shared.resolve("tianjin-short");
    SampleDataGenerator.generate(request("tianjin", 2023, 1, SEED, tianjinYear), ProgressListener.NONE, 8);
  }

  private static GenerationRequest request(String region, int year, int scale, long seed, Path root) {
    return new GenerationRequest(Regions.load(region), year, year, scale, seed, root);
  }

  @Test
  void sameRequestGivesByteIdenticalFilesAndAnotherSeedDifferentOnes(@TempDir Path temp) {
    Path first = temp.resolve("a");
    Path second = temp.resolve("b");
    Path other = temp.resolve("c");
    SampleDataGenerator.generate(request("liyang", 2024, 1, SEED, first), ProgressListener.NONE, 2);
    SampleDataGenerator.generate(request("liyang", 2024, 1, SEED, second), ProgressListener.NONE, 2);
    SampleDataGenerator.generate(request("liyang", 2024, 1, SEED + 1, other), ProgressListener.NONE, 2);

    Map<String, String> a = Landing.digests(first);
    Map<String, String> b = Landing.digests(second);
    assertThat(a).isEqualTo(b);
    assertThat(a.keySet()).anyMatch(name -> name.endsWith("ndvi_202402.tif")).anyMatch(name -> name.endsWith("landcover_2024.tif"));

    Map<String, String> c = Landing.digests(other);
    assertThat(c.keySet()).isEqualTo(a.keySet());
    for (String file : List.of("liyang/rasters/ndvi/ndvi_202401.tif", "liyang/rasters/dem/dem.tif", "liyang/enterprises/registry.csv",
        "liyang/market/bids.csv", "liyang/flux/LY-FT-FOREST_2024.csv")) {
      assertThat(c.get(file)).as(file).isNotEqualTo(a.get(file));
    }
  }

  @Test
  void yearlyDeliveriesCarryADeliveryDateInTheNextJanuaryOrEarlyFebruary() throws java.io.IOException {
    java.time.Instant from = java.time.Instant.parse("2024-01-05T09:00:00Z");
    java.time.Instant to = java.time.Instant.parse("2024-02-03T09:00:00Z");
    java.util.Set<java.time.Instant> seen = new java.util.TreeSet<>();
    for (String file : List.of("liyang/water-quality-auto/LY-S01_2023.csv", "liyang/water-quality-auto/LY-S02_2023.csv",
        "liyang/hydrology/2023.csv", "liyang/flux/LY-FT-FOREST_2023.csv")) {
      java.time.Instant modified = java.nio.file.Files.getLastModifiedTime(liyangYear.resolve(file)).toInstant();
      assertThat(modified).as(file).isBetween(from, to);
      seen.add(modified);
    }
    assertThat(seen).as("not one date for all").hasSizeGreaterThan(1);
    // A file that is not a yearly delivery keeps its generation time.
    assertThat(java.nio.file.Files.getLastModifiedTime(liyangYear.resolve("liyang/flux/towers.csv")).toInstant())
        .isAfter(java.time.Instant.parse("2025-01-01T00:00:00Z"));
  }

  @Test
  void summaryCountsWhatWasWritten() {
    assertThat(liyangSummary.filesByFamily().keySet())
        .contains("vectors", "sections", "water-quality-auto", "water-quality-manual", "hydrology", "meteo", "flux", "rasters/ndvi",
            "rasters/landcover", "rasters/dem", "enterprises", "surveys", "statistics", "market", "finance");
    assertThat(liyangSummary.files()).isEqualTo(Landing.digests(liyangYear).size());
    assertThat(liyangSummary.filesByFamily().get("rasters/ndvi")).isEqualTo(12);
    assertThat(liyangSummary.recordsByFamily().get("water-quality-auto")).isEqualTo(4L * 365 * 6);
    assertThat(liyangSummary.bytes()).isPositive();
  }

  @Test
  void everyCsvHasTheContractHeaderAndWellFormedRows() {
    Map<String, List<String>> contract = Landing.contractHeaders();
    for (Path root : List.of(liyangYear, tianjinYear)) {
      List<Path> files = Landing.files(root, ".csv");
      assertThat(files).hasSizeGreaterThan(20);
      for (Path file : files) {
        String relative = root.relativize(file).toString().replace('\\', '/');
        String inRegion = relative.substring(relative.indexOf('/') + 1);
        List<String> expected =
            contract.entrySet().stream()
                .filter(e -> Pattern.matches(e.getKey(), inRegion))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElseThrow(() -> new AssertionError("File not in the contract: " + inRegion));
        Landing.Table table = Landing.csv(file);
        assertThat(table.header()).as(inRegion).isEqualTo(expected);
        assertThat(table.rows()).as(inRegion).isNotEmpty().allSatisfy(row -> assertThat(row).hasSize(expected.size()));
      }
    }
    assertThat(Landing.files(tianjinYear, "green_projects.csv")).hasSize(1);
  }

  @Test
  void rastersAreSingleBandWgs84WithNodataOutsideTheRegion() {
    for (Path root : List.of(liyangYear, tianjinYear)) {
      List<Path> tiffs = Landing.files(root, ".tif");
      assertThat(tiffs).isNotEmpty();
      for (Path tiff : List.of(tiffs.get(0), tiffs.get(tiffs.size() - 1))) {
        Landing.RasterData raster = Landing.raster(tiff);
        assertThat(raster.crs()).isEqualTo("EPSG:4326");
        assertThat(raster.pixel()).isCloseTo(0.005, within(1e-9));
        double nodata = tiff.toString().contains("landcover") ? 255 : -9999;
        assertThat(raster.nodata()).isEqualTo(nodata);
        assertThat(raster.values()[0]).isEqualTo(nodata);
      }
    }
  }

  @Test
  void landCoverReproducesTheSeedFacts() {
    // Liyang from the GeoTIFF written, with spherical cell areas; Tianjin straight from the model.
    Landing.RasterData raster = Landing.raster(liyangYear.resolve("liyang/rasters/landcover/landcover_2023.tif"));
    Map<String, Double> liyang = classAreas(raster);
    Region region = Regions.load("liyang");
    assertThat(liyang.get("forest")).isCloseTo(325.8, within(325.8 * 0.03));
    assertThat(liyang.get("water")).isCloseTo(284.0, within(284 * 0.03));
    assertThat(liyang.get("wetland")).isCloseTo(201.0, within(201 * 0.03));
    // The seed's fish ponds, 71.7 % of the wetland, are their own class (52), never natural wetland (50).
    assertThat(liyang.get("ponds") / liyang.get("wetland")).isCloseTo(0.717, within(0.02));
    assertThat(liyang.get("total")).isCloseTo(region.seedAreaKm2(), within(region.seedAreaKm2() * 0.03));
    assertThat(liyang.get("crop")).isGreaterThan(liyang.get("forest")).isGreaterThan(liyang.get("built"));

    Region tianjin = Regions.load("tianjin");
    Grid grid = new Grid(tianjin, 1);
    Landscape landscape = new Landscape(tianjin, RegionProfile.of(tianjin), grid, SEED);
    byte[] cover = landscape.landCover(2023);
    double forest = 0;
    double water = 0;
    double wetland = 0;
    double crop = 0;
    double built = 0;
    double jizhouForest = 0;
    int jizhou = districtIndex(tianjin, "蓟州区");
    for (int i = 0; i < cover.length; i++) {
      int code = cover[i] & 0xFF;
      double area = grid.areaKm2(i);
      if (Landscape.isForest(code)) {
        forest += area;
        if (grid.district[i] == jizhou) {
          jizhouForest += area;
        }
      } else if (code == 60) {
        water += area;
      } else if (code == 50) {
        wetland += area;
      } else if (code == 10) {
        crop += area;
      } else if (code == 80) {
        built += area;
      }
    }
    assertThat(forest).isCloseTo(tianjin.seedLandCoverKm2("forest"), within(tianjin.seedLandCoverKm2("forest") * 0.03));
    assertThat(water).isCloseTo(tianjin.seedLandCoverKm2("water"), within(tianjin.seedLandCoverKm2("water") * 0.03));
    assertThat(wetland).isCloseTo(tianjin.seedLandCoverKm2("wetland"), within(tianjin.seedLandCoverKm2("wetland") * 0.03));
    assertThat(jizhouForest / forest).as("share of Tianjin's forest in Jizhou").isGreaterThan(0.5);
    assertThat(crop).isGreaterThan(built).isGreaterThan(forest);
    // The cells of the flux towers carry their vegetation class.
    assertThat(cover[grid.indexOf(117.55, 39.28)]).isEqualTo(Landscape.WETLAND);
    assertThat(cover[grid.indexOf(117.28, 40.09)]).isEqualTo((byte) 24);
  }

  private static int districtIndex(Region region, String name) {
    for (int i = 0; i < region.districts().size(); i++) {
      if (region.districts().get(i).name().equals(name)) {
        return i;
      }
    }
    throw new AssertionError(name);
  }

  /** Class areas in km² of a land-cover raster: cell area R²·Δλ·(sin φ_north − sin φ_south). */
  private static Map<String, Double> classAreas(Landing.RasterData raster) {
    double r = 6371.0088;
    Map<String, Double> areas = new HashMap<>();
    for (int row = 0; row < raster.height(); row++) {
      double north = Math.toRadians(raster.north() - row * raster.pixel());
      double south = Math.toRadians(raster.north() - (row + 1) * raster.pixel());
      double cell = r * r * Math.toRadians(raster.pixel()) * (Math.sin(north) - Math.sin(south));
      for (int col = 0; col < raster.width(); col++) {
        int code = (int) raster.values()[row * raster.width() + col];
        if (code == 255) {
          continue;
        }
        String name = code >= 21 && code <= 25 ? "forest" : code == 60 ? "water" : code == 50 || code == 52 ? "wetland" : code == 10 ? "crop" : code == 80 ? "built" : "other";
        areas.merge(name, cell, Double::sum);
        if (code == 52) {
          areas.merge("ponds", cell, Double::sum);
        }
        areas.merge("total", cell, Double::sum);
      }
    }
    return areas;
  }

  @Test
  void forestLiesInTheSouthernHillsAndReliefIsPlausible() {
    Landing.RasterData cover = Landing.raster(liyangYear.resolve("liyang/rasters/landcover/landcover_2023.tif"));
    Landing.RasterData dem = Landing.raster(liyangYear.resolve("liyang/rasters/dem/dem.tif"));
    int south = 0;
    int forest = 0;
    double max = 0;
    List<Double> plain = new ArrayList<>();
    for (int i = 0; i < cover.values().length; i++) {
      double lat = cover.north() - (i / cover.width() + 0.5) * cover.pixel();
      if (Landscape.isForest((int) cover.values()[i])) {
        forest++;
        if (lat < 31.35) {
          south++;
        }
      }
      if (dem.values()[i] != -9999) {
        max = Math.max(max, dem.values()[i]);
        if (lat > 31.45) {
          plain.add(dem.values()[i]);
        }
      }
    }
    assertThat((double) south / forest).isGreaterThan(0.8);
    assertThat(max).isBetween(350.0, 650.0);
    assertThat(plain.stream().sorted().toList().get(plain.size() / 2)).isBetween(0.0, 12.0);
  }

  @Test
  void monthlyFieldsAreConsistentWithLandCoverAndClimate() {
    Path rasters = liyangYear.resolve("liyang/rasters");
    double[] cover = Landing.raster(rasters.resolve("landcover/landcover_2023.tif")).values();
    Map<Integer, List<Double>> julyNdvi = new HashMap<>();
    double[] july = Landing.raster(rasters.resolve("ndvi/ndvi_202307.tif")).values();
    double[] january = Landing.raster(rasters.resolve("ndvi/ndvi_202301.tif")).values();
    double[] annualP = new double[cover.length];
    double[] annualEt = new double[cover.length];
    double[] annualPet = new double[cover.length];
    double[] annualT = new double[cover.length];
    double[] radiation = new double[13];
    for (int month = 1; month <= 12; month++) {
      String ym = String.format("2023%02d", month);
      double[] p = Landing.raster(rasters.resolve("precipitation/precipitation_" + ym + ".tif")).values();
      double[] et = Landing.raster(rasters.resolve("et/et_" + ym + ".tif")).values();
      double[] pet = Landing.raster(rasters.resolve("pet/pet_" + ym + ".tif")).values();
      double[] t = Landing.raster(rasters.resolve("temperature/temperature_" + ym + ".tif")).values();
      double[] r = Landing.raster(rasters.resolve("radiation/radiation_" + ym + ".tif")).values();
      double sum = 0;
      int n = 0;
      for (int i = 0; i < cover.length; i++) {
        if (cover[i] == 255) {
          continue;
        }
        annualP[i] += p[i];
        annualEt[i] += et[i];
        annualPet[i] += pet[i];
        annualT[i] += t[i] / 12;
        sum += r[i];
        n++;
        assertThat(et[i]).isLessThanOrEqualTo(pet[i] + 1e-3);
      }
      radiation[month] = sum / n;
    }
    double meanP = 0;
    double meanT = 0;
    int n = 0;
    for (int i = 0; i < cover.length; i++) {
      int code = (int) cover[i];
      if (code == 255) {
        continue;
      }
      julyNdvi.computeIfAbsent(code, k -> new ArrayList<>()).add(july[i]);
      meanP += annualP[i];
      meanT += annualT[i];
      n++;
      // Open water and aquaculture ponds (fed by inflow) evaporate at 95 % of PET, which may exceed the rain.
      if (code != 60 && code != 52) {
        assertThat(annualEt[i]).isLessThan(annualP[i]).isLessThan(annualPet[i] + annualP[i]);
      }
      if (code == 10) {
        assertThat(july[i]).isGreaterThan(january[i]);
      }
    }
    assertThat(meanP / n).isBetween(900.0, 1450.0);
    assertThat(meanT / n).isBetween(14.0, 18.0);
    for (int month = 1; month <= 12; month++) {
      assertThat(radiation[month]).isBetween(250.0, 680.0);
    }
    assertThat(julyNdvi.get(60)).allSatisfy(v -> assertThat(v).isBetween(-0.1, 0.05));
    assertThat(julyNdvi.get(80)).allSatisfy(v -> assertThat(v).isBetween(0.05, 0.2));
    for (int forest : List.of(21, 22, 24, 25)) {
      assertThat(julyNdvi.getOrDefault(forest, List.of())).allSatisfy(v -> assertThat(v).isBetween(0.6, 0.85));
    }
  }

  @Test
  void tianjinIsDrierAndColderThanLiyang() {
    Region tianjin = Regions.load("tianjin");
    Weather weather = new Weather(tianjin, RegionProfile.of(tianjin), SEED);
    double precipitation = 0;
    double temperature = 0;
    double january = 0;
    double julyAugust = 0;
    for (int year = 2021; year <= 2024; year++) {
      for (int month = 1; month <= 12; month++) {
        double[] anomaly = weather.anomaly(year, month);
        double p = weather.precipitation(117.2, 39.1, 5, month, anomaly);
        precipitation += p / 4;
        temperature += weather.temperature(117.2, 39.1, 5, year, month, anomaly) / 48;
        if (month == 1) {
          january += weather.temperature(117.2, 39.1, 5, year, month, anomaly) / 4;
        }
        if (month == 7 || month == 8) {
          julyAugust += p / 4;
        }
      }
    }
    assertThat(precipitation).isBetween(400.0, 700.0);
    assertThat(julyAugust / precipitation).isGreaterThan(0.4);
    assertThat(temperature).isBetween(11.5, 14.5);
    assertThat(january).isLessThan(0);
  }

  @Test
  void fluxRecordsArePhysicallyCoherent() {
    Landing.Table flux = Landing.csv(liyangYear.resolve("liyang/flux/LY-FT-FOREST_2023.csv"));
    assertThat(flux.rows()).hasSize(365 * 48);
    int missing = 0;
    double dayNeeSummer = 0;
    int day = 0;
    double nightNee = 0;
    int night = 0;
    for (List<String> row : flux.rows()) {
      String nee = row.get(flux.column("NEE"));
      if (nee.equals("-9999")) {
        missing++;
        continue;
      }
      double value = Double.parseDouble(nee);
      double sw = Double.parseDouble(row.get(flux.column("SW_IN")));
      String month = row.get(0).substring(4, 6);
      if (sw > 500 && (month.equals("07") || month.equals("08"))) {
        dayNeeSummer += value;
        day++;
      } else if (sw == 0 && sw != -9999) {
        nightNee += value;
        night++;
      }
    }
    double gapShare = (double) missing / flux.rows().size();
    assertThat(gapShare).isBetween(0.10, 0.20);
    assertThat(dayNeeSummer / day).isLessThan(-8);
    assertThat(nightNee / night).isBetween(0.5, 8.0);
    assertThat(flux.values("NEE_QC")).contains("0", "1", "2", "3", "-9999");
  }

  @Test
  void usccCheckDigitFollowsGb32100() {
    // Huawei Technologies Co., Ltd. and Alibaba (China) Co., Ltd., as published in the national credit system.
    assertThat(Uscc.isValid("914403001922038216")).isTrue();
    assertThat(Uscc.isValid("91330100716105852F")).isTrue();
    assertThat(Uscc.checkCharacter("91440300192203821")).isEqualTo('6');
    assertThat(Uscc.isValid("914403001922038217")).isFalse();
    assertThat(Uscc.isValid("91440300192203821I")).isFalse();
    assertThat(Uscc.isValid("9144030019220382")).isFalse();
    // GB 11714: organisation code 19220382 has check character 1.
    assertThat(Uscc.organisationCheck("19220382")).isEqualTo('1');
    Landing.Table registry = Landing.csv(liyangYear.resolve("liyang/enterprises/registry.csv"));
    assertThat(registry.values("统一社会信用代码")).allSatisfy(code -> assertThat(Uscc.isValid(code)).as(code).isTrue()).doesNotHaveDuplicates();
  }

  @Test
  void enterprisesSitInTheirDistrictAndZone() {
    Region liyang = Regions.load("liyang");
    Landing.Table registry = Landing.csv(liyangYear.resolve("liyang/enterprises/registry.csv"));
    Map<String, Long> industries = registry.values("行业").stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
    assertThat(industries).containsEntry("钢铁", 2L).containsEntry("水泥", 3L);
    assertThat(industries.get("茶园")).isGreaterThan(20);
    for (List<String> row : registry.rows()) {
      double lon = Double.parseDouble(row.get(3));
      double lat = Double.parseDouble(row.get(4));
      assertThat(row.get(5)).isEqualTo("溧阳市");
      assertThat(row.get(6)).isEqualTo(liyang.zoneAt(lon, lat).orElseThrow().id());
    }
  }

  @Test
  void pledgesReferenceIssuedRightsWithExactlyOneDoublePledge() {
    for (Path root : List.of(liyangYear.resolve("liyang"), tianjinYear.resolve("tianjin"))) {
      Landing.Table rights = Landing.csv(root.resolve("market/rights_issued.csv"));
      Map<String, Double> holdings = new HashMap<>();
      Map<String, String> holders = new HashMap<>();
      for (List<String> row : rights.rows()) {
        holdings.put(row.get(0), Double.parseDouble(row.get(5)));
        holders.put(row.get(0), row.get(2));
      }
      Landing.Table loans = Landing.csv(root.resolve("finance/loans.csv"));
      Map<String, String> borrowers = new HashMap<>();
      for (List<String> row : loans.rows()) {
        borrowers.put(row.get(0), row.get(2));
      }
      Landing.Table pledges = Landing.csv(root.resolve("finance/pledges.csv"));
      Map<String, Integer> activeCount = new HashMap<>();
      for (List<String> row : pledges.rows()) {
        String right = row.get(2);
        assertThat(holdings).containsKey(right);
        assertThat(Double.parseDouble(row.get(3))).isPositive().isLessThanOrEqualTo(holdings.get(right));
        assertThat(holders.get(right)).isEqualTo(borrowers.get(row.get(1)));
        if (row.get(5).equals("有效")) {
          activeCount.merge(right, 1, Integer::sum);
        }
      }
      assertThat(activeCount.values().stream().filter(c -> c > 1).count()).as("rights pledged twice").isEqualTo(1);
    }
  }

  @Test
  void crossBoundarySectionsFallOnBothSidesOfTheirTargets() {
    Landing.Table manual = Landing.csv(liyangYear.resolve("liyang/water-quality-manual/2023.csv"));
    int above = 0;
    int below = 0;
    for (List<String> row : manual.rows()) {
      if (row.get(0).equals("LY-S04") && row.get(2).equals("总磷")) {
        double mgL = Double.parseDouble(row.get(3)) / (row.get(4).equals("μg/L") ? 1000 : 1);
        if (mgL > 0.2) {
          above++;
        } else {
          below++;
        }
      }
    }
    assertThat(above).isPositive();
    assertThat(below).isPositive();
    assertThat(manual.values("单位")).contains("μg/L", "mg/L", "℃", "无量纲");
  }

  @Test
  void scaleTwoGivesAboutTwiceTheTabularRecords(@TempDir Path temp) {
    GenerationSummary one = SampleDataGenerator.generate(request("liyang", 2023, 1, SEED, temp.resolve("one")), ProgressListener.NONE, 1);
    GenerationSummary two = SampleDataGenerator.generate(request("liyang", 2023, 2, SEED, temp.resolve("two")), ProgressListener.NONE, 1);
    Set<String> scaled = Set.of("enterprises", "market", "finance", "sections", "water-quality-auto", "water-quality-manual", "hydrology");
    long recordsOne = scaled.stream().mapToLong(f -> one.recordsByFamily().get(f)).sum();
    long recordsTwo = scaled.stream().mapToLong(f -> two.recordsByFamily().get(f)).sum();
    assertThat((double) recordsTwo / recordsOne).isBetween(1.8, 2.2);
    assertThat((double) two.recordsByFamily().get("rasters/ndvi") / one.recordsByFamily().get("rasters/ndvi")).isBetween(1.9, 2.1);
  }

  @Test
  void rejectsBadRequests() {
    Region region = Regions.load("liyang");
    assertThatThrownBy(() -> new GenerationRequest(region, 2023, 2023, 0, SEED, Path.of("x")))
        .isInstanceOf(LiangshanException.class)
        .hasMessage("Invalid scale 0: must be 1 or more (1 is the default sample size).");
    assertThatThrownBy(() -> new GenerationRequest(region, 2024, 2023, 1, SEED, Path.of("x")))
        .isInstanceOf(LiangshanException.class)
        .hasMessage("Invalid year span 2024..2023: the last year is before the first; swap them.");
  }

  @Test
  void tradesGiveEveryRightTypeADailyPriceHistoryInItsQuoteUnit() {
    Landing.Table trades = Landing.csv(liyangYear.resolve("liyang/market/trades.csv"));
    Map<String, Set<String>> days = new HashMap<>();
    for (List<String> row : trades.rows()) {
      days.computeIfAbsent(row.get(2) + "/" + row.get(8), k -> new java.util.HashSet<>()).add(row.get(1));
    }
    // Every trade states its unit, the one its right type is quoted in (as its rights are issued in).
    Map<String, Set<String>> units = new java.util.TreeMap<>();
    for (List<String> row : trades.rows()) {
      units.computeIfAbsent(row.get(2), k -> new java.util.TreeSet<>()).add(row.get(5));
    }
    assertThat(units).containsExactlyInAnyOrderEntriesOf(Map.of("碳配额", Set.of("tCO2e"), "林业碳汇", Set.of("tCO2e"),
        "生态券", Set.of("t/a"), "排污权", Set.of("t/a")));
    assertThat(days).containsKeys("碳配额/CO2", "林业碳汇/CO2", "生态券/TP", "排污权/COD");
    assertThat(days.values()).allSatisfy(set -> assertThat(set).hasSizeGreaterThanOrEqualTo(250));
    double meanQuota =
        trades.rows().stream().filter(r -> r.get(2).equals("碳配额")).mapToDouble(r -> Double.parseDouble(r.get(4))).average().orElseThrow();
    assertThat(meanQuota).isBetween(75.0, 105.0);
    assertThat(LocalDate.parse(trades.rows().get(0).get(1)).getYear()).isEqualTo(2023);
  }
}
