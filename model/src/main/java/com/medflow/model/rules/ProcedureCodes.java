package com.medflow.model.rules;

import java.util.regex.Pattern;

/** CPT ({@code \d{4}[0-9FTU]}) or HCPCS Level II ({@code [A-V]\d{4}}) procedure codes. */
public final class ProcedureCodes {
  private static final Pattern CPT = Pattern.compile("\\d{4}[0-9FTU]");
  private static final Pattern HCPCS = Pattern.compile("[A-V]\\d{4}");

  private ProcedureCodes() {}

  public static boolean isValid(String code) {
    return code != null && (CPT.matcher(code).matches() || HCPCS.matcher(code).matches());
  }

  public static boolean isHcpcsLevel2(String code) {
    return code != null && HCPCS.matcher(code).matches();
  }
}
