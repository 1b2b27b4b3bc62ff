package org.liangshan.geo.model;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.money.Money;
import org.liangshan.core.spec.SpecYaml;

/**
 * The eco-product catalogue (生态产品目录清单): the products declared once in {@value #RESOURCE}, and per district
 * each product's physical quantity and value taken from the district's GEP rows, so that a district's products of
 * a service add up to the service's value in {@code gold.gep_by_district} (docs/eco-product-catalogue.md).
 *
 * <p>A product is either a whole service (its quantity and value are the row's) or a part of one (material
 * products by sector and water supply: its value and quantity are the row's detail components named by {@code
 * value-part} and {@code quantity-part}). A service row with no product, a component no product claims, or a row
 * whose category is not the product's is refused: the catalogue would no longer reconcile.
 */
public final class EcoProductCatalogue {
  public static final String RESOURCE = "spec/eco-products.yaml";

  private static final ObjectMapper YAML = SpecYaml.strict().build();
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
  private static final Map<String, String> CATEGORY = Map.of("EPV", "material", "ERV", "regulating", "ECV", "cultural");

  /** One declared product. */
  public record Product(
      String id, String name, String category, String service, String valuePart, String quantityPart,
      String quantityUnit, String rightsHolder, boolean tradable, boolean pledgeable, boolean compensable, String basis) {
    public Product {
      requireNonNull(id, "id is missing");
      requireNonNull(name, "name is missing");
      requireNonNull(service, "service is missing");
      requireNonNull(rightsHolder, "rights-holder is missing");
      requireNonNull(basis, "basis is missing");
      if (!CATEGORY.containsValue(category)) {
        throw new IllegalArgumentException("category of " + id + " must be material, regulating or cultural, got " + category);
      }
      if (quantityPart != null && (valuePart == null || quantityUnit == null)) {
        throw new IllegalArgumentException("product " + id + " has a quantity-part without a value-part and a quantity-unit");
      }
    }
  }

  /** The declaration: its source and status, the rights holders' labels, the products. */
  public record Spec(String source, String status, Map<String, String> rightsHolders, List<Product> products) {
    public Spec {
      requireNonNull(source, "source is missing");
      requireNonNull(status, "status is missing");
      rightsHolders = Map.copyOf(rightsHolders);
      products = List.copyOf(products);
      for (Product product : products) {
        if (!rightsHolders.containsKey(product.rightsHolder())) {
          throw new IllegalArgumentException(
              "product " + product.id() + " names rights holder " + product.rightsHolder() + ", not one of rights-holders");
        }
      }
    }
  }

  /**
   * A district's product in a year.
   *
   * @param physicalQuantity empty when the statistics give a value only (material products by sector)
   */
  public record Entry(
      String districtCode, String district, Product product, Optional<Double> physicalQuantity,
      Optional<String> physicalUnit, BigDecimal valueYuan) {}

  private final Spec spec;

  private EcoProductCatalogue(Spec spec) {
    this.spec = spec;
  }

  /** The catalogue declared in {@value #RESOURCE}. */
  public static EcoProductCatalogue load() {
    String text = SpecYaml.resource(EcoProductCatalogue.class, RESOURCE);
    return new EcoProductCatalogue(SpecYaml.bind(YAML, RESOURCE, "the catalogue", SpecYaml.tree(YAML, RESOURCE, text), Spec.class));
  }

  public Spec spec() {
    return spec;
  }

  /** The label of a rights-holder type. */
  public String rightsHolderLabel(String type) {
    return spec.rightsHolders().get(type);
  }

  /** Every district's products, in the order of the service rows and of the declaration. */
  public List<Entry> entries(List<DistrictAccounts.ServiceRow> rows) {
    requireNonNull(rows, "rows is null");
    List<Entry> entries = new ArrayList<>();
    for (DistrictAccounts.ServiceRow row : rows) {
      List<Product> products = spec.products().stream().filter(p -> p.service().equals(row.service().id())).toList();
      if (products.isEmpty()) {
        throw LiangshanException.failure(
            "%s declares no eco-product for GEP service %s (district %s); add one so the catalogue reconciles to GEP.",
            RESOURCE, row.service().id(), row.district());
      }
      for (Product product : products) {
        if (!CATEGORY.get(row.category()).equals(product.category())) {
          throw LiangshanException.failure("%s: product %s is %s but GEP service %s is in category %s; correct one of them.",
              RESOURCE, product.id(), product.category(), row.service().id(), row.category());
        }
      }
      if (products.size() == 1 && products.get(0).valuePart() == null) {
        entries.add(new Entry(row.districtCode(), row.district(), products.get(0), Optional.of(row.physicalQuantity()),
            Optional.of(row.physicalUnit()), row.valueYuan()));
        continue;
      }
      entries.addAll(parts(row, products));
    }
    return List.copyOf(entries);
  }

  /** The products that are parts of a service, from its detail; a value component no product claims is refused. */
  private static List<Entry> parts(DistrictAccounts.ServiceRow row, List<Product> products) {
    Map<String, JsonNode> detail = new LinkedHashMap<>();
    try {
      JsonNode node = row.detail() == null ? JSON.createObjectNode() : JSON.readTree(row.detail());
      node.fields().forEachRemaining(field -> detail.put(field.getKey(), field.getValue()));
    } catch (IOException e) {
      throw LiangshanException.failure(e, "Detail of GEP row %s %s is not JSON: %s", row.district(), row.service().id(), row.detail());
    }
    for (String component : detail.keySet()) {
      boolean claimed = products.stream().anyMatch(p -> component.equals(p.valuePart()) || component.equals(p.quantityPart()));
      if (component.endsWith("_yuan") && !claimed) {
        throw LiangshanException.failure("%s declares no eco-product for %s of GEP service %s (district %s); add one.",
            RESOURCE, component, row.service().id(), row.district());
      }
    }
    List<Entry> entries = new ArrayList<>();
    for (Product product : products) {
      JsonNode value = detail.get(product.valuePart());
      if (value == null) {
        continue;
      }
      JsonNode quantity = product.quantityPart() == null ? null : detail.get(product.quantityPart());
      entries.add(new Entry(row.districtCode(), row.district(), product,
          quantity == null ? Optional.empty() : Optional.of(quantity.doubleValue()),
          quantity == null ? Optional.empty() : Optional.of(product.quantityUnit()),
          Money.cny(value.decimalValue()).atStorageScale().amount()));
    }
    return entries;
  }
}
