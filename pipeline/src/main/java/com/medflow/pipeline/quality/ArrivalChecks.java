package com.medflow.pipeline.quality;

import static java.util.Objects.requireNonNull;

import com.medflow.config.OrchestrationConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Freshness and volume checks over the batches bronze holds (warn only: they never stop a run).
 * Freshness: a payer whose latest batch arrived longer ago than its interval is stale. Volume: a
 * batch whose row count differs from the mean of the payer's previous {@code window} batches by
 * more than {@code maxDeviation} of that mean. A payer's first batch has nothing to compare with.
 */
public final class ArrivalChecks {
  public static final String FRESHNESS = "FRESHNESS";
  public static final String VOLUME = "VOLUME";

  /** A payer's freshness: its latest batch, how old it is, and the interval it must beat. */
  public record Freshness(String payer, String lastBatchId, Instant lastArrivalAt, Duration age, Duration interval) {
    public Freshness {
      requireNonNull(payer, "payer is null");
      requireNonNull(lastBatchId, "lastBatchId is null");
      requireNonNull(lastArrivalAt, "lastArrivalAt is null");
      requireNonNull(age, "age is null");
      requireNonNull(interval, "interval is null");
    }

    public boolean stale() {
      return age.compareTo(interval) > 0;
    }
  }

  /** A batch's volume against the mean of {@code compared} previous batches of its payer. */
  public record Volume(String payer, String batchId, long rows, long expectedRows, int compared, double maxDeviation) {
    public Volume {
      requireNonNull(payer, "payer is null");
      requireNonNull(batchId, "batchId is null");
    }

    /** |rows - expected|. */
    public long deviationRows() {
      return Math.abs(rows - expectedRows);
    }

    /** deviationRows / expectedRows. */
    public double deviation() {
      return (double) deviationRows() / expectedRows;
    }

    public boolean passed() {
      return deviation() <= maxDeviation;
    }
  }

  private final OrchestrationConfig.Checks config;

  public ArrivalChecks(OrchestrationConfig.Checks config) {
    this.config = requireNonNull(config, "config is null");
  }

  public OrchestrationConfig.Checks config() {
    return config;
  }

  /** One entry per payer that has a batch, by payer name. */
  public List<Freshness> freshness(Collection<BatchArrival> history, Instant now) {
    Map<String, BatchArrival> latest = new java.util.TreeMap<>();
    for (BatchArrival b : history) {
      latest.merge(b.payer(), b, (a, c) -> ORDER.compare(a, c) >= 0 ? a : c);
    }
    List<Freshness> out = new ArrayList<>();
    latest.forEach((payer, b) -> out.add(new Freshness(payer, b.batchId(), b.arrivedAt(),
        Duration.between(b.arrivedAt(), now).isNegative() ? Duration.ZERO : Duration.between(b.arrivedAt(), now),
        config.freshness(payer))));
    return out;
  }

  /** The volume of batch {@code key} ("payer/batch_id") against the payer's batches that arrived before it. */
  public Optional<Volume> volume(Collection<BatchArrival> history, String key) {
    List<BatchArrival> sorted = history.stream().sorted(ORDER).toList();
    BatchArrival batch = sorted.stream().filter(b -> b.key().equals(key)).findFirst().orElse(null);
    if (batch == null) {
      return Optional.empty();
    }
    List<BatchArrival> before = new ArrayList<>();
    for (BatchArrival b : sorted) {
      if (b == batch) {
        break;
      }
      if (b.payer().equals(batch.payer())) {
        before.add(b);
      }
    }
    List<BatchArrival> window = before.subList(Math.max(0, before.size() - config.volumeWindow()), before.size());
    if (window.isEmpty()) {
      return Optional.empty();
    }
    long expected = Math.round(window.stream().mapToLong(BatchArrival::rows).average().orElseThrow());
    if (expected == 0) {
      return Optional.empty();
    }
    return Optional.of(new Volume(batch.payer(), batch.batchId(), batch.rows(), expected, window.size(),
        config.volumeMaxDeviation()));
  }

  /** The volume of each payer's latest batch, by payer name. */
  public List<Volume> latestVolumes(Collection<BatchArrival> history) {
    Map<String, BatchArrival> latest = new LinkedHashMap<>();
    history.stream().sorted(Comparator.comparing(BatchArrival::payer).thenComparing(ORDER))
        .forEach(b -> latest.put(b.payer(), b));
    List<Volume> out = new ArrayList<>();
    latest.values().forEach(b -> volume(history, b.key()).ifPresent(out::add));
    return out;
  }

  /** Arrival order: time, then batch id, then payer. */
  static final Comparator<BatchArrival> ORDER = Comparator.comparing(BatchArrival::arrivedAt)
      .thenComparing(BatchArrival::batchId).thenComparing(BatchArrival::payer);
}
