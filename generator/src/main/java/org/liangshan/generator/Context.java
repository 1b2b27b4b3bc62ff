package org.liangshan.generator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.liangshan.core.region.Region;

/** What the families of one generation share: the request, the output, and lazily built models. */
final class Context {
  private final GenerationRequest request;
  private final Output output;
  private final int monthsPerYear;
  private final RegionProfile profile;
  private Grid grid;
  private Grid baseGrid;
  private Landscape landscape;
  private Landscape baseLandscape;
  private Weather weather;
  private Vegetation vegetation;
  private List<Enterprises.Enterprise> enterprises;
  private final Map<Integer, byte[]> landCovers = new HashMap<>();
  private final Map<Integer, byte[]> baseLandCovers = new HashMap<>();

  Context(GenerationRequest request, Output output, int monthsPerYear) {
    this.request = request;
    this.output = output;
    this.monthsPerYear = monthsPerYear;
    this.profile = RegionProfile.of(request.region());
  }

  GenerationRequest request() {
    return request;
  }

  Region region() {
    return request.region();
  }

  long seed() {
    return request.seed();
  }

  int scale() {
    return request.scale();
  }

  Output output() {
    return output;
  }

  int monthsPerYear() {
    return monthsPerYear;
  }

  RegionProfile profile() {
    return profile;
  }

  /** A random stream of this region for a family and entity path. */
  SplittableRandom rng(String... keys) {
    String[] path = new String[keys.length + 1];
    path[0] = request.region().id();
    System.arraycopy(keys, 0, path, 1, keys.length);
    return Seeds.rng(request.seed(), path);
  }

  Grid grid() {
    if (grid == null) {
      grid = new Grid(request.region(), request.scale());
    }
    return grid;
  }

  Landscape landscape() {
    if (landscape == null) {
      landscape = new Landscape(request.region(), profile, grid(), request.seed());
    }
    return landscape;
  }

  byte[] landCover(int year) {
    return landCovers.computeIfAbsent(year, y -> landscape().landCover(y));
  }

  /**
   * The scale-1 grid's land cover, which tabular families sample (where a tea garden or a forest parcel
   * lies) so that their rows do not change with the raster resolution.
   */
  Landscape baseLandscape() {
    if (request.scale() == 1) {
      return landscape();
    }
    if (baseLandscape == null) {
      baseGrid = new Grid(request.region(), 1);
      baseLandscape = new Landscape(request.region(), profile, baseGrid, request.seed());
    }
    return baseLandscape;
  }

  byte[] baseLandCover(int year) {
    if (request.scale() == 1) {
      return landCover(year);
    }
    return baseLandCovers.computeIfAbsent(year, y -> baseLandscape().landCover(y));
  }

  Weather weather() {
    if (weather == null) {
      weather = new Weather(request.region(), profile, request.seed());
    }
    return weather;
  }

  Vegetation vegetation() {
    if (vegetation == null) {
      vegetation = new Vegetation(request.region(), profile, request.seed());
    }
    return vegetation;
  }

  List<Enterprises.Enterprise> enterprises() {
    if (enterprises == null) {
      enterprises = Enterprises.registry(this);
    }
    return enterprises;
  }

  /** Elevation at a point from the scale-1 relief. */
  double elevation(double lon, double lat) {
    Landscape base = baseLandscape();
    int i = base.grid.indexOf(lon, lat);
    return i < 0 ? 5 : base.dem[i];
  }
}
