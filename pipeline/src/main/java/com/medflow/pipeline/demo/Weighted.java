package com.medflow.pipeline.demo;

import static com.medflow.model.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/** An immutable weighted choice among items. */
final class Weighted<T> {
  private final List<T> items;
  private final double[] cumulative;

  private Weighted(List<T> items, double[] weights) {
    checkArgument(!items.isEmpty() && items.size() == weights.length, "Invalid weighted choice: %s", items);
    this.items = List.copyOf(items);
    this.cumulative = new double[weights.length];
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      checkArgument(weights[i] >= 0, "Invalid weight %s for %s", weights[i], items.get(i));
      sum += weights[i];
      cumulative[i] = sum;
    }
    checkArgument(sum > 0, "Invalid weighted choice, all weights are 0: %s", items);
  }

  static <T> Weighted<T> of(List<T> items, double[] weights) {
    return new Weighted<>(items, weights);
  }

  /** Parses {@code "A:5 B:2 C"} (weight 1 when omitted) and maps each key. */
  static <T> Weighted<T> parse(String spec, Function<String, T> item) {
    List<T> items = new ArrayList<>();
    String[] parts = spec.trim().split("\\s+");
    double[] weights = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      int colon = parts[i].lastIndexOf(':');
      items.add(item.apply(colon < 0 ? parts[i] : parts[i].substring(0, colon)));
      weights[i] = colon < 0 ? 1 : Double.parseDouble(parts[i].substring(colon + 1));
    }
    return new Weighted<>(items, weights);
  }

  static Weighted<String> parse(String spec) {
    return parse(spec, Function.identity());
  }

  T pick(SplittableRandom rng) {
    double u = rng.nextDouble() * cumulative[cumulative.length - 1];
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] > u) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return items.get(lo);
  }

  List<T> items() {
    return items;
  }

  /** Weight of item {@code i}. */
  double weight(int i) {
    return cumulative[i] - (i == 0 ? 0 : cumulative[i - 1]);
  }
}
