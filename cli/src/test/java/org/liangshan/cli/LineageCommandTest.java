package org.liangshan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The lineage command's usage (its results are proved on the demo in DemoIT and on a small lakehouse in pipelines). */
class LineageCommandTest {
  @Test
  void helpNamesTheTableTheVersionAndJson() {
    CalcCommandTest.Result help = CalcCommandTest.run("lineage", "--help");
    assertThat(help.status()).isZero();
    assertThat(help.out()).contains("TABLE", "--version=N", "--help", "--json", "--lakehouse", "landing files", "docs/operations-lineage.md");
    assertThat(CalcCommandTest.run("--help").out()).contains("lineage");
  }

  @Test
  void aTableIsRequired() {
    CalcCommandTest.Result missing = CalcCommandTest.run("lineage");
    assertThat(missing.status()).isEqualTo(2);
    assertThat(missing.err()).contains("TABLE");
  }
}
