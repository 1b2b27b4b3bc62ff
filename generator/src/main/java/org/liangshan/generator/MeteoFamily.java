package org.liangshan.generator;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * {@code meteo/<yyyy>.csv}: daily records of the region's weather stations (district seats). Monthly totals
 * follow the same climate as the rasters at the station (same normals, same monthly anomalies); days add
 * wet/dry spells, AR(1) temperature noise and cloudiness on rainy days.
 */
final class MeteoFamily {
  private MeteoFamily() {}

  static void generate(Context context) {
    Weather weather = context.weather();
    RegionProfile.Climate climate = weather.climate();
    Output.Family family = context.output().family("meteo", context.request().years());
    for (int year = context.request().firstYear(); year <= context.request().lastYear(); year++) {
      try (Output.Csv csv =
          family.csv(
              "meteo/" + year + ".csv",
              "站号", "站名", "经度", "纬度", "日期", "平均气温(℃)", "降水量(mm)", "太阳总辐射(MJ/m²)", "相对湿度(%)", "平均风速(m/s)", "参考蒸散(mm)")) {
        for (RegionProfile.Station station : context.profile().stations()) {
          SplittableRandom random = context.rng("meteo", station.id(), Integer.toString(year));
          double elevation = context.elevation(station.lon(), station.lat());
          double tempNoise = 0;
          for (int month = 1; month <= 12; month++) {
            double[] anomaly = weather.anomaly(year, month);
            int days = Weather.days(year, month);
            double totalRain = weather.precipitation(station.lon(), station.lat(), elevation, month, anomaly);
            double totalRadiation = weather.radiation(station.lon(), station.lat(), month, anomaly);
            double wetProbability = Math.min(0.6, 0.08 + 0.0035 * climate.precipAnnualMm() * climate.precipFractions()[month - 1]);
            boolean[] wet = new boolean[days];
            double[] rain = new double[days];
            double rainSum = 0;
            boolean previous = false;
            for (int d = 0; d < days; d++) {
              double p = previous ? Math.min(0.85, wetProbability + 0.25) : wetProbability * 0.8;
              wet[d] = random.nextDouble() < p;
              previous = wet[d];
              if (wet[d]) {
                rain[d] = -Math.log(1 - random.nextDouble()) * (0.5 + random.nextDouble());
                rainSum += rain[d];
              }
            }
            if (rainSum == 0) {
              int d = random.nextInt(days);
              wet[d] = true;
              rain[d] = 1;
              rainSum = 1;
            }
            double[] sun = new double[days];
            double sunSum = 0;
            for (int d = 0; d < days; d++) {
              sun[d] = (wet[d] ? 0.55 : 1.1) * (0.9 + 0.2 * random.nextDouble());
              sunSum += sun[d];
            }
            for (int d = 0; d < days; d++) {
              LocalDate date = LocalDate.of(year, month, d + 1);
              double monthPosition = month + (d + 1 - days / 2.0) / days;
              tempNoise = 0.7 * tempNoise + 1.6 * Seeds.gaussian(random);
              double temperature =
                  weather.normalTemperature(station.lon(), station.lat(), elevation, monthPosition) + anomaly[0] + tempNoise - (wet[d] ? 1.0 : 0);
              double precipitation = rain[d] / rainSum * totalRain;
              double radiation = sun[d] / sunSum * totalRadiation;
              double rh = Math.min(99, Math.max(15, climate.rhPct()[month - 1] + (wet[d] ? 12 : -3) + 5 * Seeds.gaussian(random)));
              double wind = Math.max(0.2, climate.windMs() * (0.6 + 0.8 * random.nextDouble()));
              double et0 = Weather.pet(temperature, radiation, 1) * (1 + 0.004 * (60 - rh));
              csv.row(
                  station.id(),
                  station.name(),
                  Output.fixed(station.lon(), 4),
                  Output.fixed(station.lat(), 4),
                  date.toString(),
                  Output.fixed(temperature, 1),
                  Output.fixed(precipitation, 1),
                  Output.fixed(radiation, 2),
                  Output.fixed(rh, 0),
                  Output.fixed(wind, 1),
                  Output.fixed(Math.max(0.1, et0), 2));
            }
          }
        }
      }
    }
  }
}
