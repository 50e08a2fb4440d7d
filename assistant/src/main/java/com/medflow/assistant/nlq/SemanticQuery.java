package com.medflow.assistant.nlq;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a question asks, independent of wording: metrics, group-by dimensions (time grains as
 * {@code grain:month}), filters, a time range, ordering and a row limit; or the approval funnel.
 * Paraphrases of one question give equal semantic queries and so the same SQL.
 */
public record SemanticQuery(List<String> metrics, List<String> dimensions, List<Filter> filters,
                            Optional<TimeRange> time, Optional<String> orderBy, boolean descending,
                            OptionalInt limit, boolean funnel) {
  public SemanticQuery {
    metrics = List.copyOf(metrics);
    dimensions = List.copyOf(dimensions);
    filters = List.copyOf(filters);
  }

  public static final String GRAIN = "grain:";

  public SemanticQuery withMetrics(List<String> m) {
    return new SemanticQuery(m, dimensions, filters, time, orderBy, descending, limit, funnel);
  }

  public SemanticQuery withDimensions(List<String> d) {
    return new SemanticQuery(metrics, d, filters, time, orderBy, descending, limit, funnel);
  }

  public SemanticQuery withFilters(List<Filter> f) {
    return new SemanticQuery(metrics, dimensions, f, time, orderBy, descending, limit, funnel);
  }

  public SemanticQuery withTime(Optional<TimeRange> t) {
    return new SemanticQuery(metrics, dimensions, filters, t, orderBy, descending, limit, funnel);
  }

  public SemanticQuery withOrder(Optional<String> metric, boolean desc, OptionalInt n) {
    return new SemanticQuery(metrics, dimensions, filters, time, metric, desc, n, funnel);
  }

  /** Filters other than on {@code target}, plus {@code replacement} when given. */
  public List<Filter> replacingFilter(String target, Filter replacement) {
    List<Filter> out = new ArrayList<>();
    for (Filter f : filters) {
      if (!f.target().equals(target)) {
        out.add(f);
      }
    }
    if (replacement != null) {
      out.add(replacement);
    }
    return out;
  }

  public boolean hasTimeGrain() {
    return dimensions.stream().anyMatch(d -> d.startsWith(GRAIN));
  }
}
