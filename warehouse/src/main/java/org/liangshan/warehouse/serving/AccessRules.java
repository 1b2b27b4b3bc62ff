package org.liangshan.warehouse.serving;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.liangshan.core.LiangshanException;

/**
 * Who may read what through Trino, as the rules of its file-based access control. Users and what they get:
 *
 * <ul>
 *   <li>{@value #SERVICE}: the platform's service account; the only user that writes, creates schemas and views,
 *       registers tables ({@code delta.system.register_table}) or sees other users' queries.
 *   <li>{@value #LEADERSHIP}: reads every gold table and every mart (the dashboards), and the data-quality
 *       reports {@code ops.dq_*} (the operations dashboard); not the other ops tables.
 *   <li>{@value #FINANCE_BUREAU}: reads the compensation ledger and its postings, the compensation mart, and GEP
 *       (the basis of GEP-keyed transfers); no bank's valuations.
 *   <li>{@code bank_<id>} (one per bank, e.g. {@code bank_ly_b01} for LY-B01): reads the collateral valuations,
 *       margin calls, stress results and finance marts of its own loans only: every table it may read carries a row filter
 *       {@code bank_id = '<id>'}; nothing else.
 * </ul>
 *
 * Everything not granted is denied (Trino applies the first matching rule; no match is a denial). Readers get
 * the {@code delta} catalog read-only, so even a mistaken table privilege could not let them write.
 */
public final class AccessRules {
  public static final String SERVICE = "platform";
  public static final String LEADERSHIP = "leadership";
  public static final String FINANCE_BUREAU = "finance_bureau";
  public static final String BANK_PREFIX = "bank_";
  /** Tables a bank may read, each with a {@code bank_id} column its rows are filtered on. */
  static final List<String[]> BANK_TABLES = List.of(
      new String[] {"gold", "collateral_valuation"},
      new String[] {"gold", "collateral_haircuts"},
      new String[] {"gold", "margin_calls"},
      new String[] {"marts", "collateral_valuations"},
      new String[] {"marts", "collateral_stress"},
      new String[] {"marts", "green_finance_by_bank"},
      new String[] {"marts", "bank_scores"});
  /** Tables the finance bureau may read. */
  static final List<String[]> FINANCE_BUREAU_TABLES = List.of(
      new String[] {"gold", "compensation_ledger|compensation_postings|gep_by_district"},
      new String[] {"marts", "compensation_flows|gep_by_district"});
  private static final Pattern BANK_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,62}");
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final List<String> bankIds;
  private final String service;

  /** Rules for these banks (ids as in {@code silver.banks}). */
  public AccessRules(List<String> bankIds) {
    this(bankIds, SERVICE);
  }

  /**
   * Rules for these banks with another service user than {@value #SERVICE}: an existing Trino's account the
   * platform registers tables and creates the marts with ({@code warehouse start --url ... --user NAME}).
   */
  public AccessRules(List<String> bankIds, String serviceUser) {
    requireNonNull(serviceUser, "serviceUser is null");
    if (!serviceUser.matches("[a-z0-9_]+") || List.of(LEADERSHIP, FINANCE_BUREAU).contains(serviceUser)
        || serviceUser.startsWith(BANK_PREFIX)) {
      throw LiangshanException.badInput("Trino user '%s' cannot be the platform's service user in the access rules "
          + "(expected lower-case letters, digits and '_', and not a reader's name).", serviceUser);
    }
    this.service = serviceUser;
    for (String id : bankIds) {
      if (!BANK_ID.matcher(id).matches()) {
        throw LiangshanException.badInput(
            "Bank id '%s' cannot become a Trino user (expected letters, digits, '-' or '_', at most 63).", id);
      }
    }
    this.bankIds = bankIds.stream().distinct().sorted().toList();
    List<String> users = this.bankIds.stream().map(AccessRules::bankUser).toList();
    if (users.stream().distinct().count() != users.size()) {
      throw LiangshanException.badInput("Bank ids %s map to the same Trino user (user names are lower case).", this.bankIds);
    }
  }

  /** The Trino user of a bank: {@code bank_} and the id in lower case with '-' as '_' (LY-B01: bank_ly_b01). */
  public static String bankUser(String bankId) {
    return BANK_PREFIX + bankId.toLowerCase(Locale.ROOT).replace('-', '_');
  }

  public List<String> bankIds() {
    return bankIds;
  }

  /** Every user the rules know, service user first. */
  public List<String> users() {
    List<String> users = new ArrayList<>(List.of(service, LEADERSHIP, FINANCE_BUREAU));
    bankIds.stream().map(AccessRules::bankUser).forEach(users::add);
    return users;
  }

  /**
   * What an operator installs on an existing Trino's coordinator for these rules: its
   * {@code etc/access-control.properties}, with the rules file at {@code rulesPath} on that machine.
   */
  public static String accessControlProperties(String rulesPath) {
    return "access-control.name=file\nsecurity.config-file=" + rulesPath + "\nsecurity.refresh-period=1m\n";
  }

  /** The rules as Trino's {@code rules.json}. */
  public String json() {
    try {
      return JSON.writeValueAsString(rules()) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  Map<String, Object> rules() {
    String service = exact(this.service);
    Map<String, Object> rules = new LinkedHashMap<>();
    rules.put("catalogs", List.of(
        Map.of("user", service, "catalog", ".*", "allow", "all"),
        Map.of("catalog", TrinoConfig.CATALOG, "allow", "read-only"),
        Map.of("catalog", "system", "allow", "read-only")));
    rules.put("schemas", List.of(
        Map.of("user", service, "owner", true)));
    List<Map<String, Object>> tables = new ArrayList<>();
    tables.add(Map.of("user", service,
        "privileges", List.of("SELECT", "INSERT", "DELETE", "UPDATE", "OWNERSHIP", "GRANT_SELECT")));
    for (String bankId : bankIds) {
      for (String[] table : BANK_TABLES) {
        tables.add(table(bankUser(bankId), table[0], table[1], "bank_id = '" + bankId + "'"));
      }
    }
    for (String[] table : FINANCE_BUREAU_TABLES) {
      tables.add(table(FINANCE_BUREAU, table[0], table[1], null));
    }
    tables.add(table(LEADERSHIP, "gold|marts", ".*", null));
    tables.add(table(LEADERSHIP, "ops", LakehouseTables.SERVED_OPS_PREFIX + ".*", null));
    rules.put("tables", tables);
    rules.put("procedures", List.of(Map.of("user", service, "catalog", TrinoConfig.CATALOG, "schema", "system",
        "procedure", ".*", "privileges", List.of("EXECUTE"))));
    rules.put("queries", List.of(
        Map.of("user", service, "allow", List.of("execute", "view", "kill")),
        Map.of("allow", List.of("execute"))));
    rules.put("system_information", List.of(Map.of("user", service, "allow", List.of("read", "write"))));
    rules.put("authorization", List.of(Map.of("original_user", service, "new_user", service, "allow", true)));
    return rules;
  }

  private static Map<String, Object> table(String user, String schema, String table, String filter) {
    Map<String, Object> rule = new LinkedHashMap<>();
    rule.put("user", exact(user));
    rule.put("catalog", TrinoConfig.CATALOG);
    rule.put("schema", schema);
    rule.put("table", table);
    rule.put("privileges", List.of("SELECT"));
    if (filter != null) {
      rule.put("filter", filter);
    }
    return rule;
  }

  /** A user name as a rule's regular expression: names are [a-z0-9_], so the name matches itself only. */
  private static String exact(String user) {
    if (!user.matches("[a-z0-9_]+")) {
      throw new IllegalArgumentException("user names are [a-z0-9_]: " + user);
    }
    return user;
  }
}
