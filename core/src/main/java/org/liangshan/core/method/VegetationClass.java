package org.liangshan.core.method;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.liangshan.core.LiangshanException;

/**
 * The vegetation classes of the CASA parameter table (METHODOLOGY.md section 1; Zhu Wenquan et al. 2006's
 * values as in public CASA codes). The parameter set holds each class's ε_max, NDVI_max and SR_max
 * under {@code casa.classes.<NAME>}.
 */
public enum VegetationClass {
  /** Evergreen needleleaf forest. */
  ENF,
  /** Evergreen broadleaf forest. */
  EBF,
  /** Deciduous needleleaf forest. */
  DNF,
  /** Deciduous broadleaf forest. */
  DBF,
  /** Needleleaf–broadleaf mixed forest (Zhu et al. 2006: ε_max 0.475). */
  MF,
  SHRUB,
  GRASS,
  CROP,
  WETLAND;

  /** The names accepted by {@link #parse(String, String)}, in table order. */
  public static List<String> names() {
    return Arrays.stream(values()).map(Enum::name).toList();
  }

  /** Parses a class name (case-insensitive), or fails naming the field and the allowed names. */
  public static VegetationClass parse(String field, String text) {
    if (text == null) {
      throw LiangshanException.badField(field, "required");
    }
    String name = text.trim().toUpperCase(Locale.ROOT);
    for (VegetationClass value : values()) {
      if (value.name().equals(name)) {
        return value;
      }
    }
    throw LiangshanException.badField(
        field,
        "unknown vegetation class '" + text + "'; expected one of " + String.join(", ", names()));
  }
}
