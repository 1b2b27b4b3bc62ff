package org.liangshan.core.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.liangshan.core.LiangshanException;
import org.junit.jupiter.api.Test;

class RegionsTest {
  @Test
  void liyangIsOneCountyWithItsZonesAndSections() {
    Region liyang = Regions.load("liyang");
    assertThat(liyang.districts()).extracting(District::name).containsExactly("溧阳市");
    assertThat(liyang.neighbours()).extracting(District::name).containsExactlyInAnyOrder("金坛区", "武进区");
    assertThat(liyang.zones()).hasSize(3);
    assertThat(liyang.metricCrs()).isEqualTo("EPSG:32650");
    assertThat(liyang.parameterSetVersion()).isEqualTo("liyang-2025.1");
    // Every section lies inside the county and inside the zone it names.
    for (MonitoringSection section : liyang.sections()) {
      assertThat(liyang.boundary().contains(GeoJson.WGS84.createPoint(new org.locationtech.jts.geom.Coordinate(section.lon(), section.lat()))))
          .as(section.id())
          .isTrue();
      assertThat(liyang.zoneAt(section.lon(), section.lat())).get().extracting(WaterFunctionZone::id).isEqualTo(section.zoneId());
    }
  }

  @Test
  void tianjinHasSixteenValidDistrictsIncludingTheJizhouFix() {
    Region tianjin = Regions.load("tianjin");
    assertThat(tianjin.districts()).hasSize(16);
    assertThat(tianjin.districts()).allSatisfy(d -> assertThat(d.boundary().isValid()).as(d.name()).isTrue());
    District jizhou = tianjin.districts().stream().filter(d -> d.nameEn().equals("Jizhou")).findFirst().orElseThrow();
    assertThat(jizhou.boundary().getArea()).isGreaterThan(0.1); // about 1,590 km² in degrees² at 40°N
    for (MonitoringSection section : tianjin.sections()) {
      assertThat(tianjin.zoneAt(section.lon(), section.lat())).get().extracting(WaterFunctionZone::id).as(section.id()).isEqualTo(section.zoneId());
    }
  }

  @Test
  void zonesDeclareTheirUpstreamBoundarySectionWhereTheRegionKnowsIt() {
    // Tianjin: Yuqiao Reservoir's inflow (Lihe Bridge, Luan River diversion), the North Canal's inflow from
    // Beijing (Tumenlou), and Sanchakou, the head of the Haihe mainstem; the other zones, and all of Liyang's,
    // declare none and take C0 at their own sections (flagged in gold.zone_capacity.c0_source).
    assertThat(Regions.load("tianjin").zones())
        .extracting(z -> z.id() + " " + z.upstreamSection().orElse("-"))
        .containsExactly("TJ-WFZ-01 TJ-S01", "TJ-WFZ-02 -", "TJ-WFZ-03 TJ-S03", "TJ-WFZ-04 TJ-S04", "TJ-WFZ-05 -",
            "TJ-WFZ-06 -");
    assertThat(Regions.load("liyang").zones()).allSatisfy(z -> assertThat(z.upstreamSection()).isEmpty());
  }

  @Test
  void unknownRegionIsBadInputNamingTheKnownOnes() {
    assertThatThrownBy(() -> Regions.load("beijing"))
        .isInstanceOf(LiangshanException.class)
        .hasMessage("Unknown region 'beijing'. Known regions: liyang, tianjin.")
        .extracting(e -> ((LiangshanException) e).kind())
        .isEqualTo(LiangshanException.Kind.BAD_INPUT);
  }
}
