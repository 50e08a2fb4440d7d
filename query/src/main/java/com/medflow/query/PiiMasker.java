package com.medflow.query;

import com.medflow.query.engine.QueryResult;
import com.medflow.query.engine.ResultColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Replaces the values of PII output columns with a mask before a result leaves the executor. */
public final class PiiMasker {
  public static final String MASK = "•••••";

  private PiiMasker() {}

  public static QueryResult mask(QueryResult result, Set<String> maskedColumns) {
    if (maskedColumns.isEmpty()) {
      return result;
    }
    Set<String> masked = maskedColumns.stream().map(c -> c.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    boolean[] hide = new boolean[result.columns().size()];
    List<ResultColumn> columns = new ArrayList<>();
    boolean any = false;
    for (int i = 0; i < hide.length; i++) {
      ResultColumn c = result.columns().get(i);
      hide[i] = masked.contains(c.name().toLowerCase(Locale.ROOT));
      any |= hide[i];
      columns.add(hide[i] ? new ResultColumn(c.name(), "string") : c);
    }
    if (!any) {
      return result;
    }
    List<List<Object>> rows = new ArrayList<>(result.rows().size());
    for (List<Object> row : result.rows()) {
      List<Object> copy = new ArrayList<>(row);
      for (int i = 0; i < hide.length; i++) {
        if (hide[i] && copy.get(i) != null) {
          copy.set(i, MASK);
        }
      }
      rows.add(copy);
    }
    return new QueryResult(columns, rows, result.truncated(), result.latencyMs());
  }
}
