package org.liangshan.generator;

import java.util.SplittableRandom;

/**
 * Unified social credit codes (统一社会信用代码, GB 32100-2015): registration authority (1), entity type
 * (1), administrative division (6), organisation code with its GB 11714 check character (9), check character
 * (1). Characters are from {@code 0-9A-Z} without I, O, S, V, Z.
 */
final class Uscc {
  static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
  private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

  private Uscc() {}

  /** The GB 32100-2015 check character of the first 17 characters. */
  static char checkCharacter(String first17) {
    if (first17.length() != 17) {
      throw new IllegalArgumentException("Need 17 characters, got " + first17.length() + ": " + first17);
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      int value = CHARSET.indexOf(first17.charAt(i));
      if (value < 0) {
        throw new IllegalArgumentException("Invalid USCC character '" + first17.charAt(i) + "' in " + first17);
      }
      sum += value * WEIGHTS[i];
    }
    int check = 31 - sum % 31;
    return CHARSET.charAt(check == 31 ? 0 : check);
  }

  static boolean isValid(String code) {
    if (code == null || code.length() != 18) {
      return false;
    }
    for (int i = 0; i < 18; i++) {
      if (CHARSET.indexOf(code.charAt(i)) < 0) {
        return false;
      }
    }
    return checkCharacter(code.substring(0, 17)) == code.charAt(17);
  }

  /** The GB 11714-1997 check character of an 8-character organisation code body. */
  static char organisationCheck(String body) {
    int sum = 0;
    for (int i = 0; i < 8; i++) {
      char c = body.charAt(i);
      int value = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
      sum += value * ORG_WEIGHTS[i];
    }
    int check = 11 - sum % 11;
    return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
  }

  /**
   * A random valid code. {@code authorityAndType} is e.g. {@code "91"} (market regulator, enterprise),
   * {@code "93"} (farmers' cooperative), {@code "11"} (government body).
   */
  static String random(SplittableRandom random, String authorityAndType, String division, boolean recent) {
    StringBuilder body = new StringBuilder(8);
    if (recent) {
      // Codes issued since 2015 have organisation codes starting "MA".
      body.append("MA");
      String letters = "0123456789ABCDEFGHJKLMNPQRTUWXY";
      while (body.length() < 8) {
        body.append(letters.charAt(random.nextInt(letters.length())));
      }
    } else {
      while (body.length() < 8) {
        body.append((char) ('0' + random.nextInt(10)));
      }
    }
    char orgCheck = organisationCheck(body.toString());
    String first17 = authorityAndType + division + body + orgCheck;
    return first17 + checkCharacter(first17);
  }
}
