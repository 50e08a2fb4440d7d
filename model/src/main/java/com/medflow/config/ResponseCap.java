package com.medflow.config;

import static com.medflow.model.Preconditions.checkArgument;

/**
 * The most rows and bytes of result values (UTF-8 JSON, after masking) one answer may hold; the rows after
 * the cap are cut and the answer says {@code truncated}. Per role: {@link MedflowConfig.Query#cap}.
 */
public record ResponseCap(int maxRows, long maxResultBytes) {
  public ResponseCap {
    checkArgument(maxRows >= 1, "Invalid row cap: %s", maxRows);
    checkArgument(maxResultBytes >= 1_024, "Invalid byte cap: %s", maxResultBytes);
  }

  /** {@code query.business.max-rows} and {@code query.business.max-result-bytes}. */
  static ResponseCap parseBusiness(RawConfig raw) {
    return new ResponseCap(raw.integer(Settings.QUERY_BUSINESS_MAX_ROWS, 1, 10_000_000),
        raw.longInteger(Settings.QUERY_BUSINESS_MAX_RESULT_BYTES, 1_024, 1L << 40));
  }
}
