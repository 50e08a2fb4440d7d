package com.medflow.assistant.nlq;

import static java.util.Objects.requireNonNull;

import com.medflow.lake.Lake;
import com.medflow.model.TableId;
import com.medflow.model.Tables;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.Row;

/**
 * Reads {@link DataFacts} from claims_clean in one Spark job and keeps them until the table's
 * version changes (the next pipeline run).
 */
public final class LakeFacts implements Supplier<DataFacts> {
  private static final Map<String, String> COLUMNS = new LinkedHashMap<>();

  static {
    COLUMNS.put("payer", "payer");
    COLUMNS.put("diagnosis_category", "diagnosis_category");
    COLUMNS.put("provider_specialty", "provider_specialty");
    COLUMNS.put("provider", "provider_name");
    COLUMNS.put("procedure_code", "procedure_code");
    COLUMNS.put("place_of_service", "place_of_service");
    COLUMNS.put("member_state", "member_state");
    COLUMNS.put("denial_reason", "denial_reason");
    COLUMNS.put("denial_reason_code", "denial_reason_code");
    COLUMNS.put("provider_npi", "provider_npi");
    COLUMNS.put("batch", "batch_id");
  }

  private final Lake lake;
  private final Supplier<Map<TableId, String>> versions;
  private final Clock clock;
  private String version;
  private DataFacts facts;

  public LakeFacts(Lake lake, Supplier<Map<TableId, String>> versions, Clock clock) {
    this.lake = requireNonNull(lake, "lake is null");
    this.versions = requireNonNull(versions, "versions is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  @Override
  public synchronized DataFacts get() {
    String current = versions.get().getOrDefault(Tables.CLAIMS_CLEAN, "none");
    if (facts == null || !current.equals(version)) {
      facts = load();
      version = current;
    }
    return facts;
  }

  private DataFacts load() {
    LocalDate today = LocalDate.now(clock);
    if (!lake.exists(Tables.CLAIMS_CLEAN)) {
      return new DataFacts(Map.of(), today, today);
    }
    StringBuilder sql = new StringBuilder("SELECT ");
    for (String column : COLUMNS.values()) {
      sql.append("array_sort(collect_set(").append(column).append(")), ");
    }
    sql.append("MIN(service_date), MAX(service_date) FROM ").append(lake.qualified(Tables.CLAIMS_CLEAN));
    Row r = lake.spark().sql(sql.toString()).first();
    Map<String, List<String>> values = new LinkedHashMap<>();
    int i = 0;
    for (String dimension : COLUMNS.keySet()) {
      List<String> list = new ArrayList<>();
      for (Object v : r.getList(i++)) {
        list.add(String.valueOf(v));
      }
      values.put(dimension, list);
    }
    LocalDate earliest = r.isNullAt(i) ? today : (LocalDate) r.get(i);
    LocalDate latest = r.isNullAt(i + 1) ? today : (LocalDate) r.get(i + 1);
    return new DataFacts(values, earliest, latest);
  }
}
