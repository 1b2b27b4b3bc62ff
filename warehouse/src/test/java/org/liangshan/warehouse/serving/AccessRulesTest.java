package org.liangshan.warehouse.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The generated rules, read the way Trino's file-based access control reads them: the first table rule whose
 * user, catalog, schema and table expressions all match decides; no match is a denial. (The integration test
 * TrinoServingIT proves the same through a real Trino.)
 */
class AccessRulesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final JsonNode rules = read(new AccessRules(List.of("TJ-B01", "LY-B02", "LY-B01")));

  private static JsonNode read(AccessRules accessRules) {
    try {
      return JSON.readTree(accessRules.json());
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  /** The first matching table rule, as Trino picks it. */
  private Optional<JsonNode> tableRule(String user, String schema, String table) {
    for (JsonNode rule : rules.path("tables")) {
      if (user.matches(rule.path("user").asText(".*")) && "delta".matches(rule.path("catalog").asText(".*"))
          && schema.matches(rule.path("schema").asText(".*")) && table.matches(rule.path("table").asText(".*"))) {
        return Optional.of(rule);
      }
    }
    return Optional.empty();
  }

  private List<String> privileges(String user, String schema, String table) {
    List<String> privileges = new ArrayList<>();
    tableRule(user, schema, table).ifPresent(r -> r.path("privileges").forEach(p -> privileges.add(p.asText())));
    return privileges;
  }

  private Optional<String> filter(String user, String schema, String table) {
    return tableRule(user, schema, table).map(r -> r.path("filter")).filter(f -> !f.isMissingNode()).map(JsonNode::asText);
  }

  @Test
  void usersAreTheServiceLeadershipTheFinanceBureauAndOnePerBank() {
    assertThat(new AccessRules(List.of("TJ-B01", "LY-B02", "LY-B01")).users())
        .containsExactly("platform", "leadership", "finance_bureau", "bank_ly_b01", "bank_ly_b02", "bank_tj_b01");
    assertThat(AccessRules.bankUser("LY-B01")).isEqualTo("bank_ly_b01");
  }

  @Test
  void aBankReadsOnlyItsOwnValuationRows() {
    assertThat(privileges("bank_ly_b01", "gold", "collateral_valuation")).containsExactly("SELECT");
    assertThat(filter("bank_ly_b01", "gold", "collateral_valuation")).contains("bank_id = 'LY-B01'");
    assertThat(filter("bank_ly_b01", "gold", "margin_calls")).contains("bank_id = 'LY-B01'");
    assertThat(filter("bank_tj_b01", "marts", "collateral_valuations")).contains("bank_id = 'TJ-B01'");
    assertThat(filter("bank_ly_b02", "marts", "green_finance_by_bank")).contains("bank_id = 'LY-B02'");
    assertThat(filter("bank_ly_b02", "marts", "collateral_stress")).contains("bank_id = 'LY-B02'");
    // ... and nothing else: no ledger, no GEP, no silver, no other mart.
    assertThat(privileges("bank_ly_b01", "gold", "compensation_ledger")).isEmpty();
    assertThat(privileges("bank_ly_b01", "gold", "gep_by_district")).isEmpty();
    assertThat(privileges("bank_ly_b01", "silver", "loans")).isEmpty();
    assertThat(privileges("bank_ly_b01", "marts", "compensation_flows")).isEmpty();
    // A bank user the rules do not know reads nothing.
    assertThat(privileges("bank_xx_b09", "gold", "collateral_valuation")).isEmpty();
  }

  @Test
  void theFinanceBureauReadsLedgersAndGepButNoValuations() {
    assertThat(privileges("finance_bureau", "gold", "compensation_ledger")).containsExactly("SELECT");
    assertThat(privileges("finance_bureau", "gold", "compensation_postings")).containsExactly("SELECT");
    assertThat(privileges("finance_bureau", "marts", "compensation_flows")).containsExactly("SELECT");
    assertThat(privileges("finance_bureau", "marts", "gep_by_district")).containsExactly("SELECT");
    assertThat(filter("finance_bureau", "gold", "compensation_ledger")).isEmpty();
    assertThat(privileges("finance_bureau", "gold", "collateral_valuation")).isEmpty();
    assertThat(privileges("finance_bureau", "marts", "collateral_valuations")).isEmpty();
  }

  @Test
  void leadershipReadsGoldAndMartsButNotSilver() {
    assertThat(privileges("leadership", "gold", "collateral_valuation")).containsExactly("SELECT");
    assertThat(filter("leadership", "gold", "collateral_valuation")).isEmpty();
    assertThat(privileges("leadership", "marts", "carbon_sink_map")).containsExactly("SELECT");
    assertThat(privileges("leadership", "silver", "loans")).isEmpty();
  }

  @Test
  void leadershipReadsTheDataQualityReportsButNoOtherOpsTableAndNeitherBanksNorTheBureauDo() {
    for (String table : List.of("dq_completeness", "dq_deliveries", "dq_quarantine_rates")) {
      assertThat(privileges("leadership", "ops", table)).as(table).containsExactly("SELECT");
      assertThat(privileges("bank_ly_b01", "ops", table)).as(table).isEmpty();
      assertThat(privileges("finance_bureau", "ops", table)).as(table).isEmpty();
    }
    assertThat(privileges("leadership", "ops", "run_log")).isEmpty();
    assertThat(privileges("leadership", "ops", "quarantine")).isEmpty();
    assertThat(privileges("bank_ly_b01", "marts", "data_quality_completeness")).isEmpty();
  }

  @Test
  void onlyTheServiceUserWritesOwnsOrRunsProcedures() {
    for (JsonNode rule : rules.path("tables")) {
      List<String> privileges = new ArrayList<>();
      rule.path("privileges").forEach(p -> privileges.add(p.asText()));
      if (!rule.path("user").asText().equals("platform")) {
        assertThat(privileges).as(rule.toString()).containsExactly("SELECT");
      }
    }
    assertThat(privileges("platform", "gold", "anything")).contains("INSERT", "DELETE", "UPDATE", "OWNERSHIP", "GRANT_SELECT");
    JsonNode schemas = rules.path("schemas");
    assertThat(schemas).hasSize(1);
    assertThat(schemas.get(0).path("user").asText()).isEqualTo("platform");
    assertThat(schemas.get(0).path("owner").asBoolean()).isTrue();
    JsonNode procedures = rules.path("procedures");
    assertThat(procedures).hasSize(1);
    assertThat(procedures.get(0).path("user").asText()).isEqualTo("platform");
    // Everyone else sees the delta catalog read-only, whatever a table rule says.
    JsonNode catalogs = rules.path("catalogs");
    assertThat(catalogs.get(0).path("user").asText()).isEqualTo("platform");
    assertThat(catalogs.get(1).path("catalog").asText()).isEqualTo("delta");
    assertThat(catalogs.get(1).path("allow").asText()).isEqualTo("read-only");
    assertThat(catalogs.get(1).has("user")).isFalse();
  }

  @Test
  void bankIdsThatCannotBecomeUsersAreRefused() {
    assertThatThrownBy(() -> new AccessRules(List.of("LY B01")))
        .hasMessage("Bank id 'LY B01' cannot become a Trino user (expected letters, digits, '-' or '_', at most 63).");
    assertThatThrownBy(() -> new AccessRules(List.of("x'; DROP")))
        .hasMessageContaining("cannot become a Trino user");
    assertThatThrownBy(() -> new AccessRules(List.of("LY-B01", "ly_b01")))
        .hasMessageContaining("map to the same Trino user");
  }

  @Test
  void anExistingTrinosServiceAccountTakesThePlatformsPlaceInEveryServiceRule() throws Exception {
    AccessRules remote = new AccessRules(List.of("LY-B01"), "lake_admin");
    assertThat(remote.users()).containsExactly("lake_admin", "leadership", "finance_bureau", "bank_ly_b01");
    JsonNode json = read(remote);
    // The same rules as the local server's with the service user renamed, and no rule left for 'platform'.
    assertThat(json.toString().replace("lake_admin", "platform")).isEqualTo(read(new AccessRules(List.of("LY-B01"))).toString());
    assertThat(json.toString()).doesNotContain("\"platform\"");
    assertThat(json.path("tables").get(0).path("user").asText()).isEqualTo("lake_admin");
    assertThat(json.path("tables").get(0).path("privileges").toString()).contains("OWNERSHIP");
    assertThatThrownBy(() -> new AccessRules(List.of(), "leadership")).hasMessageContaining("cannot be the platform's service user");
    assertThatThrownBy(() -> new AccessRules(List.of(), "bank_x")).hasMessageContaining("cannot be the platform's service user");
    assertThatThrownBy(() -> new AccessRules(List.of(), "Admin.*")).hasMessageContaining("cannot be the platform's service user");
    assertThat(AccessRules.accessControlProperties("/etc/trino/rules.json"))
        .isEqualTo("access-control.name=file\nsecurity.config-file=/etc/trino/rules.json\nsecurity.refresh-period=1m\n");
  }
}
