package com.medflow.assistant.nlq.query;

import static java.util.Objects.requireNonNull;

import com.medflow.assistant.nlq.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a question asks, independent of its wording: the table it reads ({@link Source}), what is
 * measured, grouped and filtered, the period and which date it applies to, periods compared,
 * conditions on groups, ranking, and a final {@link Transform} (share of a total, change from the
 * previous period, count of groups). Paraphrases give equal queries; {@code SqlCompiler} is the only
 * place that turns one into SQL.
 */
public record SemanticQuery(Source source, List<Measure> measures, List<Grouping> groupings, List<Filter> filters,
                            Period time, String timeField, List<Period> periods, PeriodMode periodMode,
                            List<Having> having, Ranking ranking, Transform transform) {
  public enum Source { CLAIMS, QUARANTINE, QUALITY_LOG, BRONZE, FUNNEL }

  /** How two or more {@code periods} are used: one row each, together, or their difference or growth. */
  public enum PeriodMode { NONE, ROWS, TOGETHER, DIFFERENCE, GROWTH }

  public enum Transform {
    NONE,
    /** each group's measure divided by the total over all groups (within the first grouping when there are two) */
    SHARE_OF_TOTAL,
    /** per time bucket, the measure minus the previous bucket's */
    CHANGE_FROM_PREVIOUS,
    /** per time bucket, (measure − previous) / previous */
    GROWTH_FROM_PREVIOUS,
    /** how many groups there are (after HAVING) */
    COUNT_GROUPS,
    /** the measure per time bucket, then averaged over the buckets */
    AVERAGE_OVER_GRAIN,
    /** how many rows the query gives ("how many is that?") */
    COUNT_ROWS,
    /** per month (quarter), the measure minus the same month (quarter) a year earlier */
    CHANGE_FROM_YEAR_BEFORE,
    /** per month (quarter), (measure − same period a year earlier) / that */
    GROWTH_FROM_YEAR_BEFORE
  }

  public static final String SERVICE_DATE = "service_date";

  public SemanticQuery {
    requireNonNull(source, "source is null");
    measures = List.copyOf(measures);
    groupings = List.copyOf(groupings);
    filters = List.copyOf(filters);
    requireNonNull(timeField, "timeField is null");
    periods = List.copyOf(periods);
    requireNonNull(periodMode, "periodMode is null");
    having = List.copyOf(having);
    requireNonNull(transform, "transform is null");
    if (periodMode == PeriodMode.NONE != periods.isEmpty()) {
      throw new IllegalArgumentException("periods and periodMode disagree: " + periods.size() + " " + periodMode);
    }
  }

  public static SemanticQuery of(Source source, List<Measure> measures) {
    return new SemanticQuery(source, measures, List.of(), List.of(), null, SERVICE_DATE, List.of(), PeriodMode.NONE,
        List.of(), null, Transform.NONE);
  }

  public Optional<Period> period() {
    return Optional.ofNullable(time);
  }

  public Optional<Ranking> order() {
    return Optional.ofNullable(ranking);
  }

  public boolean hasGrain() {
    return groupings.stream().anyMatch(Grouping::isGrain);
  }

  public SemanticQuery withMeasures(List<Measure> m) {
    return new SemanticQuery(source, m, groupings, filters, time, timeField, periods, periodMode, having, ranking,
        transform);
  }

  public SemanticQuery withGroupings(List<Grouping> g) {
    return new SemanticQuery(source, measures, g, filters, time, timeField, periods, periodMode, having, ranking,
        transform);
  }

  public SemanticQuery withFilters(List<Filter> f) {
    return new SemanticQuery(source, measures, groupings, f, time, timeField, periods, periodMode, having, ranking,
        transform);
  }

  public SemanticQuery withTime(Period t, String field) {
    return new SemanticQuery(source, measures, groupings, filters, t, field, List.of(), PeriodMode.NONE, having, ranking,
        transform);
  }

  public SemanticQuery withPeriods(List<Period> p, PeriodMode mode, String field) {
    return new SemanticQuery(source, measures, groupings, filters, null, field, p, mode, having, ranking, transform);
  }

  public SemanticQuery withHaving(List<Having> h) {
    return new SemanticQuery(source, measures, groupings, filters, time, timeField, periods, periodMode, h, ranking,
        transform);
  }

  public SemanticQuery withRanking(Ranking r) {
    return new SemanticQuery(source, measures, groupings, filters, time, timeField, periods, periodMode, having, r,
        transform);
  }

  public SemanticQuery withTransform(Transform t) {
    return new SemanticQuery(source, measures, groupings, filters, time, timeField, periods, periodMode, having, ranking,
        t);
  }

  /** The filters other than those on {@code target}, plus {@code replacement} when given. */
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
}
