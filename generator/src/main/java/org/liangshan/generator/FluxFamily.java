package org.liangshan.generator;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.liangshan.core.region.FluxTower;

/**
 * {@code flux/towers.csv} and {@code flux/<tower>_<yyyy>.csv}: half-hourly FLUXNET-style records. SW_IN from
 * solar geometry and daily cloudiness; TA with a diurnal cycle around the station climate; GPP as a
 * rectangular hyperbola of light scaled by phenology (the class's NDVI curve), temperature and VPD; ecosystem
 * respiration by Lloyd–Taylor (T_ref 288.15 K, T0 227.13 K, per-tower R_ref 1.5–3 µmol m⁻² s⁻¹ and E0
 * 150–250 K); NEE = Reco − GPP. Gaps: runs of missing eddy-covariance records (NEE, LE, H, USTAR = -9999,
 * about 10–20 % in all), some gap-filled records (NEE_QC 1–3), low-u* nights.
 */
final class FluxFamily {
  static final String MISSING = "-9999";
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmm");

  private FluxFamily() {}

  static void generate(Context context) {
    Output.Family family =
        context.output().family("flux", 1 + context.region().fluxTowers().size() * context.request().years());
    try (Output.Csv csv = family.csv("flux/towers.csv", "站点编码", "站点名称", "经度", "纬度", "植被类型")) {
      for (FluxTower tower : context.region().fluxTowers()) {
        csv.row(tower.id(), tower.name(), Output.fixed(tower.lon(), 4), Output.fixed(tower.lat(), 4), tower.vegClass());
      }
    }
    for (FluxTower tower : context.region().fluxTowers()) {
      for (int year = context.request().firstYear(); year <= context.request().lastYear(); year++) {
        write(context, family, tower, year);
      }
    }
  }

  private static void write(Context context, Output.Family family, FluxTower tower, int year) {
    SplittableRandom random = context.rng("flux", tower.id(), Integer.toString(year));
    SplittableRandom params = context.rng("flux", tower.id());
    double rRef = Seeds.uniform(params, 1.5, 3.0);
    double e0 = Seeds.uniform(params, 150, 250);
    boolean forest = Landscape.isForest(Landscape.code(tower.vegClass()));
    double pMax = switch (tower.vegClass()) {
      case "CROP" -> Seeds.uniform(params, 28, 34);
      case "WETLAND" -> Seeds.uniform(params, 16, 20);
      default -> forest ? Seeds.uniform(params, 24, 30) : Seeds.uniform(params, 15, 20);
    };
    double alpha = 0.045;
    Weather weather = context.weather();
    Vegetation vegetation = context.vegetation();
    double elevation = context.elevation(tower.lon(), tower.lat());
    int code = Landscape.code(tower.vegClass()) & 0xFF;
    double ndviMax = 0.85;
    double ndviMin = vegetation.ndvi(code, 1, tower.lon(), tower.lat(), 0, 0);
    try (Output.Csv csv =
        family.csv(
            "flux/" + tower.id() + "_" + year + ".csv",
            "TIMESTAMP_START", "TIMESTAMP_END", "NEE", "NEE_QC", "LE", "H", "TA", "SW_IN", "VPD", "USTAR")) {
      LocalDateTime start = LocalDate.of(year, 1, 1).atStartOfDay();
      LocalDateTime end = LocalDate.of(year, 1, 1).plusMonths(context.monthsPerYear()).atStartOfDay();
      double taNoise = 0;
      int gapLeft = 0;
      double cloud = 1;
      double rh = 0.7;
      boolean lowUstarNight = false;
      for (LocalDateTime t = start; t.isBefore(end); t = t.plusMinutes(30)) {
        int month = t.getMonthValue();
        double hour = t.getHour() + t.getMinute() / 60.0 + 0.25;
        if (t.getHour() == 0 && t.getMinute() == 0) {
          double[] anomaly = weather.anomaly(year, month);
          double wetness = anomaly[1] * weather.climate().precipFractions()[month - 1] * 12;
          cloud = random.nextDouble() < Math.min(0.7, 0.15 + 0.3 * wetness) ? Seeds.uniform(random, 0.25, 0.6) : Seeds.uniform(random, 0.75, 1.0);
          rh = Math.min(0.95, weather.climate().rhPct()[month - 1] / 100 + (cloud < 0.7 ? 0.1 : -0.03));
          lowUstarNight = random.nextDouble() < 0.3;
        }
        double dayOfMonth = (t.getDayOfMonth() - 15.0) / 30.0;
        double monthPosition = month + dayOfMonth;
        double[] anomaly = weather.anomaly(year, month);
        double dailyMean = weather.normalTemperature(tower.lon(), tower.lat(), elevation, monthPosition) + anomaly[0];
        taNoise = 0.98 * taNoise + 0.25 * Seeds.gaussian(random);
        double ta = dailyMean + 4.5 * Math.sin(2 * Math.PI * (hour - 9) / 24) * (0.5 + 0.5 * cloud) + taNoise;
        double swIn = shortwave(tower.lon(), tower.lat(), t.getDayOfYear(), hour) * 0.78 * cloud;
        double es = 6.112 * Math.exp(17.67 * ta / (ta + 243.5));
        double rhNow = Math.max(0.15, Math.min(0.99, rh - 0.18 * Math.sin(2 * Math.PI * (hour - 9) / 24)));
        double vpd = es * (1 - rhNow);
        double ndvi = vegetation.ndvi(code, month, tower.lon(), tower.lat(), 0, 0);
        double phenology = Math.max(0.02, (ndvi - ndviMin * 0.8) / (ndviMax - ndviMin * 0.8));
        double par = swIn * 2.1;
        double tempLimit = ta <= 0 ? 0 : Math.min(1, ta / 15) * (ta > 33 ? Math.max(0, 1 - (ta - 33) / 10) : 1);
        double vpdLimit = vpd > 10 ? Math.exp(-0.05 * (vpd - 10)) : 1;
        double gpp = swIn > 5 ? pMax * alpha * par / (alpha * par + pMax) * phenology * tempLimit * vpdLimit : 0;
        double reco = rRef * (0.6 + 0.5 * phenology) * Math.exp(e0 * (1 / (288.15 - 227.13) - 1 / (ta + 273.15 - 227.13)));
        double nee = reco - gpp;
        double rn = 0.72 * swIn - (swIn > 5 ? 20 : 45 * cloud);
        double evaporativeFraction = Math.min(0.85, 0.25 + 0.6 * phenology) * (ta > 0 ? 1 : 0.4);
        double le = rn > 0 ? evaporativeFraction * rn * 0.9 : 5 + 5 * random.nextDouble();
        double h = rn > 0 ? (1 - evaporativeFraction) * rn * 0.9 : rn * 0.6;
        boolean night = swIn <= 5;
        double ustar = night ? (lowUstarNight ? Seeds.uniform(random, 0.03, 0.12) : Seeds.uniform(random, 0.12, 0.35)) : Seeds.uniform(random, 0.2, 0.65);
        if (gapLeft == 0 && random.nextDouble() < 0.006) {
          gapLeft = 4 + random.nextInt(45);
        }
        boolean gap = gapLeft > 0;
        if (gap) {
          gapLeft--;
        }
        String neeText;
        String qcText;
        String leText;
        String hText;
        String ustarText;
        if (gap) {
          neeText = MISSING;
          qcText = MISSING;
          leText = MISSING;
          hText = MISSING;
          ustarText = MISSING;
        } else {
          double filled = random.nextDouble();
          int qc = filled < 0.93 ? 0 : filled < 0.96 ? 1 : filled < 0.985 ? 2 : 3;
          double noise = qc == 0 ? (0.8 + 0.12 * Math.abs(nee)) * Seeds.gaussian(random) : 0;
          neeText = Output.fixed(nee + noise, 3);
          qcText = Integer.toString(qc);
          leText = Output.fixed(le + 8 * Seeds.gaussian(random), 1);
          hText = Output.fixed(h + 8 * Seeds.gaussian(random), 1);
          ustarText = Output.fixed(ustar, 3);
        }
        boolean metGap = random.nextDouble() < 0.01;
        csv.row(
            t.format(STAMP),
            t.plusMinutes(30).format(STAMP),
            neeText,
            qcText,
            leText,
            hText,
            metGap ? MISSING : Output.fixed(ta, 2),
            metGap ? MISSING : Output.fixed(Math.max(0, swIn), 1),
            metGap ? MISSING : Output.fixed(vpd, 2),
            ustarText);
      }
    }
  }

  /** Clear-sky top-of-atmosphere shortwave on a horizontal surface, W m⁻², at China Standard Time. */
  static double shortwave(double lon, double lat, int dayOfYear, double clockHour) {
    double declination = Math.toRadians(23.44) * Math.sin(2 * Math.PI * (284 + dayOfYear) / 365.0);
    double solarHour = clockHour + (lon - 120) / 15.0;
    double hourAngle = Math.toRadians(15 * (solarHour - 12));
    double phi = Math.toRadians(lat);
    double cosZenith = Math.sin(phi) * Math.sin(declination) + Math.cos(phi) * Math.cos(declination) * Math.cos(hourAngle);
    return cosZenith <= 0 ? 0 : 1361 * (1 + 0.033 * Math.cos(2 * Math.PI * dayOfYear / 365.0)) * cosZenith;
  }
}
