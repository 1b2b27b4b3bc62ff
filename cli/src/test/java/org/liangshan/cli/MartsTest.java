package org.liangshan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.liangshan.warehouse.TableDef;
import org.liangshan.warehouse.serving.LakehouseTables;
import org.liangshan.warehouse.serving.Registration;

/** The marts against the tables every module declares (all of them are on the CLI's classpath). */
class MartsTest {
  @Test
  void everyMartNamesTheTablesItReadsAndThoseAreDeclared() {
    Set<String> declared = LakehouseTables.declared().stream().map(TableDef::qualifiedName).collect(Collectors.toSet());
    List<Registration.Mart> marts = Registration.marts();
    assertThat(marts).hasSize(18);
    for (Registration.Mart mart : marts) {
      assertThat(mart.requires()).as(mart.name()).isNotEmpty();
      assertThat(declared).as(mart.name()).containsAll(mart.requires());
      // Every table the SQL reads is in its requires line, so a missing one skips the mart instead of failing.
      java.util.regex.Matcher read = java.util.regex.Pattern.compile("delta\\.(silver|gold|ops)\\.([a-z_]+)").matcher(mart.sql());
      while (read.find()) {
        assertThat(mart.requires()).as(mart.name()).contains(read.group(1) + "." + read.group(2));
      }
    }
  }

}
