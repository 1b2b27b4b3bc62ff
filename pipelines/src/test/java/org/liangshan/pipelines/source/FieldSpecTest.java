package org.liangshan.pipelines.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.liangshan.pipelines.source.Rejection.Reason;

/** Typing one value: strict, locale-aware numbers, strict dates, censored values. No Spark. */
class FieldSpecTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final NumberConvention DECIMAL_COMMA = NumberConvention.of(",", null);
  private static final NumberConvention GROUPED = NumberConvention.of(".", ",");

  private static FieldSpec tp(NumberConvention numbers) {
    return new FieldSpec("tp_mg_l", List.of("总磷(mg/L)"), FieldType.DOUBLE, false, 0, 20, Map.of(), "总磷 mg/L", numbers, true, false);
  }

  private static FieldSpec of(FieldType type, boolean future) {
    return new FieldSpec("x", List.of("字段"), type, false, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Map.of(), "x",
        NumberConvention.DEFAULT, false, future);
  }

  private static void assertNumber(FieldSpec field, String raw, double expected) throws Rejection {
    assertThat(field.parse(raw, NOW)).isEqualTo(expected);
  }

  private static void assertRefused(FieldSpec field, String raw, Reason reason, String message) {
    assertThatThrownBy(() -> field.parse(raw, NOW))
        .isInstanceOf(Rejection.class)
        .hasMessage(message)
        .extracting(e -> ((Rejection) e).reason()).isEqualTo(reason);
  }

  @Test
  void aDecimalCommaIsReadOnlyWhereTheFamilyDeclaresItAndNeverAsThousands() throws Rejection {
    // The case: 0,019 mg/L total phosphorus in a tab-delimited station file.
    assertNumber(tp(DECIMAL_COMMA), "0,019", 0.019);
    assertRefused(tp(NumberConvention.DEFAULT), "0,019", Reason.NOT_A_NUMBER,
        "'0,019' in '总磷(mg/L)' is not a number: ',' is neither this family's decimal mark ('.') nor a thousands separator"
            + " it declares; if the agency writes decimal commas, the family must declare decimal-mark: \",\"");
    // With decimal commas a point is not a decimal mark either.
    assertRefused(tp(DECIMAL_COMMA), "0.019", Reason.NOT_A_NUMBER,
        "'0.019' in '总磷(mg/L)' is not a number: '.' is neither this family's decimal mark (',') nor a thousands separator it declares");
  }

  @Test
  void thousandsSeparatorsOnlyWhereDeclaredAndOnlyBetweenGroupsOfThree() throws Rejection {
    FieldSpec flow = new FieldSpec("flow", List.of("流量"), FieldType.DOUBLE, false, 0, 1e9, Map.of(), "flow", GROUPED, false, false);
    assertNumber(flow, "1,234,567.5", 1234567.5);
    assertNumber(flow, "999", 999);
    assertRefused(flow, "12,34", Reason.NOT_A_NUMBER,
        "'12,34' in '流量' is not a number: ',' is this family's thousands separator but does not separate groups of three digits");
    assertRefused(flow, "1234,567", Reason.NOT_A_NUMBER,
        "'1234,567' in '流量' is not a number: ',' is this family's thousands separator but does not separate groups of three digits");
    FieldSpec money = new FieldSpec("amount_yuan", List.of("金额(元)"), FieldType.DECIMAL, true, 0, Double.POSITIVE_INFINITY,
        Map.of(), "amount", NumberConvention.DEFAULT, false, false);
    // Money used to have every comma stripped; without a declared separator 1,000 is refused, not read as 1000.
    assertRefused(money, "1,000", Reason.NOT_A_NUMBER,
        "'1,000' in '金额(元)' is not a number: ',' is neither this family's decimal mark ('.') nor a thousands separator"
            + " it declares; if the agency writes decimal commas, the family must declare decimal-mark: \",\"");
    assertThat(money.parse("1000.50", NOW)).isEqualTo(new BigDecimal("1000.50"));
  }

  @Test
  void nanAndInfinityInAnySpellingAreRefused() {
    for (String raw : List.of("NaN", "nan", "-NaN", "Infinity", "-Infinity", "inf", "+INF", "∞", "1.#INF", "#DIV/0!")) {
      assertRefused(tp(NumberConvention.DEFAULT), raw, Reason.NOT_A_NUMBER, "'" + raw + "' in '总磷(mg/L)' is not a number:"
          + " NaN and infinity are not measured values; leave the value empty when it is missing");
    }
    // Java's own spellings that are not numbers an agency writes: hexadecimal, type suffixes.
    assertRefused(tp(NumberConvention.DEFAULT), "0x1p-3", Reason.NOT_A_NUMBER,
        "'0x1p-3' in '总磷(mg/L)' is not a number: expected digits with '.' as the decimal mark and no thousands separator");
    assertRefused(tp(NumberConvention.DEFAULT), "1d", Reason.NOT_A_NUMBER,
        "'1d' in '总磷(mg/L)' is not a number: expected digits with '.' as the decimal mark and no thousands separator");
    assertRefused(tp(NumberConvention.DEFAULT), "1e999", Reason.NOT_A_NUMBER, "'1e999' in '总磷(mg/L)' is beyond the range of a number");
  }

  @Test
  void fullWidthDigitsMarksAndSignsAreTheSameNumbers() throws Rejection {
    assertNumber(tp(NumberConvention.DEFAULT), "０．０５", 0.05);
    assertNumber(tp(DECIMAL_COMMA), "０，０１９", 0.019);
    FieldSpec level = new FieldSpec("level_m", List.of("水位(m)"), FieldType.DOUBLE, false, -10, 2000, Map.of(), "level");
    assertNumber(level, "－２．５", -2.5);
    assertNumber(level, "−2.5", -2.5);
    assertNumber(level, "1.5e2", 150);
  }

  @Test
  void datesAreStrictAndMalformedOnesAreQuarantinedWithFieldAndReason() throws Rejection {
    FieldSpec maturity = of(FieldType.DATE, true);
    assertThat(maturity.parse("2030-06-30", NOW)).isEqualTo(Date.valueOf("2030-06-30"));
    assertThat(maturity.parse("２０３０－０６－３０", NOW)).isEqualTo(Date.valueOf("2030-06-30"));
    assertRefused(maturity, "2025/13/45", Reason.BAD_DATE, "'2025/13/45' in '字段' is not a date (yyyy-MM-dd)");
    assertRefused(maturity, "不详", Reason.BAD_DATE, "'不详' in '字段' is not a date (yyyy-MM-dd)");
    assertRefused(maturity, "2025-02-30", Reason.BAD_DATE, "'2025-02-30' in '字段' is not a date (yyyy-MM-dd)");
    // Future dates are refused unless the field declares them (a maturity, an expiry).
    assertRefused(of(FieldType.DATE, false), "2030-06-30", Reason.FUTURE_TIMESTAMP, "date 2030-06-30 in '字段' is in the future");
    // The default resolver would read 30 February as the 28th or 29th.
    assertRefused(of(FieldType.TIMESTAMP, false), "2024-02-30 10:00", Reason.BAD_DATE,
        "'2024-02-30 10:00' in '字段' is not a time (yyyy-MM-dd HH:mm)");
  }

  @Test
  void censoredValuesKeepWhatWasReportedAndTheLimit() throws Rejection {
    FieldSpec tp = tp(NumberConvention.DEFAULT);
    assertThat(tp.censored("<0.01")).isEqualTo(new Censored("<0.01", 0.01));
    assertThat(tp.censored("＜０．０１")).isEqualTo(new Censored("＜０．０１", 0.01));
    // HJ/T 91-2002: the method's limit followed by the flag L.
    assertThat(tp.censored("0.01L")).isEqualTo(new Censored("0.01L", 0.01));
    assertThat(tp.censored("ND")).isEqualTo(new Censored("ND", null));
    assertThat(tp.censored("未检出")).isEqualTo(new Censored("未检出", null));
    assertThat(tp.censored("<DL")).isEqualTo(new Censored("<DL", null));
    assertThat(tp.censored("0.05")).isNull();
    assertThat(tp(DECIMAL_COMMA).censored("<0,01")).isEqualTo(new Censored("<0,01", 0.01));
    assertThatThrownBy(() -> tp.censored("<0,01"))
        .isInstanceOf(Rejection.class)
        .hasMessageStartingWith("'<0,01' in '总磷(mg/L)' is not a detection limit: ',' is neither this family's decimal mark");
    // A field that is not censorable reads <0.01 as what it is: not a number.
    FieldSpec level = new FieldSpec("level_m", List.of("水位(m)"), FieldType.DOUBLE, false, -10, 2000, Map.of(), "level");
    assertThat(level.censored("<0.01")).isNull();
    assertRefused(level, "<0.01", Reason.NOT_A_NUMBER,
        "'<0.01' in '水位(m)' is not a number: expected digits with '.' as the decimal mark and no thousands separator");
  }

  @Test
  void theSubstitutionRulesAreHalfTheLimitByDefault() {
    assertThat(Censored.Substitution.of(null)).isEqualTo(Censored.Substitution.HALF_LIMIT);
    assertThat(Censored.Substitution.HALF_LIMIT.apply(0.01)).isEqualTo(0.005);
    assertThat(Censored.Substitution.of("dl").apply(0.01)).isEqualTo(0.01);
    assertThat(Censored.Substitution.of("zero").apply(0.01)).isZero();
    assertThatThrownBy(() -> Censored.Substitution.of("dl/3"))
        .hasMessage("censored substitution 'dl/3'; expected dl/2, dl or zero");
  }
}
