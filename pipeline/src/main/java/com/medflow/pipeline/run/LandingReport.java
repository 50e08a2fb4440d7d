package com.medflow.pipeline.run;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.medflow.lake.Lake;
import com.medflow.model.Tables;
import com.medflow.pipeline.bronze.IngestPlan;
import com.medflow.pipeline.landing.RefusedFile;
import com.medflow.pipeline.quality.QualityLogRows;
import com.medflow.pipeline.silver.SilverWriter;
import com.medflow.store.runs.RunEvent;
import com.medflow.store.runs.RunLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;

/**
 * Records the landing files a run refused or held back: one run event each ({@code file_refused},
 * {@code file_held}, detail "file: reason") and a quality-log row each (layer {@code landing}, FILE_REFUSED or
 * FILE_HELD, {@code detail} "file: reason"), merged straight into the published log, since no batch carries
 * them. A file still refused for the same reason is not logged again, so a re-run with no news changes no table.
 */
final class LandingReport {
  private LandingReport() {}

  static void record(Lake lake, RunLog log, String runId, IngestPlan plan, Instant now) {
    plan.refused().forEach(f -> log.event(runId, RunEvent.FILE_REFUSED, f.describe(), now));
    plan.held().forEach(f -> log.event(runId, RunEvent.FILE_HELD, f.describe(), now));
    List<Row> rows = QualityLogRows.landing(plan.refused(), plan.held(), runId, now);
    if (rows.isEmpty()) {
      return;
    }
    Set<String> logged = new HashSet<>();
    for (Row r : lake.spark().table(lake.qualified(Tables.DATA_QUALITY_LOG))
        .where(col("layer").equalTo(lit(QualityLogRows.LANDING)))
        .select("payer", "batch_id", "check_name", "detail").collectAsList()) {
      logged.add(key(r.getString(0), r.getString(1), r.getString(2), r.getString(3)));
    }
    List<Row> fresh = new ArrayList<>();
    for (Row r : rows) { // QualityLogRows.SCHEMA order: batch_id, run_at, payer, layer, check_name, ..., detail
      if (!logged.contains(key(r.getString(2), r.getString(0), r.getString(4), r.getString(12)))) {
        fresh.add(r);
      }
    }
    if (!fresh.isEmpty()) {
      new SilverWriter(lake).mergeQualityLogMain(fresh);
    }
  }

  /**
   * "; N refused: file: reason; ...; N held back: ...; file: N data line(s) not valid UTF-8 (line L), ..." for the
   * ingest task's detail, or "".
   */
  static String describe(IngestPlan plan) {
    StringBuilder sb = new StringBuilder();
    plan.files().forEach(f -> f.preflight().encodingProblem().ifPresent(p -> sb.append("; ").append(p)));
    if (!plan.refused().isEmpty()) {
      sb.append("; ").append(plan.refused().size()).append(" refused: ")
          .append(String.join("; ", plan.refused().stream().map(RefusedFile::describe).toList()));
    }
    if (!plan.held().isEmpty()) {
      sb.append("; ").append(plan.held().size()).append(" held back: ")
          .append(String.join(", ", plan.held().stream().map(RefusedFile::file).toList()));
    }
    return sb.toString();
  }

  private static String key(String payer, String batch, String check, String detail) {
    return payer + '\u0000' + batch + '\u0000' + check + '\u0000' + detail;
  }
}
