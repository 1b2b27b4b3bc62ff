package org.liangshan.core;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The rules of docs/architecture.md that the compiler cannot see, checked on one module's main classes by
 * that module's {@code ArchitectureTest}: its packages import each other without cycles, and its {@code model}
 * packages (and all of core) name no engine, so the formulas run and are tested without Spark.
 */
public final class Architecture {
  /** The engines a model may not name: the jobs around it adapt them. */
  public static final String[] ENGINES = {
      "org.apache.spark..", "io.delta..", "org.apache.sedona..", "io.trino..", "org.quartz..", "org.apache.hadoop.."};

  /** Every package of org.liangshan is a slice; none may reach itself again through the others. */
  public static final ArchRule NO_PACKAGE_CYCLES =
      slices().matching("org.liangshan.(**)").should().beFreeOfCycles().allowEmptyShould(true);

  /** Models and core are plain Java. */
  public static final ArchRule ENGINE_FREE_MODELS =
      noClasses().that().resideInAnyPackage("org.liangshan..model..", "org.liangshan.core..")
          .should().dependOnClassesThat().resideInAnyPackage(ENGINES)
          .allowEmptyShould(true);

  private Architecture() {}

  /**
   * The module's main classes under {@code rootPackage}, read from its {@code target/classes} (surefire runs
   * in the module's folder): scanning the whole test classpath for a package would read Spark's jars too.
   */
  public static JavaClasses mainClasses(String rootPackage) {
    Path classes = Path.of("target", "classes");
    if (!Files.isDirectory(classes)) {
      throw new IllegalStateException("No " + classes.toAbsolutePath() + ": run the test from the module's folder.");
    }
    return new ClassFileImporter().importPath(classes).that(resideInAPackage(rootPackage + ".."));
  }

  /** Checks both rules on the module whose classes live under {@code rootPackage}. */
  public static void verify(String rootPackage) {
    JavaClasses classes = mainClasses(rootPackage);
    if (classes.isEmpty()) {
      throw new IllegalStateException("No classes under " + rootPackage + " in target/classes: is the module compiled?");
    }
    NO_PACKAGE_CYCLES.check(classes);
    ENGINE_FREE_MODELS.check(classes);
  }
}
