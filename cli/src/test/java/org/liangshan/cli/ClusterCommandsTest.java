package org.liangshan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cluster options as the CLI reports them (ClusterSettingsTest in warehouse tests the settings). */
class ClusterCommandsTest {
  @TempDir Path dir;

  @Test
  void theClustersBuildDirectoryIsTheClisNotTheModuleThatLooksForIt() {
    // ClusterSettings lives in warehouse, but the cluster jar and spark-home are built in cli/target.
    Path cliTarget = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().getPath()).getParent();
    assertThat(org.liangshan.warehouse.ClusterSettings.buildDirectory()).contains(cliTarget);
    assertThat(cliTarget.getParent().getFileName().toString()).isEqualTo("cli");
  }

  @Test
  void runOnAClusterWithoutTheJarExitsTwo() {
    String before = System.getProperty("liangshan.cluster-jar");
    System.setProperty("liangshan.cluster-jar", dir.resolve("missing-cluster.jar").toString());
    try {
      CalcCommandTest.Result result = CalcCommandTest.run("run", "accounting", "--region", "liyang", "--year", "2024",
          "--lakehouse", dir.resolve("lakehouse").toString(), "--master", "spark://127.0.0.1:7077");
      assertThat(result.status()).isEqualTo(2);
      assertThat(result.err()).contains("missing-cluster.jar does not exist", "mvn -B -DskipTests -Pcluster-jar -pl cli -am package");
    } finally {
      if (before == null) {
        System.clearProperty("liangshan.cluster-jar");
      } else {
        System.setProperty("liangshan.cluster-jar", before);
      }
    }
  }

  @Test
  void benchClusterRejectsBadOptions() {
    CalcCommandTest.Result runs = CalcCommandTest.run("bench", "cluster", "--runs", "0");
    assertThat(runs.status()).isEqualTo(2);
    assertThat(runs.err()).contains("--scale and --runs must be at least 1");
    CalcCommandTest.Result region = CalcCommandTest.run("bench", "cluster", "--region", "atlantis");
    assertThat(region.status()).isEqualTo(2);
    assertThat(region.err()).contains("atlantis");
  }
}
