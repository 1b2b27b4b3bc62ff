package org.liangshan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code liangshan export catalogue}: help, and bad usage refused with exit 2 and a reason (no Spark needed). */
class ExportCommandTest {
  @Test
  void everyCommandHasHelp() {
    CalcCommandTest.Result export = CalcCommandTest.run("export", "--help");
    assertThat(export.status()).isZero();
    assertThat(export.out()).contains("Usage: liangshan export", "catalogue");

    CalcCommandTest.Result catalogue = CalcCommandTest.run("export", "catalogue", "--help");
    assertThat(catalogue.status()).isZero();
    assertThat(catalogue.out()).contains("Usage: liangshan export catalogue", "--region=REGION", "--year=YYYY", "--out=FILE",
        "tradable, pledgeable", "docs/eco-product-catalogue.md");
  }

  @Test
  void badUsageExitsTwoWithTheReason() {
    CalcCommandTest.Result missingOut = CalcCommandTest.run("export", "catalogue", "--region", "tianjin", "--year", "2024");
    assertThat(missingOut.status()).isEqualTo(2);
    assertThat(missingOut.err()).contains("Missing required option: '--out=FILE'");

    CalcCommandTest.Result badRegion =
        CalcCommandTest.run("export", "catalogue", "--region", "atlantis", "--year", "2024", "--out", "x.xlsx");
    assertThat(badRegion.status()).isEqualTo(2);

    CalcCommandTest.Result noSubcommand = CalcCommandTest.run("export");
    assertThat(noSubcommand.status()).isEqualTo(2);
    assertThat(noSubcommand.err()).contains("Missing subcommand. Run 'liangshan export --help'.");
  }
}
