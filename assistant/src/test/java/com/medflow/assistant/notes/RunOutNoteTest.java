package com.medflow.assistant.notes;

import static org.assertj.core.api.Assertions.assertThat;

import com.medflow.pipeline.testing.PipelineHarness;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated claims with a known submission lag (exponential, mean 20 days, plus 1 day): 120 claims per
 * service day over two years, of which only those submitted by the cut-off date have arrived. The true
 * completeness of a month is arrived / generated; the estimate sees only the arrived claims.
 */
class RunOutNoteTest {
  static final LocalDate CUT_OFF = LocalDate.of(2025, 12, 31);
  @TempDir
  static Path home;
  static PipelineHarness h;
  static final Map<YearMonth, long[]> truth = new HashMap<>();

  @BeforeAll
  static void generate() {
    h = new PipelineHarness(home, 0.6, Map.of());
    Random random = new Random(42);
    List<Row> rows = new ArrayList<>();
    for (LocalDate d = LocalDate.of(2024, 1, 1); !d.isAfter(CUT_OFF); d = d.plusDays(1)) {
      for (int i = 0; i < 120; i++) {
        long lag = 1 + Math.round(-20 * Math.log(1 - random.nextDouble()));
        LocalDate submitted = d.plusDays(lag);
        long[] t = truth.computeIfAbsent(YearMonth.from(d), m -> new long[2]);
        t[0]++;
        if (!submitted.isAfter(CUT_OFF)) {
          t[1]++;
          rows.add(RowFactory.create(i % 2 == 0 ? "Aetna" : "BlueCross", Date.valueOf(d), Date.valueOf(submitted)));
        }
      }
    }
    StructType schema = new StructType().add("payer", DataTypes.StringType).add("service_date", DataTypes.DateType)
        .add("submitted_date", DataTypes.DateType);
    h.spark.createDataFrame(rows, schema).createOrReplaceTempView("runout_claims");
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  private static List<List<Object>> run(String sql) {
    List<List<Object>> out = new ArrayList<>();
    for (Row r : h.spark.sql(sql).collectAsList()) {
      out.add(AnswerNotesTest.row(r));
    }
    return out;
  }

  @Test
  void recentMonthsAreEstimatedWithinFivePointsOfTheirTrueCompleteness() {
    List<RunOutNote.Month> months = new RunOutNote("runout_claims").estimate(Optional.empty(), RunOutNoteTest::run);
    assertThat(months).extracting(RunOutNote.Month::month).contains(YearMonth.of(2025, 10), YearMonth.of(2025, 11),
        YearMonth.of(2025, 12));
    for (RunOutNote.Month m : months) {
      long[] t = truth.get(m.month());
      double actual = (double) t[1] / t[0];
      System.out.printf(java.util.Locale.ROOT, "run-out %s: estimated %.3f, true %.3f%n", m.month(), m.complete(), actual);
      assertThat(m.complete()).as("%s: true %.3f", m.month(), actual).isCloseTo(actual,
          org.assertj.core.data.Offset.offset(0.05));
    }
    // January 2026 has submissions (lag) but no service yet: it is not reported
    RunOutNote.Month december = months.get(months.size() - 1);
    assertThat(december.month()).isEqualTo(YearMonth.of(2025, 12));
    assertThat(december.complete()).isBetween(0.3, 0.7); // the last month really is far from complete
  }

  @Test
  void onePayersLagIsReadFromThatPayersClaims() {
    List<RunOutNote.Month> months = new RunOutNote("runout_claims").estimate(Optional.of(List.of("Aetna")),
        RunOutNoteTest::run);
    long[] t = truth.get(YearMonth.of(2025, 11));
    double actual = (double) t[1] / t[0];
    assertThat(months.stream().filter(m -> m.month().equals(YearMonth.of(2025, 11))).findFirst().orElseThrow()
        .complete()).isCloseTo(actual, org.assertj.core.data.Offset.offset(0.05));
  }
}
