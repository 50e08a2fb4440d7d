package com.medflow.query;

import static java.util.Objects.requireNonNull;

import com.medflow.config.ResponseCap;
import com.medflow.query.engine.Bytes;
import com.medflow.query.engine.QueryResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a result, after masking, to the rows and bytes one answer to the caller's role may hold
 * ({@code query.business.*} for the business role); a cut result says {@code truncated}.
 */
public final class ResponseCaps {
  private ResponseCaps() {}

  public static QueryResult apply(QueryResult result, ResponseCap cap) {
    requireNonNull(result, "result is null");
    requireNonNull(cap, "cap is null");
    List<List<Object>> kept = new ArrayList<>(Math.min(result.rowCount(), cap.maxRows()));
    long total = 0;
    for (List<Object> row : result.rows()) {
      long bytes = Bytes.jsonRow(row);
      if (kept.size() == cap.maxRows() || total + bytes > cap.maxResultBytes()) {
        return new QueryResult(result.columns(), kept, true, result.latencyMs());
      }
      total += bytes;
      kept.add(row);
    }
    return result;
  }
}
