package com.medflow.query.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.medflow.model.Role;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Reports (does not assert) how long a check takes over both corpora. */
class GuardTimingTest {
  private static final int ROUNDS = 15;

  @Test
  void reportsTheMedianCheckTimeOverTheCorpora() {
    SqlGuard guard = new SqlGuard(1_000, 10_000);
    List<GuardCorpus.Entry> legit = GuardCorpus.load("/guard/legit.sql");
    List<GuardCorpus.Entry> hostile = GuardCorpus.load("/guard/hostile.sql");
    List<Runnable> checks = new ArrayList<>();
    for (GuardCorpus.Entry e : legit) {
      Role role = GuardCorpus.role(e.field(0));
      String sql = e.sql().replace("${snapshot_id}", "1").replace("${snapshot_ts}", "2025-01-01 00:00:00");
      checks.add(() -> guard.check(sql, role, OptionalInt.empty()));
    }
    for (GuardCorpus.Entry e : hostile) {
      Role role = GuardCorpus.role(e.field(1));
      checks.add(() -> {
        try {
          guard.check(e.sql(), role, OptionalInt.empty());
        } catch (SqlRefusedException expected) {
          // refused, as it should be
        }
      });
    }
    for (int warmup = 0; warmup < 3; warmup++) {
      checks.forEach(Runnable::run);
    }
    double[] perQuery = new double[checks.size()];
    double[] all = new double[checks.size() * ROUNDS];
    int k = 0;
    for (int i = 0; i < checks.size(); i++) {
      double[] samples = new double[ROUNDS];
      for (int r = 0; r < ROUNDS; r++) {
        long t0 = System.nanoTime();
        checks.get(i).run();
        samples[r] = (System.nanoTime() - t0) / 1e6;
        all[k++] = samples[r];
      }
      perQuery[i] = median(samples);
    }
    double[] legitOnly = Arrays.copyOfRange(perQuery, 0, legit.size());
    double[] hostileOnly = Arrays.copyOfRange(perQuery, legit.size(), perQuery.length);
    System.out.printf(Locale.ROOT, "SqlGuard.check over %d queries (%d legitimate, %d hostile), %d rounds each:%n"
            + "  median %.3f ms (legitimate %.3f ms, hostile %.3f ms), p95 %.3f ms, max of medians %.3f ms%n",
        checks.size(), legit.size(), hostile.size(), ROUNDS, median(perQuery), median(legitOnly), median(hostileOnly),
        percentile(all, 0.95), Arrays.stream(perQuery).max().orElse(0));
    assertThat(perQuery).hasSize(legit.size() + hostile.size());
  }

  private static double median(double[] xs) {
    return percentile(xs, 0.5);
  }

  private static double percentile(double[] xs, double p) {
    double[] s = xs.clone();
    Arrays.sort(s);
    return s[Math.min(s.length - 1, (int) Math.floor(p * (s.length - 1) + 0.5))];
  }
}
