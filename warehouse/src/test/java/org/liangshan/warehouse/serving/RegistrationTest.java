package org.liangshan.warehouse.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RegistrationTest {
  @Test
  void identifiersAndTableRootsAreCheckedBeforeTheyReachSql() {
    assertThat(Registration.identifier("collateral_valuation")).isEqualTo("collateral_valuation");
    assertThatThrownBy(() -> Registration.identifier("x'); DROP TABLE y; --"))
        .hasMessage("Invalid identifier 'x'); DROP TABLE y; --' (expected lower-case letters, digits and '_').");
    assertThat(Registration.TABLE_ROOT.matcher("s3://bucket/lake").matches()).isTrue();
    assertThat(Registration.TABLE_ROOT.matcher("local://").matches()).isTrue();
    assertThat(Registration.TABLE_ROOT.matcher("s3://bucket/it's").matches()).isFalse();
    assertThatThrownBy(() -> Registration.literal("it's")).isInstanceOf(IllegalArgumentException.class);
  }
}
