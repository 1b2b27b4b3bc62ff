package org.liangshan.core.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.liangshan.core.param.ParameterSet;

class FluxTowerYearTest {
  private static final FluxTowerYear.Settings SETTINGS = FluxTowerYear.Settings.of(ParameterSet.defaults());
  private static final double R_REF = 2.0;
  private static final double E0 = 200;
  private static final double GPP_PEAK = 12.0;

  @Test
  void settingsComeFromTheParameterSet() {
    assertThat(SETTINGS.ustarThresholdMS()).isEqualTo(0.1);
    assertThat(SETTINGS.gapFillWindowDays()).isEqualTo(7);
    assertThat(SETTINGS.e0MinK()).isEqualTo(30);
    assertThat(SETTINGS.e0MaxK()).isEqualTo(450);
    assertThat(SETTINGS.minMonthCoverage()).isEqualTo(0.8);
  }

  /** Clean June: E0 and R_ref come back exactly, and the GPP and Reco sums are those generated. */
  @Test
  void aCleanMonthGivesBackItsRespirationAndGpp() {
    List<FluxCalibration.HalfHour> records = month(2024, 6, 30, false);
    FluxTowerYear.Result result = FluxTowerYear.process(records, SETTINGS);

    assertThat(result.e0K()).isEqualTo(E0);
    assertThat(result.ustarFiltered()).isZero();
    assertThat(result.gapFilled()).isZero();
    assertThat(result.months()).hasSize(1);
    FluxTowerYear.Month june = result.months().get(0);
    assertThat(june.rRef()).isCloseTo(R_REF, within(1e-9));
    double gpp = 0;
    double reco = 0;
    for (FluxCalibration.HalfHour r : records) {
      gpp += FluxCalibration.umolToGramsCarbon(gpp(r.slot()), 1800);
      reco += FluxCalibration.umolToGramsCarbon(Casa.lloydTaylorReco(R_REF, E0, r.tAirC(), 288.15, 227.13), 1800);
    }
    assertThat(june.gppGcM2()).isCloseTo(gpp, within(gpp * 1e-9));
    assertThat(june.recoGcM2()).isCloseTo(reco, within(reco * 1e-9));
  }

  /** Weak-turbulence nights with under-measured NEE are dropped, so respiration is not biased low. */
  @Test
  void theUstarFilterDropsUnderMeasuredNights() {
    List<FluxCalibration.HalfHour> records = month(2024, 7, 31, true);
    long weak = records.stream().filter(r -> r.night() && r.ustarMS() < 0.1).count();
    FluxTowerYear.Result result = FluxTowerYear.process(records, SETTINGS);

    assertThat(weak).isPositive();
    assertThat(result.ustarFiltered()).isEqualTo((int) weak);
    assertThat(result.gapFilled()).isEqualTo((int) weak);
    assertThat(result.stillMissing()).isZero();
    assertThat(result.e0K()).isEqualTo(E0);
    assertThat(result.months().get(0).rRef()).isCloseTo(R_REF, within(1e-9));
    assertThat(result.measured() - result.ustarFiltered() + result.gapFilled() + result.stillMissing())
        .isEqualTo(result.records());
  }

  /** A month covered on 10 of 31 days (under 80 %) gets no tower GPP rather than a scaled-up guess. */
  @Test
  void aPoorlyCoveredMonthHasNoValue() {
    List<FluxCalibration.HalfHour> records = new ArrayList<>(month(2024, 6, 30, false));
    records.addAll(month(2024, 7, 10, false));
    FluxTowerYear.Result result = FluxTowerYear.process(records, SETTINGS);

    assertThat(result.months()).extracting(FluxTowerYear.Month::month).containsExactly(6, 7);
    assertThat(result.months().get(0).hasValue()).isTrue();
    assertThat(result.months().get(1).hasValue()).isFalse();
    assertThat(result.months().get(1).rRef()).isCloseTo(R_REF, within(1e-9));
  }

  @Test
  void evaluationOfAPublishedEpsMaxAtATower() {
    List<FluxCalibration.Pair> pairs =
        List.of(new FluxCalibration.Pair(1, 2), new FluxCalibration.Pair(2, 4), new FluxCalibration.Pair(3, 7));
    FluxCalibration.Fit fit = FluxTowerYear.evaluate(2, pairs);
    // errors 0, 0, -1: SS_res 1, mean 13/3, SS_tot = (7/3)² + (1/3)² + (8/3)² = 114/9
    assertThat(fit.rSquared()).isCloseTo(1 - 9.0 / 114, within(1e-12));
    assertThat(fit.rmse()).isCloseTo(Math.sqrt(1.0 / 3), within(1e-12));
    assertThat(fit.bias()).isCloseTo(-1.0 / 3, within(1e-12));
    assertThat(fit.n()).isEqualTo(3);
  }

  /** Days 1..days of a month: NEE = Lloyd–Taylor Reco − a daylight GPP; every 4th night weak. */
  private static List<FluxCalibration.HalfHour> month(int year, int month, int days, boolean weakNights) {
    List<FluxCalibration.HalfHour> records = new ArrayList<>();
    for (int d = 1; d <= days; d++) {
      int day = (int) LocalDate.of(year, month, d).toEpochDay();
      boolean weak = weakNights && d % 4 == 0;
      for (int slot = 0; slot < 48; slot++) {
        double hour = slot / 2.0 + 0.25;
        double ta = 20 + 5 * Math.sin(2 * Math.PI * (hour - 9) / 24) + 0.2 * (d % 7);
        double reco = Casa.lloydTaylorReco(R_REF, E0, ta, 288.15, 227.13);
        boolean night = gpp(slot) == 0;
        double nee = night && weak ? 0.2 * reco : reco - gpp(slot);
        records.add(new FluxCalibration.HalfHour(day, slot, nee, ta, night && weak ? 0.04 : 0.3, night));
      }
    }
    return records;
  }

  private static double gpp(int slot) {
    double hour = slot / 2.0 + 0.25;
    return hour > 6 && hour < 18 ? GPP_PEAK * Math.sin(Math.PI * (hour - 6) / 12) : 0;
  }
}
