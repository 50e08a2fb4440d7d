package com.medflow.pipeline.demo;

import static com.medflow.model.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * What {@link DemoDataGenerator} should write.
 *
 * @param claims number of claims over all three payers (at least 1); dirty rows come on top of these
 * @param seed random seed: the same spec always gives byte-identical files
 * @param batch batch name, used as the file name {@code <batch>.csv}; letters, digits, {@code .}, {@code _}, {@code -}
 * @param followUp {@code false} for a base batch; {@code true} for a status-update batch that re-sends, with a new
 *     status, some of the claims the base batch of the same {@code claims} and {@code seed} wrote
 * @param today the day the files are written: no date of a clean row lies after it, and dirty "future" dates do;
 *     service dates run from 2024-01-01 to 2025-12-31, or to {@code today} if that is earlier. From 2026-03-16 on
 *     (30 days to submit plus 45 to process after the last service date) the files no longer depend on {@code today},
 *     so the CLI may pass the current date and still give the same bytes for the same seed on any day
 */
public record DemoSpec(long claims, long seed, String batch, boolean followUp, LocalDate today) {
  /** Default claim count of {@code ./medflow generate}. */
  public static final long DEFAULT_CLAIMS = 100_000;
  /** First service date. */
  public static final LocalDate FIRST_SERVICE_DATE = LocalDate.of(2024, 1, 1);
  /** Last service date (when {@code today} is later). */
  public static final LocalDate LAST_SERVICE_DATE = LocalDate.of(2025, 12, 31);

  private static final Pattern BATCH = Pattern.compile("[A-Za-z0-9._-]+");
  private static final long MAX_CLAIMS = 1_000_000_000L;

  /** Validates the spec. */
  public DemoSpec {
    requireNonNull(batch, "batch is null");
    requireNonNull(today, "today is null");
    checkArgument(claims >= 1 && claims <= MAX_CLAIMS, "Invalid claim count (1..%s): %s", MAX_CLAIMS, claims);
    checkArgument(BATCH.matcher(batch).matches() && batch.length() <= 100,
        "Invalid batch name (letters, digits, '.', '_', '-'; at most 100): %s", batch);
    checkArgument(!today.isBefore(FIRST_SERVICE_DATE), "Invalid today (must not be before %s): %s",
        FIRST_SERVICE_DATE, today);
  }

  /** The last service date written: {@link #LAST_SERVICE_DATE} or {@code today}, whichever is earlier. */
  public LocalDate lastServiceDate() {
    return today.isBefore(LAST_SERVICE_DATE) ? today : LAST_SERVICE_DATE;
  }
}
