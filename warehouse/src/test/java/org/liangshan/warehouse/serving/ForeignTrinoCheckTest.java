package org.liangshan.warehouse.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The decision of 'warehouse start --url' on a foreign Trino, with the answers a Trino gives (messages as trino-jdbc
 * raises them, seen in TrinoServingIT): only a Trino that denies every reader probe passes.
 */
class ForeignTrinoCheckTest {
  private static final List<ForeignTrinoCheck.Probe> PROBES = ForeignTrinoCheck.probes("s3://lake/root/");

  /** A Trino answering every probe the same way, recording what it was asked. */
  private static final class FakeTrino implements ForeignTrinoCheck.Runner {
    final List<String> asked = new ArrayList<>();
    private final String answer;

    FakeTrino(String answer) {
      this.answer = answer;
    }

    @Override
    public Optional<SQLException> run(String role, String statement) {
      asked.add(role + ": " + statement);
      return answer == null ? Optional.empty() : Optional.of(new SQLException(answer));
    }
  }

  @Test
  void theProbesAreProcedureCallsOfEachReaderOnASchemaThatDoesNotExist() {
    assertThat(PROBES).extracting(ForeignTrinoCheck.Probe::role)
        .containsExactly("leadership", "leadership", "finance_bureau", "finance_bureau");
    assertThat(PROBES.get(0).statement()).isEqualTo("CALL delta.system.register_table(schema_name => 'liangshan_access_probe', "
        + "table_name => 'none', table_location => 's3://lake/root/liangshan_access_probe/none')");
    assertThat(PROBES.get(1).statement())
        .isEqualTo("CALL delta.system.unregister_table(schema_name => 'liangshan_access_probe', table_name => 'none')");
  }

  @Test
  void aTrinoDenyingEveryProbePasses() {
    FakeTrino trino = new FakeTrino("Query failed (#20261207_1): Access Denied: Cannot execute procedure delta.system.register_table");
    ForeignTrinoCheck.Verdict verdict = ForeignTrinoCheck.check(PROBES, trino);
    assertThat(verdict.enforced()).isTrue();
    assertThat(trino.asked).hasSize(4);
    assertThat(verdict.report()).contains("  leadership: register a table (CALL delta.system.register_table) -> denied (as our rules do)\n");
  }

  @Test
  void anOpenTrinoFailsEvenWhenTheProbeFailsForAnotherReason() {
    // Past access control, register_table fails on the missing schema: nothing was registered, and nothing denied.
    ForeignTrinoCheck.Verdict verdict = ForeignTrinoCheck.check(PROBES,
        new FakeTrino("Query failed (#1): Schema liangshan_access_probe not found"));
    assertThat(verdict.enforced()).isFalse();
    assertThat(verdict.findings()).extracting(ForeignTrinoCheck.Finding::outcome).containsOnly(ForeignTrinoCheck.Outcome.NOT_DENIED);
    assertThat(verdict.report()).contains("finance_bureau: unregister a table (CALL delta.system.unregister_table) -> "
        + "NOT denied: Query failed (#1): Schema liangshan_access_probe not found");
  }

  @Test
  void aProbeThatRanFails() {
    ForeignTrinoCheck.Verdict verdict = ForeignTrinoCheck.check(PROBES, new FakeTrino(null));
    assertThat(verdict.enforced()).isFalse();
    assertThat(verdict.report()).contains("NOT denied: it ran");
  }

  @Test
  void aReaderThatCannotLogInFailsAndIsNotMistakenForADenial() {
    ForeignTrinoCheck.Verdict verdict = ForeignTrinoCheck.check(PROBES,
        new FakeTrino("Authentication failed: Access Denied: Invalid credentials"));
    assertThat(verdict.enforced()).isFalse();
    assertThat(verdict.findings()).extracting(ForeignTrinoCheck.Finding::outcome).containsOnly(ForeignTrinoCheck.Outcome.NO_LOGIN);
    assertThat(verdict.report()).contains("leadership: register a table (CALL delta.system.register_table) -> cannot log in: "
        + "Authentication failed: Access Denied: Invalid credentials");
  }

  @Test
  void oneRoleLeftOpenIsEnoughToFail() {
    ForeignTrinoCheck.Verdict verdict = ForeignTrinoCheck.check(PROBES, (role, statement) -> Optional.of(new SQLException(
        role.equals("finance_bureau") ? "Schema not found" : "Access Denied: Cannot execute procedure")));
    assertThat(verdict.enforced()).isFalse();
    assertThat(verdict.findings()).extracting(ForeignTrinoCheck.Finding::outcome).containsExactly(
        ForeignTrinoCheck.Outcome.DENIED, ForeignTrinoCheck.Outcome.DENIED, ForeignTrinoCheck.Outcome.NOT_DENIED,
        ForeignTrinoCheck.Outcome.NOT_DENIED);
  }
}
