package org.liangshan.pipelines.source;

import java.io.Serializable;
import java.util.regex.Pattern;

/**
 * How a family's files write numbers: the decimal mark ({@code .} unless the family declares {@code ,}) and
 * the thousands separator (none unless declared). Reading is strict: a number written any other way is not
 * a number, so {@code 0,019} is 0.019 in a family that declares decimal commas and is refused everywhere
 * else, never read as 19. Full-width digits, marks and signs (０-９ ． ， － ＋, and the minus sign U+2212)
 * are the same characters to a reader, so they are normalised first. NaN and infinity, in any spelling, are
 * never a measured value and are refused.
 *
 * @param decimalMark '.' or ','
 * @param thousandsSeparator the separator between groups of three digits, or '\0' when the family declares none
 */
public record NumberConvention(char decimalMark, char thousandsSeparator) implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The default: a decimal point, no thousands separator. */
  public static final NumberConvention DEFAULT = new NumberConvention('.', '\0');

  private static final Pattern NOT_FINITE = Pattern.compile("[+-]?(nan|inf|infinity|∞|1\\.#inf|1\\.#ind|#num!|#div/0!)",
      Pattern.CASE_INSENSITIVE);

  public NumberConvention {
    if (decimalMark != '.' && decimalMark != ',') {
      throw new IllegalArgumentException("decimal-mark '" + decimalMark + "'; expected '.' or ','");
    }
    if (thousandsSeparator != '\0' && ".,  '".indexOf(thousandsSeparator) < 0) {
      throw new IllegalArgumentException("thousands-separator '" + thousandsSeparator + "'; expected one of . , ' or a space");
    }
    if (thousandsSeparator == decimalMark) {
      throw new IllegalArgumentException("the thousands separator and the decimal mark are both '" + decimalMark + "'");
    }
  }

  /** The convention a family declares; null or empty means the default. */
  public static NumberConvention of(String decimalMark, String thousandsSeparator) {
    char mark = decimalMark == null || decimalMark.isEmpty() ? '.' : single(decimalMark, "decimal-mark");
    char separator = thousandsSeparator == null || thousandsSeparator.isEmpty() ? '\0' : single(thousandsSeparator, "thousands-separator");
    return new NumberConvention(mark, separator);
  }

  private static char single(String text, String what) {
    if (text.length() != 1) {
      throw new IllegalArgumentException(what + " '" + text + "' is not one character");
    }
    return text.charAt(0);
  }

  /** Why a text is not a number under this convention. */
  public static final class NotANumber extends Exception {
    private static final long serialVersionUID = 1L;

    NotANumber(String reason) {
      super(reason, null, false, false);
    }
  }

  /**
   * The number in canonical form ({@code -1234.5}, {@code 1.5e-3}): what {@link Double#parseDouble} and
   * {@link java.math.BigDecimal} read exactly as written.
   *
   * @throws NotANumber with the reason, for the person who must fix the delivery
   */
  public String canonical(String raw) throws NotANumber {
    String text = normalise(raw.strip());
    if (NOT_FINITE.matcher(text).matches()) {
      throw new NotANumber("NaN and infinity are not measured values; leave the value empty when it is missing");
    }
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
      if (text.charAt(i) == '-') {
        out.append('-');
      }
      i++;
    }
    int integerStart = i;
    int digitsInGroup = 0;
    boolean grouped = false;
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        out.append(c);
        digitsInGroup++;
      } else if (thousandsSeparator != '\0' && c == thousandsSeparator) {
        // Groups of three: 1,234,567 — the first group 1 to 3 digits, every later one exactly 3.
        if ((!grouped && (digitsInGroup < 1 || digitsInGroup > 3)) || (grouped && digitsInGroup != 3)) {
          throw new NotANumber(misplaced(c));
        }
        grouped = true;
        digitsInGroup = 0;
      } else {
        break;
      }
    }
    if (grouped && digitsInGroup != 3) {
      throw new NotANumber(misplaced(thousandsSeparator));
    }
    boolean integerDigits = i > integerStart;
    boolean fractionDigits = false;
    if (i < text.length() && text.charAt(i) == decimalMark) {
      out.append('.');
      for (i++; i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9'; i++) {
        out.append(text.charAt(i));
        fractionDigits = true;
      }
    }
    if (!integerDigits && !fractionDigits) {
      throw new NotANumber(reasonFor(text));
    }
    if (i < text.length() && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
      int exponent = i;
      out.append('e');
      i++;
      if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
        out.append(text.charAt(i));
        i++;
      }
      int digits = i;
      for (; i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9'; i++) {
        out.append(text.charAt(i));
      }
      if (i == digits) {
        i = exponent;
      }
    }
    if (i < text.length()) {
      throw new NotANumber(reasonFor(text));
    }
    return out.toString();
  }

  /** A finite double. */
  public double parseDouble(String raw) throws NotANumber {
    double value = Double.parseDouble(canonical(raw));
    if (!Double.isFinite(value)) {
      throw new NotANumber("the value is beyond the range of a number");
    }
    return value;
  }

  private String reasonFor(String text) {
    char other = decimalMark == '.' ? ',' : '.';
    if (text.indexOf(other) >= 0 && thousandsSeparator != other) {
      return "'" + other + "' is neither this family's decimal mark ('" + decimalMark + "') nor a thousands separator it declares"
          + (other == ',' ? "; if the agency writes decimal commas, the family must declare decimal-mark: \",\"" : "");
    }
    return "expected digits with '" + decimalMark + "' as the decimal mark"
        + (thousandsSeparator == '\0' ? " and no thousands separator" : " and '" + thousandsSeparator + "' between thousands");
  }

  private static String misplaced(char separator) {
    return "'" + separator + "' is this family's thousands separator but does not separate groups of three digits";
  }

  /** Full-width digits, marks and signs as their ASCII forms; every other character unchanged. */
  static String normalise(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      char n = switch (c) {
        case '．' -> '.';
        case '，' -> ',';
        case '－', '−' -> '-';
        case '＋' -> '+';
        case 'Ｅ' -> 'E';
        case 'ｅ' -> 'e';
        default -> c >= '０' && c <= '９' ? (char) ('0' + (c - '０')) : c;
      };
      if (n != c && out == null) {
        out = new StringBuilder(text.substring(0, i));
      }
      if (out != null) {
        out.append(n);
      }
    }
    return out == null ? text : out.toString();
  }

  /** How the doc states the convention: {@code decimal mark `,`, no thousands separator}. */
  public String describe() {
    return "decimal mark `" + decimalMark + "`"
        + (thousandsSeparator == '\0' ? ", no thousands separator" : ", thousands separator `" + thousandsSeparator + "`");
  }
}
