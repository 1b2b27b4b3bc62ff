package org.liangshan.generator;

import java.util.Arrays;
import org.liangshan.core.region.FluxTower;
import org.liangshan.core.region.Region;

/**
 * Relief and land cover of a region on its {@link Grid}. Land cover is allocated class by class from score
 * fields (lakes and rivers for water, shores for wetland, relief for forest, towns for built-up): each
 * class takes the highest-scoring free cells until its area target is met, measured with true cell areas.
 * Forest, water and wetland targets are the region's seed facts, so the map reproduces them by
 * construction; built-up grows a little each year at the expense of cropland, the remainder.
 */
final class Landscape {
  static final byte CROP = 10;
  static final byte SHRUB = 30;
  static final byte GRASS = 40;
  static final byte WETLAND = 50;
  /** Aquaculture ponds (养殖坑塘), not natural wetland. */
  static final byte AQUACULTURE = 52;
  static final byte WATER = 60;
  static final byte BUILT_UP = 80;
  static final byte BARE = 90;
  /** Land-cover nodata (unsigned 255). */
  static final byte NODATA = (byte) 255;

  /** The year the built-up target refers to. */
  private static final int BASE_YEAR = 2020;

  final Grid grid;
  final RegionProfile profile;
  final Region region;
  final float[] dem;
  private final float[] waterScore;
  private final float[] wetlandScore;
  private final float[] forestScore;
  private final float[] builtScore;
  private final float[] shrubScore;
  private final float[] grassScore;
  private final float[] bareScore;
  private final float[] forestKind;

  Landscape(Region region, RegionProfile profile, Grid grid, long seed) {
    this.region = region;
    this.grid = grid;
    this.profile = profile;
    int n = grid.size();
    dem = new float[n];
    waterScore = new float[n];
    wetlandScore = new float[n];
    forestScore = new float[n];
    builtScore = new float[n];
    shrubScore = new float[n];
    grassScore = new float[n];
    bareScore = new float[n];
    forestKind = new float[n];
    SmoothField relief = new SmoothField(Seeds.rng(seed, region.id(), "landscape", "relief"), 12, 0.03, 0.3);
    SmoothField ridges = new SmoothField(Seeds.rng(seed, region.id(), "landscape", "ridges"), 10, 0.01, 0.06);
    SmoothField plain = new SmoothField(Seeds.rng(seed, region.id(), "landscape", "plain"), 8, 0.1, 0.8);
    SmoothField shore = new SmoothField(Seeds.rng(seed, region.id(), "landscape", "shore"), 10, 0.01, 0.08);
    SmoothField ponds = new SmoothField(Seeds.rng(seed, region.id(), "landscape", "ponds"), 14, 0.006, 0.04);
    SmoothField wet = new SmoothField(Seeds.rng(seed, region.id(), "landscape", "wet"), 10, 0.02, 0.12);
    SmoothField green = new SmoothField(Seeds.rng(seed, region.id(), "landscape", "green"), 12, 0.01, 0.1);
    SmoothField urban = new SmoothField(Seeds.rng(seed, region.id(), "landscape", "urban"), 12, 0.005, 0.05);
    SmoothField open = new SmoothField(Seeds.rng(seed, region.id(), "landscape", "open"), 10, 0.01, 0.08);
    SmoothField kind = new SmoothField(Seeds.rng(seed, region.id(), "landscape", "kind"), 10, 0.01, 0.1);
    var pondArea = profile.pondArea();
    double highest = 1.05 * profile.hills().stream().mapToDouble(RegionProfile.Hill::peakM).max().orElse(100);
    for (int row = 0; row < grid.height; row++) {
      double lat = grid.lat(row);
      for (int col = 0; col < grid.width; col++) {
        double lon = grid.lon(col);
        int i = row * grid.width + col;
        double hills = 0;
        for (RegionProfile.Hill hill : profile.hills()) {
          double dx = (lon - hill.lon()) / hill.radiusLon();
          double dy = (lat - hill.lat()) / hill.radiusLat();
          hills += hill.peakM() * Math.exp(-(dx * dx + dy * dy));
        }
        double roughness = 0.62 + 0.22 * relief.at(lon, lat) + 0.16 * ridges.at(lon, lat);
        double base = 4.5 + 2.5 * plain.at(lon, lat);
        // Saturate gently so that overlapping hills do not exceed the highest peak by much.
        double raised = hills * Math.max(0.2, roughness);
        double elevation = Math.max(0.5, base + highest * Math.tanh(raised / highest));
        dem[i] = (float) elevation;

        double lake = 0;
        for (RegionProfile.Blob blob : profile.lakes()) {
          lake = Math.max(lake, blob(blob, lon, lat, 1.0 + 0.25 * shore.at(lon, lat)));
        }
        double river = 0;
        double riverNear = 0;
        for (RegionProfile.River r : profile.rivers()) {
          double d = distanceToPolyline(r.lonLat(), lon, lat);
          river = Math.max(river, Math.exp(-Math.pow(d / (r.halfWidthDeg() * 1.3), 2)));
          riverNear = Math.max(riverNear, Math.exp(-Math.pow(d / (r.halfWidthDeg() * 6), 2)));
        }
        double pondWeight = pondArea.contains(lon, lat) ? 1 : 0.25;
        double lowland = 1 / (1 + Math.exp((elevation - 40) / 8));
        double pond = Math.max(0, ponds.at(lon, lat)) * pondWeight * lowland;
        waterScore[i] = (float) Math.max(lake, Math.max(1.6 * river, 1.1 * pond));

        double marsh = 0;
        for (RegionProfile.Blob blob : profile.wetlands()) {
          marsh = Math.max(marsh, blob(blob, lon, lat, 1.0 + 0.3 * wet.at(lon, lat)));
        }
        wetlandScore[i] = (float) ((Math.max(marsh, 0.8 * riverNear) + 0.35 * wet.at(lon, lat) + 0.5 * lake) * lowland);

        forestScore[i] = (float) (elevation / 30.0 + 0.5 * green.at(lon, lat) + 0.3 * riverNear);

        double town = 0;
        for (RegionProfile.Blob blob : profile.towns()) {
          town = Math.max(town, blob(blob, lon, lat, 1.0 + 0.3 * urban.at(lon, lat)));
        }
        builtScore[i] = (float) ((town + 0.25 * urban.at(lon, lat)) * lowland);

        double hillFoot = Math.exp(-Math.pow((elevation - 120) / 80, 2));
        shrubScore[i] = (float) (hillFoot + 0.3 * open.at(lon, lat));
        grassScore[i] = (float) (0.5 * hillFoot + open.at(lon, lat) + 0.3 * riverNear);
        double coast = pondArea.contains(lon, lat) ? 1 : 0;
        bareScore[i] = (float) (coast + 0.5 * open.at(lon, lat) - 0.5 * town);
        forestKind[i] = (float) (0.5 + 0.5 * Math.tanh(kind.at(lon, lat) * 0.9 + (elevation - 150) / 400));
      }
    }
  }

  private static double blob(RegionProfile.Blob blob, double lon, double lat, double stretch) {
    double dx = (lon - blob.lon()) / blob.radiusLon();
    double dy = (lat - blob.lat()) / blob.radiusLat();
    double d2 = (dx * dx + dy * dy) / (stretch * stretch);
    return blob.strength() * Math.exp(-d2);
  }

  static double distanceToPolyline(double[] lonLat, double lon, double lat) {
    double best = Double.MAX_VALUE;
    for (int k = 0; k + 3 < lonLat.length; k += 2) {
      double ax = lonLat[k];
      double ay = lonLat[k + 1];
      double bx = lonLat[k + 2];
      double by = lonLat[k + 3];
      double vx = bx - ax;
      double vy = by - ay;
      double t = ((lon - ax) * vx + (lat - ay) * vy) / (vx * vx + vy * vy);
      t = Math.max(0, Math.min(1, t));
      double dx = lon - (ax + t * vx);
      double dy = lat - (ay + t * vy);
      best = Math.min(best, Math.hypot(dx, dy));
    }
    return best;
  }

  /** The land-cover map of a year: class codes, {@link #NODATA} outside the region. */
  byte[] landCover(int year) {
    int n = grid.size();
    byte[] cover = new byte[n];
    Arrays.fill(cover, NODATA);
    boolean[] free = new boolean[n];
    for (int i = 0; i < n; i++) {
      if (grid.inside(i)) {
        free[i] = true;
      }
    }
    allocate(cover, free, waterScore, region.seedLandCoverKm2("water"), WATER);
    // The seed's wetland includes fish ponds where it gives their share (Liyang: 71.7 %): the ponds take the
    // wetland cells after the natural wetland has taken the wettest ones.
    double wetlandKm2 = region.seedLandCoverKm2("wetland");
    double pondShare = region.seedFacts().path("aquaculture_share_of_wetland").asDouble(0);
    allocate(cover, free, wetlandScore, wetlandKm2 * (1 - pondShare), WETLAND);
    if (pondShare > 0) {
      allocate(cover, free, wetlandScore, wetlandKm2 * pondShare, AQUACULTURE);
    }
    allocate(cover, free, forestScore, region.seedLandCoverKm2("forest"), (byte) 25);
    RegionProfile.Targets targets = profile.targets();
    double growth = Math.pow(1 + targets.builtUpGrowthPerYear(), year - BASE_YEAR);
    allocate(cover, free, builtScore, targets.builtUpKm2() * growth, BUILT_UP);
    allocate(cover, free, shrubScore, targets.shrubKm2(), SHRUB);
    allocate(cover, free, grassScore, targets.grassKm2(), GRASS);
    allocate(cover, free, bareScore, targets.bareKm2(), BARE);
    String[] kinds = profile.forestClasses();
    double[] shares = profile.forestShares();
    for (int i = 0; i < n; i++) {
      if (free[i]) {
        cover[i] = CROP;
      } else if (cover[i] == 25) {
        double u = forestKind[i];
        double cumulative = 0;
        String chosen = kinds[kinds.length - 1];
        for (int k = 0; k < kinds.length; k++) {
          cumulative += shares[k];
          if (u < cumulative) {
            chosen = kinds[k];
            break;
          }
        }
        cover[i] = code(chosen);
      }
    }
    // The cells around each flux tower carry the tower's vegetation class, as in the field.
    for (FluxTower tower : region.fluxTowers()) {
      int centre = grid.indexOf(tower.lon(), tower.lat());
      if (centre < 0) {
        continue;
      }
      int radius = (int) Math.ceil(0.006 / grid.pixel);
      int row0 = centre / grid.width;
      int col0 = centre % grid.width;
      for (int row = row0 - radius; row <= row0 + radius; row++) {
        for (int col = col0 - radius; col <= col0 + radius; col++) {
          if (row >= 0 && col >= 0 && row < grid.height && col < grid.width && grid.inside(row * grid.width + col)) {
            cover[row * grid.width + col] = code(tower.vegClass());
          }
        }
      }
    }
    return cover;
  }

  private void allocate(byte[] cover, boolean[] free, float[] score, double targetKm2, byte code) {
    if (targetKm2 <= 0) {
      return;
    }
    int count = 0;
    for (boolean f : free) {
      if (f) {
        count++;
      }
    }
    long[] keys = new long[count];
    int k = 0;
    for (int i = 0; i < free.length; i++) {
      if (free[i]) {
        // Sort by descending score, ties by index: the score's sortable bits in the high word.
        int bits = Float.floatToIntBits(score[i]);
        int sortable = bits >= 0 ? bits : bits ^ 0x7FFFFFFF;
        keys[k++] = ((long) ~sortable << 32) | (i & 0xFFFFFFFFL);
      }
    }
    Arrays.sort(keys);
    double area = 0;
    for (long key : keys) {
      if (area >= targetKm2) {
        break;
      }
      int i = (int) (key & 0xFFFFFFFFL);
      double cell = grid.areaKm2(i);
      if (area + cell / 2 > targetKm2) {
        break;
      }
      cover[i] = code;
      free[i] = false;
      area += cell;
    }
  }

  /** The land-cover code of a vegetation class name (CASA classes and the others). */
  static byte code(String vegClass) {
    return switch (vegClass) {
      case "CROP" -> CROP;
      case "ENF" -> 21;
      case "EBF" -> 22;
      case "DNF" -> 23;
      case "DBF" -> 24;
      case "MF" -> 25;
      case "SHRUB" -> SHRUB;
      case "GRASS" -> GRASS;
      case "WETLAND" -> WETLAND;
      case "AQUACULTURE" -> AQUACULTURE;
      case "WATER" -> WATER;
      case "BUILT_UP" -> BUILT_UP;
      case "BARE" -> BARE;
      default -> throw new IllegalArgumentException("Unknown vegetation class: " + vegClass);
    };
  }

  /** Water, natural wetland and aquaculture ponds: no enterprise is placed on them. */
  static boolean isWet(int code) {
    return code == WATER || code == WETLAND || code == AQUACULTURE;
  }

  static boolean isForest(int code) {
    return code >= 21 && code <= 25;
  }
}
