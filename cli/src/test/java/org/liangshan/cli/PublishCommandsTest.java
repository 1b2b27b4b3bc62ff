package org.liangshan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The ledger and valuate commands: help, and bad usage refused with exit 2 and a reason (no Spark needed). */
class PublishCommandsTest {
  @Test
  void everyCommandHasHelp() {
    for (String[] args : new String[][] {{"ledger", "--help"}, {"ledger", "list", "--help"}, {"ledger", "show", "--help"},
        {"ledger", "review", "--help"}, {"ledger", "approve", "--help"}, {"ledger", "reject", "--help"},
        {"ledger", "diff", "--help"}, {"ledger", "export", "--help"}, {"valuate", "--help"}}) {
      CalcCommandTest.Result r = CalcCommandTest.run(args);
      assertThat(r.status()).as(String.join(" ", args)).isZero();
      assertThat(r.out()).contains("Usage: liangshan " + args[0]);
    }
    assertThat(CalcCommandTest.run("ledger", "approve", "--help").out()).contains("someone other than its", "--by=NAME", "--reason=TEXT");
  }

  @Test
  void badUsageExitsTwoWithTheReason() {
    CalcCommandTest.Result missingBy = CalcCommandTest.run("ledger", "approve", "--region", "tianjin", "--period", "2024-04");
    assertThat(missingBy.status()).isEqualTo(2);
    assertThat(missingBy.err()).contains("Missing required option: '--by=NAME'");

    CalcCommandTest.Result badPeriod = CalcCommandTest.run("ledger", "review", "--region", "tianjin", "--period", "2024-13",
        "--by", "wang");
    assertThat(badPeriod.status()).isEqualTo(2);
    assertThat(badPeriod.err()).contains("Invalid --period '2024-13': expected yyyy-MM");

    CalcCommandTest.Result badRegion = CalcCommandTest.run("ledger", "list", "--region", "atlantis");
    assertThat(badRegion.status()).isEqualTo(2);

    CalcCommandTest.Result badDate = CalcCommandTest.run("valuate", "--loan", "LN-1", "--date", "31.12.2024");
    assertThat(badDate.status()).isEqualTo(2);
    assertThat(badDate.err()).contains("Invalid --date '31.12.2024': expected YYYY-MM-DD.");

    CalcCommandTest.Result both = CalcCommandTest.run("valuate", "--loan", "LN-1", "--all", "--date", "2024-12-31");
    assertThat(both.status()).isEqualTo(2);
    assertThat(both.err()).contains("mutually exclusive");
  }
}
