package org.liangshan.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.liangshan.geo.model.LandCover;
import org.liangshan.warehouse.Column;
import org.liangshan.warehouse.FormerTables;

/** geo-jobs' tables of the spec are the ones formerly declared in Java, column for column. */
class GeoTableSpecTest {
  @Test
  void accountingTablesAreTheFormerDeclarations() {
    FormerTables.assertUnchanged("geo", new GeoTables().tables());
  }

  @Test
  void naturalAccountsTablesAreTheFormerDeclarations() {
    FormerTables.assertUnchanged("natural-accounts", new NaturalAccountsTables().tables());
  }

  @Test
  void landCoverFractionsHaveOneColumnPerLandCoverClass() {
    // The columns were built from the enum; the spec lists them, so a new class needs its column declared.
    Column[] expected =
        Arrays.stream(LandCover.values())
            .map(c -> Column.required(c.fractionColumn(), DataTypes.DoubleType, "share of valid pixels of code " + c.code()))
            .toArray(Column[]::new);

    assertThat(GeoTables.LANDCOVER_FRACTIONS.columns())
        .filteredOn(c -> c.name().endsWith("_fraction"))
        .containsExactly(expected);
  }
}
