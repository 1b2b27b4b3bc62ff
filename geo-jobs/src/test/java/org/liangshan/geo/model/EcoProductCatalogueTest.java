package org.liangshan.geo.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.liangshan.core.LiangshanException;

/** The catalogue's split of GEP rows into products, and its refusals (no Spark). */
class EcoProductCatalogueTest {
  private final EcoProductCatalogue catalogue = EcoProductCatalogue.load();

  @Test
  void materialProductsSplitIntoTheirSectorsAndWaterAndAddUpToTheService() {
    DistrictAccounts.ServiceRow row = row(GepService.MATERIAL_PRODUCTS, "EPV", "1560000",
        "{\"agriculture_yuan\":1000000,\"fishery_yuan\":300000,\"water_supply_m3\":100000.0,\"water_supply_yuan\":260000}");

    List<EcoProductCatalogue.Entry> entries = catalogue.entries(List.of(row));

    assertThat(entries).extracting(e -> e.product().id())
        .containsExactly("agricultural_products", "fishery_products", "water_supply");
    assertThat(entries.stream().map(EcoProductCatalogue.Entry::valueYuan).reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualByComparingTo(row.valueYuan());
    assertThat(entries.get(0).physicalQuantity()).isEmpty();
    assertThat(entries.get(2).physicalQuantity()).contains(100_000.0);
    assertThat(entries.get(2).physicalUnit()).contains("m3");
  }

  @Test
  void aWholeServiceIsOneProductWithTheRowsQuantity() {
    List<EcoProductCatalogue.Entry> entries = catalogue.entries(List.of(row(GepService.CARBON_FIXATION, "ERV", "38000", null)));

    assertThat(entries).singleElement().satisfies(e -> {
      assertThat(e.product().id()).isEqualTo("carbon_fixation");
      assertThat(e.physicalQuantity()).contains(100.0);
      assertThat(e.physicalUnit()).contains("t_c");
      assertThat(e.product().pledgeable()).isTrue();
    });
  }

  @Test
  void refusesAComponentNoProductClaims() {
    DistrictAccounts.ServiceRow row = row(GepService.MATERIAL_PRODUCTS, "EPV", "10", "{\"mining_yuan\":10}");

    assertThatThrownBy(() -> catalogue.entries(List.of(row)))
        .isInstanceOf(LiangshanException.class)
        .hasMessage("spec/eco-products.yaml declares no eco-product for mining_yuan of GEP service material_products"
            + " (district West); add one.");
  }

  @Test
  void refusesARowWhoseCategoryIsNotTheProducts() {
    assertThatThrownBy(() -> catalogue.entries(List.of(row(GepService.CLIMATE_REGULATION, "ECV", "1", null))))
        .isInstanceOf(LiangshanException.class)
        .hasMessage("spec/eco-products.yaml: product climate_regulation is regulating but GEP service climate_regulation"
            + " is in category ECV; correct one of them.");
  }

  @Test
  void everyServiceHasAProductAndEveryProductARightsHolderLabel() {
    for (GepService service : GepService.values()) {
      assertThat(catalogue.spec().products()).as(service.id()).anyMatch(p -> p.service().equals(service.id()));
    }
    for (EcoProductCatalogue.Product product : catalogue.spec().products()) {
      assertThat(catalogue.rightsHolderLabel(product.rightsHolder())).as(product.id()).isNotBlank();
    }
  }

  private static DistrictAccounts.ServiceRow row(GepService service, String category, String value, String detail) {
    return new DistrictAccounts.ServiceRow("900001", "West", service, category, 100.0, service.physicalUnit(),
        new BigDecimal(value), detail);
  }
}
