package org.liangshan.pipelines.source;

import java.io.Serializable;
import java.util.Locale;
import java.util.Set;

/**
 * A laboratory value below the method's detection limit, as reported: {@code <0.01} or {@code ＜0.01} (the
 * limit after the sign), {@code 0.01L} (HJ/T 91-2002 §: the limit followed by the flag L), or with no limit
 * at all ({@code ND}, {@code N.D.}, {@code 未检出}, {@code <DL}, {@code <LOD}, {@code BDL}, {@code 低于检出限}),
 * in which case the indicator's declared detection limit stands in. The observation keeps what was written,
 * the limit and the flag; the number that averages use is the family's {@link Substitution} of the limit.
 *
 * @param reported the value as written
 * @param limit the detection limit written with it, or null when none was written
 */
public record Censored(String reported, Double limit) implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final Set<String> WITHOUT_LIMIT =
      Set.of("nd", "n.d.", "n.d", "未检出", "<dl", "<lod", "<mdl", "bdl", "低于检出限", "检出限以下");

  /**
   * How a censored value enters a mean. {@code DL/2} is the Chinese surface-water statistics rule
   * (《地表水环境质量监测数据统计技术规定（试行）》, 环办监测函〔2020〕82号, point 7: below the detection limit,
   * half the limit takes part in calculation and statistics; likewise SL 219-2013 §12.2.5) and the common US
   * EPA screening substitution; {@code DL} is the conservative upper bound; {@code ZERO} the lower bound
   * (SL 219-2013 counts it as zero in load totals).
   */
  public enum Substitution {
    HALF_LIMIT("dl/2"),
    LIMIT("dl"),
    ZERO("zero");

    private final String spelling;

    Substitution(String spelling) {
      this.spelling = spelling;
    }

    public String spelling() {
      return spelling;
    }

    /** The number standing in for a value below {@code limit}. */
    public double apply(double limit) {
      return switch (this) {
        case HALF_LIMIT -> limit / 2;
        case LIMIT -> limit;
        case ZERO -> 0;
      };
    }

    /** The rule a spec names: dl/2 (the default when null), dl or zero. */
    public static Substitution of(String spelling) {
      if (spelling == null) {
        return HALF_LIMIT;
      }
      for (Substitution s : values()) {
        if (s.spelling.equals(spelling)) {
          return s;
        }
      }
      throw new IllegalArgumentException("censored substitution '" + spelling + "'; expected dl/2, dl or zero");
    }
  }

  /**
   * The censored reading of {@code raw}, or null when it is an ordinary value.
   *
   * @throws NumberConvention.NotANumber when it is censored but the limit written is not a number
   */
  public static Censored parse(String raw, NumberConvention numbers) throws NumberConvention.NotANumber {
    String text = NumberConvention.normalise(raw.strip()).replace('＜', '<').replace(" ", "");
    if (text.isEmpty()) {
      return null;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    if (WITHOUT_LIMIT.contains(lower)) {
      return new Censored(raw.strip(), null);
    }
    String limit;
    if (text.charAt(0) == '<') {
      limit = text.substring(1);
    } else if (text.length() > 1 && (text.endsWith("L") || text.endsWith("(L)")) && Character.isDigit(text.charAt(0))) {
      limit = text.substring(0, text.length() - (text.endsWith("(L)") ? 3 : 1));
    } else {
      return null;
    }
    double value = numbers.parseDouble(limit);
    if (value <= 0) {
      throw new NumberConvention.NotANumber("a detection limit must be above zero");
    }
    return new Censored(raw.strip(), value);
  }
}
