package com.medflow.cli.term;

import com.medflow.model.QualityCheck;
import com.medflow.model.Severity;
import com.medflow.pipeline.quality.BatchStats;
import com.medflow.pipeline.run.RunOutcome;
import com.medflow.store.runs.PayerResult;
import com.medflow.store.runs.RunState;
import com.medflow.store.runs.TaskRecord;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** The end-of-run summary a person reads at a glance: per-payer quality against the gate, stage times, verdict. */
public final class RunSummaryPrinter {
  private static final int BAR = 24;

  private RunSummaryPrinter() {}

  public static void print(Terminal t, RunOutcome o, double threshold) {
    t.line("");
    if (!o.payers().isEmpty()) {
      double scale = Math.max(threshold * 2, o.payers().stream().mapToDouble(PayerResult::quarantineRate).max().orElse(0));
      int mark = (int) Math.round(threshold / scale * BAR);
      t.line(t.bold(String.format(Locale.ROOT, "  %-13s %-16s %10s %10s %10s  %-6s %s", "payer", "batch", "bronze",
          "clean", "quarantine", "rate", "quarantine rate (| = gate " + pct(threshold) + ")")));
      for (PayerResult p : o.payers()) {
        String bar = Terminal.bar(p.quarantineRate() / scale, BAR);
        bar = bar.substring(0, Math.min(mark, BAR)) + "|" + bar.substring(Math.min(mark, BAR));
        String verdict = p.gatePassed() ? t.green("pass") : t.red("FAIL");
        String rec = (p.rolledRows() > 0 ? t.dim("  + " + Terminal.count(p.rolledRows()) + " lines rolled into claims") : "")
            + (p.reconciled() ? "" : t.red("  unaccounted " + p.unaccounted()));
        t.line(String.format(Locale.ROOT, "  %-13s %-16s %10s %10s %10s  %-6s %s %s%s", p.payer(), trim(p.batchId(), 16),
            Terminal.count(p.bronzeRows()), Terminal.count(p.cleanRows()), Terminal.count(p.quarantinedRows()),
            pct(p.quarantineRate()), p.gatePassed() ? bar : t.red(bar), verdict, rec));
      }
      long bronze = o.payers().stream().mapToLong(PayerResult::bronzeRows).sum();
      long clean = o.payers().stream().mapToLong(PayerResult::cleanRows).sum();
      long quarantined = o.payers().stream().mapToLong(PayerResult::quarantinedRows).sum();
      long rolled = o.payers().stream().mapToLong(PayerResult::rolledRows).sum();
      boolean allReconciled = o.payers().stream().allMatch(PayerResult::reconciled);
      t.line(String.format(Locale.ROOT, "  every row accounted for: %s bronze = %s clean%s + %s quarantined %s",
          Terminal.count(bronze), Terminal.count(clean),
          rolled > 0 ? " + " + Terminal.count(rolled) + " rolled into claims" : "", Terminal.count(quarantined),
          allReconciled ? t.green("✓") : t.red("✗")));
      Map<QualityCheck, Long> reasons = new EnumMap<>(QualityCheck.class);
      for (BatchStats s : o.stats()) {
        s.failures().forEach((k, v) -> reasons.merge(k, v, Long::sum));
      }
      if (!reasons.isEmpty()) {
        long max = reasons.values().stream().mapToLong(Long::longValue).max().orElse(1);
        t.line(t.bold("  rows per check"));
        reasons.forEach((check, n) -> t.line(String.format(Locale.ROOT, "  %-24s %8s %s %s", check.name(),
            Terminal.count(n), Terminal.bar((double) n / max, 20), check.severity() == Severity.WARN ? t.dim("warn only") : "")));
      }
    }
    long total = o.tasks().stream().filter(x -> x.durationMs() != null).mapToLong(TaskRecord::durationMs).max().orElse(1);
    t.line(t.bold("  stage times"));
    for (TaskRecord task : o.tasks()) {
      if (task.durationMs() != null && task.startedAt() != null) {
        t.line(String.format(Locale.ROOT, "  %-13s %7s %s", task.name(), Terminal.seconds(task.durationMs()),
            Terminal.bar((double) task.durationMs() / total, 30)));
      }
    }
    String verdict = switch (o.state()) {
      case SUCCEEDED -> t.green("SUCCEEDED");
      case NOTHING_TO_DO -> t.green("NOTHING TO DO") + t.dim(" (no new files)");
      case GATE_FAILED -> t.red("GATE FAILED") + ": " + String.join("; ", o.gateFailures())
          + t.dim(" — gold and claims_clean unchanged by the failing batch");
      default -> t.red(o.state().name());
    };
    String speed = o.bronzeRows() > 0 ? " (" + Terminal.rate(o.bronzeRows(), o.totalMillis()).replace("rows", "claims") + ")" : "";
    t.line("");
    t.line("  " + verdict + " in " + Terminal.seconds(o.totalMillis()) + speed + "   run " + o.runId());
    if (!o.skippedFiles().isEmpty()) {
      java.util.Map<String, Long> byReason = new java.util.TreeMap<>();
      o.skippedFiles().forEach(f -> byReason.merge(f.reason(), 1L, Long::sum));
      byReason.forEach((reason, n) -> t.line(t.dim("  skipped: " + n + " file(s) " + reason)));
    }
    for (var f : o.refusedFiles()) {
      t.line("  " + t.red("REFUSED") + " " + f.describe());
    }
    for (var f : o.heldFiles()) {
      t.line("  " + t.red("HELD") + " " + f.describe());
    }
    if (o.state() == RunState.SUCCEEDED || o.state() == RunState.GATE_FAILED) {
      t.line(t.dim("  ingested: " + String.join(", ", o.ingestedFiles())));
    }
  }

  static String pct(double f) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * f);
  }

  private static String trim(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "…";
  }
}
