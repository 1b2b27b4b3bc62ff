package org.liangshan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The ledger and valuate commands: help, and bad usage refused with exit 2 and a reason (no Spark needed). */
class PublishCommandsTest {
  @Test
  void everyCommandHasHelp() {
    for (String[] args : new String[][] {{"ledger", "--help"}, {"ledger", "list", "--help"}, {"ledger", "show", "--help"},
        {"ledger", "review", "--help"}, {"ledger", "approve", "--help"}, {"ledger", "reject", "--help"},
        {"ledger", "diff", "--help"}, {"ledger", "export", "--help"}, {"valuate", "--help"},
        {"valuate", "backtest", "--help"}, {"valuate", "margin", "--help"}}) {
      CalcCommandTest.Result r = CalcCommandTest.run(args);
      assertThat(r.status()).as(String.join(" ", args)).isZero();
      assertThat(r.out()).contains("Usage: liangshan " + args[0]);
    }
    assertThat(CalcCommandTest.run("ledger", "approve", "--help").out()).contains("someone other than its", "--by=NAME", "--reason=TEXT");
    assertThat(CalcCommandTest.run("valuate", "--help").out()).contains("backtest", "margin");
    assertThat(CalcCommandTest.run("valuate", "backtest", "--help").out()).contains("--as-of=YYYY-MM-DD", "Kupiec",
        "insufficient_history");
    assertThat(CalcCommandTest.run("valuate", "margin", "--help").out()).contains("--date=YYYY-MM-DD", "gold.margin_calls");
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

    CalcCommandTest.Result neither = CalcCommandTest.run("valuate", "--date", "2024-12-31");
    assertThat(neither.status()).isEqualTo(2);
    assertThat(neither.err()).contains("Missing --loan ID or --all");

    CalcCommandTest.Result noDate = CalcCommandTest.run("valuate", "--all");
    assertThat(noDate.status()).isEqualTo(2);
    assertThat(noDate.err()).contains("Missing --date YYYY-MM-DD");

    CalcCommandTest.Result badAsOf = CalcCommandTest.run("valuate", "backtest", "--region", "liyang", "--as-of", "2024/12/31");
    assertThat(badAsOf.status()).isEqualTo(2);
    assertThat(badAsOf.err()).contains("Invalid --as-of '2024/12/31': expected YYYY-MM-DD.");

    CalcCommandTest.Result marginWithoutDate = CalcCommandTest.run("valuate", "margin", "--region", "liyang");
    assertThat(marginWithoutDate.status()).isEqualTo(2);
    assertThat(marginWithoutDate.err()).contains("Missing required option: '--date=YYYY-MM-DD'");

    CalcCommandTest.Result both = CalcCommandTest.run("valuate", "--loan", "LN-1", "--all", "--date", "2024-12-31");
    assertThat(both.status()).isEqualTo(2);
    assertThat(both.err()).contains("mutually exclusive");
  }
}
