package com.medflow.server.metrics;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Counters and latency histograms of the server, written in the Prometheus text format for
 * {@code GET /api/metrics}: requests by route and status, request duration by route, answers by
 * status/engine/cache, SQL outcomes, plus JVM memory and any gauges registered at wiring time.
 */
public final class Metrics {
  private static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

  private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();
  private final Map<String, Histogram> histograms = new ConcurrentHashMap<>();
  private final Map<String, Supplier<Map<String, Long>>> gauges = new ConcurrentHashMap<>();

  private static final class Histogram {
    final LongAdder[] buckets = new LongAdder[BUCKETS.length];
    final LongAdder count = new LongAdder();
    final AtomicLong sumMicros = new AtomicLong();

    Histogram() {
      for (int i = 0; i < buckets.length; i++) {
        buckets[i] = new LongAdder();
      }
    }
  }

  /** Adds one to {@code name} with labels given as alternating names and values. */
  public void count(String name, String... labels) {
    counters.computeIfAbsent(series(name, labels), k -> new LongAdder()).increment();
  }

  public void observe(String name, double seconds, String... labels) {
    Histogram h = histograms.computeIfAbsent(series(name, labels), k -> new Histogram());
    for (int i = 0; i < BUCKETS.length; i++) {
      if (seconds <= BUCKETS[i]) {
        h.buckets[i].increment();
      }
    }
    h.count.increment();
    h.sumMicros.addAndGet((long) (seconds * 1_000_000));
  }

  /** A gauge family read at scrape time: label-set text ({@code state="SUCCEEDED"}) to value. */
  public void gauge(String name, Supplier<Map<String, Long>> values) {
    gauges.put(name, values);
  }

  private static String series(String name, String... labels) {
    if (labels.length == 0) {
      return name;
    }
    StringBuilder sb = new StringBuilder(name).append('{');
    for (int i = 0; i + 1 < labels.length; i += 2) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(labels[i]).append("=\"").append(labels[i + 1].replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
    return sb.append('}').toString();
  }

  public String scrape() {
    StringBuilder out = new StringBuilder();
    new TreeMap<>(counters).forEach((k, v) -> out.append(k).append(' ').append(v.sum()).append('\n'));
    new TreeMap<>(histograms).forEach((k, h) -> {
      String name = k.contains("{") ? k.substring(0, k.indexOf('{')) : k;
      String labels = k.contains("{") ? k.substring(k.indexOf('{') + 1, k.length() - 1) : "";
      String sep = labels.isEmpty() ? "" : labels + ",";
      for (int i = 0; i < BUCKETS.length; i++) {
        out.append(name).append("_bucket{").append(sep).append("le=\"").append(BUCKETS[i]).append("\"} ")
            .append(h.buckets[i].sum()).append('\n');
      }
      out.append(name).append("_bucket{").append(sep).append("le=\"+Inf\"} ").append(h.count.sum()).append('\n');
      out.append(name).append("_count").append(labels.isEmpty() ? "" : "{" + labels + "}").append(' ').append(h.count.sum()).append('\n');
      out.append(name).append("_sum").append(labels.isEmpty() ? "" : "{" + labels + "}").append(' ')
          .append(String.format(Locale.ROOT, "%.6f", h.sumMicros.get() / 1e6)).append('\n');
    });
    new TreeMap<>(gauges).forEach((name, supplier) -> supplier.get().forEach((labels, v) ->
        out.append(name).append(labels.isEmpty() ? "" : "{" + labels + "}").append(' ').append(v).append('\n')));
    MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
    out.append("jvm_heap_used_bytes ").append(mem.getHeapMemoryUsage().getUsed()).append('\n');
    out.append("jvm_heap_max_bytes ").append(mem.getHeapMemoryUsage().getMax()).append('\n');
    out.append("jvm_threads ").append(ManagementFactory.getThreadMXBean().getThreadCount()).append('\n');
    return out.toString();
  }
}
