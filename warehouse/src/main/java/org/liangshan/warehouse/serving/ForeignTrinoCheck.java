package org.liangshan.warehouse.serving;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether an existing Trino ({@code warehouse start --url}) enforces access rules equivalent to ours before the
 * platform registers anything there: each reader role logs in and tries what our rules deny it; every attempt must
 * come back "Access Denied". The probes change nothing even where they are allowed: registering a table in a schema
 * that does not exist, at a location that does not exist, fails after the access check. An open Trino (no access
 * control, or rules that let readers call the catalog's procedures) and a reader that cannot log in both fail the
 * check; the operator installs the rules this command writes, or passes {@code --accept-open-trino}.
 */
public final class ForeignTrinoCheck {
  /** The schema the probes name: never created by the platform. */
  static final String PROBE_SCHEMA = "liangshan_access_probe";
  private static final Pattern ACCESS_DENIED = Pattern.compile("Access Denied", Pattern.CASE_INSENSITIVE);
  /** trino-jdbc's words for a refused login ("Authentication failed: Access Denied: Invalid credentials"). */
  private static final Pattern NO_LOGIN = Pattern.compile("Authentication failed|Unauthorized", Pattern.CASE_INSENSITIVE);

  /** What one probe found. */
  public enum Outcome {
    /** Trino's access control refused it, as ours does. */
    DENIED,
    /** Trino let the role past its access control (the statement ran, or failed for another reason). */
    NOT_DENIED,
    /** The role could not log in: that Trino does not know it, or its password differs. */
    NO_LOGIN
  }

  /** One attempt: a reader role and a statement our rules deny it. */
  public record Probe(String role, String statement, String what) {
    public Probe {
      requireNonNull(role, "role is null");
      requireNonNull(statement, "statement is null");
      requireNonNull(what, "what is null");
    }
  }

  /** A probe's outcome, with Trino's answer when it was not a denial. */
  public record Finding(Probe probe, Outcome outcome, String answer) {
    public Finding {
      requireNonNull(probe, "probe is null");
      requireNonNull(outcome, "outcome is null");
      requireNonNull(answer, "answer is null");
    }
  }

  /** Runs a statement as a role; empty when it succeeded, else the error Trino (or the driver) raised. */
  @FunctionalInterface
  public interface Runner {
    Optional<SQLException> run(String role, String statement);
  }

  /** The findings of every probe; the Trino passes when each was denied. */
  public record Verdict(List<Finding> findings) {
    public Verdict {
      findings = List.copyOf(findings);
      if (findings.isEmpty()) {
        throw new IllegalArgumentException("a verdict needs at least one finding");
      }
    }

    public boolean enforced() {
      return findings.stream().allMatch(f -> f.outcome() == Outcome.DENIED);
    }

    /** One line per probe: role, what was tried, and what happened. */
    public String report() {
      StringBuilder out = new StringBuilder();
      for (Finding finding : findings) {
        out.append("  ").append(finding.probe().role()).append(": ").append(finding.probe().what()).append(" -> ")
            .append(switch (finding.outcome()) {
              case DENIED -> "denied (as our rules do)";
              case NOT_DENIED -> "NOT denied: " + finding.answer();
              case NO_LOGIN -> "cannot log in: " + finding.answer();
            }).append('\n');
      }
      return out.toString();
    }
  }

  private ForeignTrinoCheck() {}

  /** The probes: for each fixed reader role, a call of the catalog's register and unregister procedures. */
  public static List<Probe> probes(String tableRoot) {
    String root = requireNonNull(tableRoot, "tableRoot is null").replaceAll("/+$", "");
    if (!Registration.TABLE_ROOT.matcher(tableRoot).matches()) {
      throw org.liangshan.core.LiangshanException.badInput("Invalid table root '%s' (expected a URI such as local:// or s3://bucket/lake).", tableRoot);
    }
    List<Probe> probes = new ArrayList<>();
    for (String role : List.of(AccessRules.LEADERSHIP, AccessRules.FINANCE_BUREAU)) {
      probes.add(new Probe(role, "CALL " + TrinoConfig.CATALOG + ".system.register_table(schema_name => "
          + Registration.literal(PROBE_SCHEMA) + ", table_name => " + Registration.literal("none") + ", table_location => "
          + Registration.literal(root + "/" + PROBE_SCHEMA + "/none") + ")", "register a table (CALL delta.system.register_table)"));
      probes.add(new Probe(role, "CALL " + TrinoConfig.CATALOG + ".system.unregister_table(schema_name => "
          + Registration.literal(PROBE_SCHEMA) + ", table_name => " + Registration.literal("none") + ")",
          "unregister a table (CALL delta.system.unregister_table)"));
    }
    return probes;
  }

  /** Runs every probe and classifies what came back. */
  public static Verdict check(List<Probe> probes, Runner runner) {
    List<Finding> findings = new ArrayList<>();
    for (Probe probe : probes) {
      Optional<SQLException> error = runner.run(probe.role(), probe.statement());
      findings.add(new Finding(probe, error.map(ForeignTrinoCheck::classify).orElse(Outcome.NOT_DENIED),
          error.map(e -> String.valueOf(e.getMessage())).orElse("it ran")));
    }
    return new Verdict(findings);
  }

  static Outcome classify(SQLException error) {
    String message = String.valueOf(error.getMessage());
    // A refused login also says "Access Denied": it is checked first.
    if (NO_LOGIN.matcher(message).find()) {
      return Outcome.NO_LOGIN;
    }
    return ACCESS_DENIED.matcher(message).find() ? Outcome.DENIED : Outcome.NOT_DENIED;
  }
}
