package com.medflow.model.rules;

/**
 * National Provider Identifier check: 10 digits whose last digit is the Luhn check digit of the
 * first nine prefixed with the card issuer prefix 80840 (CMS NPI standard).
 */
public final class Npi {
  private Npi() {}

  public static boolean isValid(String npi) {
    if (npi == null || npi.length() != 10) {
      return false;
    }
    for (int i = 0; i < 10; i++) {
      if (npi.charAt(i) < '0' || npi.charAt(i) > '9') {
        return false;
      }
    }
    return checkDigit(npi.substring(0, 9)) == npi.charAt(9) - '0';
  }

  /** The Luhn check digit of {@code 80840 + nineDigits}. */
  public static int checkDigit(String nineDigits) {
    String payload = "80840" + nineDigits;
    int sum = 0;
    boolean dbl = true; // rightmost payload digit is doubled, since the check digit will follow it
    for (int i = payload.length() - 1; i >= 0; i--) {
      int d = payload.charAt(i) - '0';
      if (dbl) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      dbl = !dbl;
    }
    return (10 - (sum % 10)) % 10;
  }
}
