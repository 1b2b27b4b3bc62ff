package org.liangshan.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The lakehouse format of a module's tables as they were declared in Java before the table spec (captured in
 * {@code src/test/resources/former-tables/}), so a test can show the spec declares exactly the same tables:
 * names, comments, columns (type, NOT NULL, comment), partitioning, CHECK constraints and natural key.
 *
 * <p>A deliberate change to a table's format is a migration of every lakehouse: change the spec, then the
 * captured text by hand (or with {@code -Dformer-tables.capture=true}), and say so in the commit.
 */
public final class FormerTables {
  private FormerTables() {}

  /** One line per fact of each table, in declaration order. */
  public static String render(List<TableDef> tables) {
    StringBuilder text = new StringBuilder();
    for (TableDef table : tables) {
      text.append(table.qualifiedName()).append(": ").append(table.comment()).append('\n');
      for (Column column : table.columns()) {
        text.append("  ")
            .append(column.name())
            .append(' ')
            .append(column.type().sql())
            .append(column.nullable() ? "" : " NOT NULL")
            .append(" -- ")
            .append(column.comment())
            .append('\n');
      }
      if (!table.partitionBy().isEmpty()) {
        text.append("  partitioned by (").append(String.join(", ", table.partitionBy())).append(")\n");
      }
      for (Map.Entry<String, String> check : table.checks().entrySet()) {
        text.append("  check ").append(check.getKey()).append(": ").append(check.getValue()).append('\n');
      }
      if (!table.naturalKey().isEmpty()) {
        text.append("  natural key (").append(String.join(", ", table.naturalKey())).append(")\n");
      }
    }
    return text.toString();
  }

  /**
   * Asserts that {@code tables} render exactly as the captured {@code former-tables/<name>.txt} of the module
   * the test runs in.
   */
  public static void assertUnchanged(String name, List<TableDef> tables) {
    Path captured = Path.of("src", "test", "resources", "former-tables", name + ".txt");
    String rendered = render(tables);
    try {
      if (Boolean.getBoolean("former-tables.capture")) {
        Files.createDirectories(captured.getParent());
        Files.writeString(captured, rendered, StandardCharsets.UTF_8);
      }
      assertThat(rendered)
          .as("the tables of %s differ from their former Java declarations (%s): the lakehouse format changed", name, captured)
          .isEqualTo(Files.readString(captured, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
