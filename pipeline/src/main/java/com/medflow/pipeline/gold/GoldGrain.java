package com.medflow.pipeline.gold;

import static java.util.Objects.requireNonNull;

import com.medflow.model.Preconditions;
import com.medflow.model.TableId;
import com.medflow.model.Tables;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The grain of a gold table: the group it aggregates claims_clean rows into (each group column
 * with the expression over a claims_clean row that gives it, as in the table's SQL) and the key
 * of its rows (the group plus, for the funnel, the stage). A claim belongs to exactly one group
 * of each table, so replacing the rows of the groups a batch touched gives the full rebuild.
 */
public record GoldGrain(TableId table, Map<String, String> group, List<String> key) {
  private static final String SERVICE_MONTH = "CAST(date_trunc('MONTH', service_date) AS DATE)";

  public static final GoldGrain MONTHLY_SUMMARY = new GoldGrain(Tables.MONTHLY_SUMMARY,
      ordered("service_month", SERVICE_MONTH, "payer", "payer"), List.of("service_month", "payer"));
  public static final GoldGrain APPROVAL_FUNNEL = new GoldGrain(Tables.APPROVAL_FUNNEL,
      ordered("service_month", SERVICE_MONTH, "payer", "payer"), List.of("service_month", "payer", "stage"));
  public static final GoldGrain PROVIDER_PERFORMANCE = new GoldGrain(Tables.PROVIDER_PERFORMANCE,
      ordered("provider_npi", "provider_npi", "payer", "payer"), List.of("provider_npi", "payer"));

  public GoldGrain {
    requireNonNull(table, "table is null");
    group = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(group));
    key = List.copyOf(key);
    Preconditions.checkArgument(!group.isEmpty() && key.containsAll(group.keySet()),
        "Invalid grain of %s: key %s must hold the group %s", table, key, group.keySet());
  }

  public static GoldGrain of(TableId table) {
    for (GoldGrain g : List.of(MONTHLY_SUMMARY, APPROVAL_FUNNEL, PROVIDER_PERFORMANCE)) {
      if (g.table.equals(table)) {
        return g;
      }
    }
    throw new IllegalArgumentException("Invalid gold table: " + table);
  }

  /** {@code <expr> AS <column>} for each group column: the group of a claims_clean row. */
  public String[] groupExpressions() {
    return group.entrySet().stream().map(e -> e.getValue() + " AS " + e.getKey()).toArray(String[]::new);
  }

  private static Map<String, String> ordered(String k1, String v1, String k2, String v2) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(k1, v1);
    m.put(k2, v2);
    return m;
  }
}
