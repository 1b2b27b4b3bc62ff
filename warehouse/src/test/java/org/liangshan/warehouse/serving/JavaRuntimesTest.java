package org.liangshan.warehouse.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liangshan.core.LiangshanException;

/** JDK discovery over real directory trees laid out as JDKs are installed (release file, bin/java). */
class JavaRuntimesTest {
  @TempDir Path roots;

  private Path jdk(String dir, String releaseVersion) throws IOException {
    Path home = roots.resolve("jvm").resolve(dir);
    Files.createDirectories(home.resolve("bin"));
    Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + releaseVersion + "\"\nOS_NAME=\"Linux\"\n");
    Path java = home.resolve("bin/java");
    Files.writeString(java, "#!/bin/sh\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    return home;
  }

  @Test
  void picksTheNewestQualifyingJdkUnderTheRoots() throws IOException {
    jdk("java-17-openjdk-amd64", "17.0.15");
    jdk("temurin-22-jdk", "22.0.2");
    Path newest = jdk("temurin-25-jdk-amd64", "25.0.3");
    JavaRuntimes.Jdk found = JavaRuntimes.find(22, Map.of(), List.of(roots.resolve("jvm")));
    assertThat(found.home()).isEqualTo(newest);
    assertThat(found.major()).isEqualTo(25);
    assertThat(found.version()).isEqualTo("25.0.3");
    assertThat(found.java()).isEqualTo(newest.resolve("bin/java"));
  }

  @Test
  void javaHomeWinsWhenNewEnoughAndIsPassedOverWhenTooOld() throws IOException {
    Path old = jdk("java-17", "17.0.15");
    Path middle = jdk("jdk-23", "23.0.1");
    Path newest = jdk("jdk-25", "25.0.3");
    assertThat(JavaRuntimes.find(22, Map.of("JAVA_HOME", middle.toString()), List.of(roots.resolve("jvm"))).home()).isEqualTo(middle);
    assertThat(JavaRuntimes.find(22, Map.of("JAVA_HOME", old.toString()), List.of(roots.resolve("jvm"))).home()).isEqualTo(newest);
  }

  @Test
  void theOverrideMustQualify() throws IOException {
    Path old = jdk("java-17", "17.0.15");
    Path good = jdk("jdk-24", "24.0.1");
    jdk("jdk-25", "25.0.3");
    // The override is taken as given, even when a newer JDK is installed; a bin/java path works too.
    assertThat(JavaRuntimes.find(22, Map.of(JavaRuntimes.ENV_OVERRIDE, good.resolve("bin/java").toString()), List.of(roots.resolve("jvm"))).home())
        .isEqualTo(good);
    assertThatThrownBy(() -> JavaRuntimes.find(22, Map.of(JavaRuntimes.ENV_OVERRIDE, old.toString()), List.of(roots.resolve("jvm"))))
        .isInstanceOf(LiangshanException.class)
        .hasMessage("LIANGSHAN_TRINO_JAVA=" + old + " is Java 17.0.15; Trino needs Java 22 or newer. Point it at a JDK 22+ home.");
    assertThatThrownBy(() -> JavaRuntimes.find(22, Map.of(JavaRuntimes.ENV_OVERRIDE, roots.resolve("nowhere").toString()), List.of()))
        .hasMessageContaining("is not a JDK");
  }

  @Test
  void noQualifyingJdkIsAClearErrorNamingTheVersionNeeded() throws IOException {
    Path old = jdk("java-17", "17.0.15");
    Files.createDirectories(roots.resolve("jvm/not-a-jdk"));
    assertThatThrownBy(() -> JavaRuntimes.find(22, Map.of(), List.of(roots.resolve("jvm"))))
        .isInstanceOf(LiangshanException.class)
        .satisfies(e -> assertThat(((LiangshanException) e).kind()).isEqualTo(LiangshanException.Kind.BAD_INPUT))
        .hasMessageStartingWith("Trino needs Java 22 or newer and none was found")
        .hasMessageContaining("found: " + old + " (Java 17.0.15)")
        .hasMessageContaining("set LIANGSHAN_TRINO_JAVA");
  }

  @Test
  void aDirectoryWithoutAnExecutableJavaIsNoJdk() throws IOException {
    Path home = jdk("broken", "25.0.3");
    Files.delete(home.resolve("bin/java"));
    assertThat(JavaRuntimes.inspect(home)).isEmpty();
  }

  @Test
  void majorVersions() {
    assertThat(JavaRuntimes.major("25.0.3")).isEqualTo(25);
    assertThat(JavaRuntimes.major("17.0.15")).isEqualTo(17);
    assertThat(JavaRuntimes.major("22-ea")).isEqualTo(22);
    assertThat(JavaRuntimes.major("1.8.0_412")).isEqualTo(8);
  }
}
