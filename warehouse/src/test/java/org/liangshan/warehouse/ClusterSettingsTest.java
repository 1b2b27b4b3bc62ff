package org.liangshan.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liangshan.core.LiangshanException;

class ClusterSettingsTest {
  private static final Function<String, String> NONE = key -> null;

  @TempDir Path dir;

  @Test
  void aLocalMasterGetsNothing() {
    assertThat(ClusterSettings.forMaster("local[2]", Map.of(), NONE, NONE, Optional.empty())).isEmpty();
  }

  @Test
  void aClusterMasterShipsTheBuiltJarAndBindsALoopbackDriver() throws IOException {
    Path jar = Files.createFile(dir.resolve("liangshan-cli-0.1.0-SNAPSHOT-cluster.jar"));
    Files.createFile(dir.resolve("liangshan-cli-0.1.0-SNAPSHOT.jar"));
    Map<String, String> conf = ClusterSettings.forMaster("spark://127.0.0.1:7077", Map.of(), NONE, NONE, Optional.of(dir));
    assertThat(conf).containsEntry("spark.jars", jar.toUri().toString())
        .containsEntry("spark.driver.host", "127.0.0.1").containsEntry("spark.driver.bindAddress", "127.0.0.1")
        .containsEntry("spark.executor.extraJavaOptions", "-Duser.timezone=UTC -Dfile.encoding=UTF-8");

    Map<String, String> remote = ClusterSettings.forMaster("spark://spark-master.example:7077",
        Map.of("spark.executor.extraJavaOptions", "-Xss4m"), NONE, NONE, Optional.of(dir));
    assertThat(remote).doesNotContainKey("spark.driver.host")
        .containsEntry("spark.executor.extraJavaOptions", "-Duser.timezone=UTC -Dfile.encoding=UTF-8 -Xss4m");
    assertThat(ClusterSettings.loopbackMaster("spark://localhost:7077,127.0.0.1:7078")).isTrue();
    assertThat(ClusterSettings.loopbackMaster("yarn")).isFalse();
  }

  @Test
  void underSparkSubmitOrWithAnExplicitJarNothingIsShipped() {
    Function<String, String> submitted = Map.of("spark.jars", "file:/opt/liangshan-cluster.jar", "SPARK_SUBMIT", "true",
        "spark.executor.extraJavaOptions", "-XX:+UseG1GC")::get;
    assertThat(ClusterSettings.forMaster("spark://10.0.0.5:7077", Map.of(), submitted, NONE, Optional.empty()))
        .doesNotContainKey("spark.jars")
        .containsEntry("spark.executor.extraJavaOptions", "-Duser.timezone=UTC -Dfile.encoding=UTF-8 -XX:+UseG1GC");
    assertThat(ClusterSettings.forMaster("yarn", Map.of("spark.jars", "hdfs:///jars/l.jar"), NONE, NONE, Optional.empty()))
        .doesNotContainKey("spark.jars");
  }

  @Test
  void aMissingClusterJarSaysHowToBuildIt() throws IOException {
    assertThatThrownBy(() -> ClusterSettings.forMaster("spark://127.0.0.1:7077", Map.of(), NONE, NONE, Optional.of(dir)))
        .isInstanceOf(LiangshanException.class)
        .hasMessageContaining("none was found in " + dir)
        .hasMessageContaining("-Pcluster-jar");
    Function<String, String> env = Map.of("LIANGSHAN_CLUSTER_JAR", dir.resolve("gone.jar").toString())::get;
    assertThatThrownBy(() -> ClusterSettings.clusterJar(NONE, env, Optional.of(dir)))
        .hasMessageContaining("gone.jar does not exist").hasMessageContaining("-Pcluster-jar");
    Path given = Files.createFile(dir.resolve("mine.jar"));
    assertThat(ClusterSettings.clusterJar(Map.of("liangshan.cluster-jar", given.toString())::get, env, Optional.of(dir)))
        .isEqualTo(given);
  }
}
