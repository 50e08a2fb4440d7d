package com.medflow.assistant.agent;

import static java.util.Objects.requireNonNull;

import com.medflow.assistant.nlq.DataFacts;
import com.medflow.assistant.nlq.query.Filter;
import com.medflow.assistant.nlq.query.Grouping;
import com.medflow.assistant.nlq.query.Having;
import com.medflow.assistant.nlq.query.Measure;
import com.medflow.assistant.nlq.query.SemanticQuery;
import com.medflow.assistant.nlq.time.Period;
import com.medflow.assistant.semantic.ModelParts;
import com.medflow.assistant.semantic.SemanticModel;
import com.medflow.query.engine.QueryResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Words for a semantic query: what was understood, the explanation of an answer with each assumption. */
public final class Describer {
  private final SemanticModel model;

  public Describer(SemanticModel model) {
    this.model = requireNonNull(model, "model is null");
  }

  String format(Measure m) {
    return switch (m.type()) {
      case METRIC -> model.metric(m.metric()).format();
      case SHARE -> "rate";
      case PER -> "number";
      case DIFFERENCE -> format(m.numerator());
      case AGGREGATE -> m.agg() == Measure.Agg.COUNT || m.agg() == Measure.Agg.COUNT_DISTINCT ? "integer"
          : model.measure(m.column()).map(ModelParts.MeasureColumn::format).orElse("number");
    };
  }

  public String understood(SemanticQuery q) {
    StringBuilder sb = new StringBuilder();
    if (q.source() == SemanticQuery.Source.FUNNEL) {
      sb.append("the approval funnel (submitted, adjudicated, approved, paid)");
    } else {
      sb.append(String.join(" and ", q.measures().stream().map(Measure::label).toList()));
    }
    switch (q.transform()) {
      case SHARE_OF_TOTAL -> sb.append(" and each group's share of the total");
      case CHANGE_FROM_PREVIOUS -> sb.append(" and the change from the period before");
      case GROWTH_FROM_PREVIOUS -> sb.append(" and the growth from the period before");
      case COUNT_GROUPS -> sb.insert(0, "how many groups have ");
      case AVERAGE_OVER_GRAIN -> sb.append(", averaged over periods");
      default -> { }
    }
    List<String> dims = q.groupings().stream().map(Grouping::label).toList();
    if (!dims.isEmpty()) {
      sb.append(q.transform() == SemanticQuery.Transform.COUNT_GROUPS ? ", counting " : " by ").append(String.join(" and ", dims));
    }
    for (Having h : q.having()) {
      sb.append(", groups with ").append(h.measure().label()).append(' ').append(h.label());
    }
    List<String> filters = q.filters().stream().map(Filter::label).toList();
    if (!filters.isEmpty()) {
      sb.append(", for ").append(String.join(", ", filters));
    }
    q.period().ifPresent(t -> sb.append(", ").append(dates(t, q.timeField())));
    if (!q.periods().isEmpty()) {
      sb.append(", ").append(switch (q.periodMode()) {
        case ROWS -> "comparing ";
        case TOGETHER -> "together ";
        case DIFFERENCE -> "the difference between ";
        case GROWTH -> "the growth from ";
        default -> "";
      }).append(String.join(q.periodMode() == SemanticQuery.PeriodMode.GROWTH ? " to " : " and ",
          q.periods().stream().map(p -> dates(p, q.timeField())).toList()));
    }
    q.order().ifPresent(r -> {
      sb.append(r.descending() ? ", highest " : ", lowest ").append(r.by().label()).append(" first");
      if (r.limit() != null) {
        sb.append(r.only() ? ", only place " + r.limit() + " (with ties)"
            : r.ties() && r.limit() == 1 ? ", the top one (with ties)" : ", top " + r.limit());
      }
    });
    return sb.toString();
  }

  private static String dates(Period p, String field) {
    String column = field.replace('_', ' ');
    return p.label() + " (" + column + (p.openStart() ? " up to " + p.to() : " " + p.from() + " to " + p.to()) + ")";
  }

  /** Plain-language account of what was computed, the headline result and the assumptions. */
  public String explain(SemanticQuery q, QueryResult r, Analyzer.Analysis analysis, DataFacts facts,
                        List<String> assumptions) {
    List<String> parts = new ArrayList<>();
    if (q.source() == SemanticQuery.Source.FUNNEL) {
      parts.add("The approval funnel counts claims at each stage: submitted (all), adjudicated (approved or denied),"
          + " approved, and paid (approved with a payment); conversion is each stage divided by the one before.");
    } else {
      for (Measure m : q.measures()) {
        parts.add(capitalize(m.label()) + ": " + definition(m));
      }
    }
    if (q.source() != SemanticQuery.Source.CLAIMS && q.source() != SemanticQuery.Source.FUNNEL) {
      String name = q.source().name().toLowerCase(Locale.ROOT);
      parts.add("From " + model.source(name).table() + ".");
    }
    List<String> scope = new ArrayList<>(q.filters().stream().map(Filter::label).toList());
    if (!scope.isEmpty()) {
      parts.add("Only rows with " + String.join(", ", scope) + ".");
    }
    q.period().ifPresent(t -> parts.add(capitalize(dates(t, q.timeField())) + (t.relative()
        ? ", counted back from the latest service date in the data, " + facts.latest() : "") + "."));
    if (!q.periods().isEmpty()) {
      parts.add("Periods: " + String.join("; ", q.periods().stream().map(p -> dates(p, q.timeField())).toList()) + ".");
    }
    if (q.groupings().isEmpty() && r.rowCount() == 1 && q.source() != SemanticQuery.Source.FUNNEL
        && q.transform() == SemanticQuery.Transform.NONE && q.periodMode() == SemanticQuery.PeriodMode.NONE) {
      List<String> values = new ArrayList<>();
      for (int i = 0; i < q.measures().size() && i < r.columns().size(); i++) {
        values.add(q.measures().get(i).label() + " " + Formats.value(r.rows().get(0).get(i), format(q.measures().get(i))));
      }
      parts.add("Result: " + String.join(", ", values) + ".");
    } else {
      parts.add(r.rowCount() + " row" + (r.rowCount() == 1 ? "" : "s") + (r.truncated() ? " (more exist)" : "") + ".");
      analysis.notable().stream().limit(2).forEach(parts::add);
    }
    assumptions.forEach(parts::add);
    return String.join(" ", parts);
  }

  private String definition(Measure m) {
    return switch (m.type()) {
      case METRIC -> model.metric(m.metric()).description();
      case AGGREGATE -> switch (m.agg()) {
        case COUNT_DISTINCT -> "number of different " + m.column().replace('_', ' ') + " values.";
        case PERCENTILE -> (m.fraction() == 0.5 ? "the middle value" : "the value below which "
            + Math.round(m.fraction() * 100) + "% of claims fall") + " of " + m.column().replace('_', ' ') + " (exact).";
        default -> m.agg().name().toLowerCase(Locale.ROOT) + " of " + m.column().replace('_', ' ') + " over every claim in scope.";
      };
      case SHARE -> "claims with " + m.condition().label() + " / all claims in scope" + (m.column() == null ? ""
          : " (weighted by " + m.column().replace('_', ' ') + ")") + ".";
      case PER -> m.numerator().label() + " divided by the number of distinct " + m.column().replace('_', ' ') + ".";
      case DIFFERENCE -> m.numerator().label() + " minus " + m.subtrahend().label() + ", over every claim in scope.";
    };
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** A question in plain words that asks for {@code q}, or empty when a part of it has no simple wording. */
  public Optional<String> phrase(SemanticQuery q) {
    if (q.source() != SemanticQuery.Source.CLAIMS || q.measures().size() != 1 || !q.having().isEmpty()
        || q.transform() != SemanticQuery.Transform.NONE || q.periodMode() != SemanticQuery.PeriodMode.NONE
        || !q.timeField().equals(SemanticQuery.SERVICE_DATE)) {
      return Optional.empty();
    }
    Measure m = q.measures().get(0);
    if (m.type() != Measure.Type.METRIC) {
      return Optional.empty();
    }
    StringBuilder sb = new StringBuilder();
    String metric = m.metric().equals("claim_count") ? "number of claims" : model.metric(m.metric()).label();
    if (q.ranking() != null && q.ranking().only()) {
      return Optional.empty(); // "the second busiest month" has no simple "top N" wording
    }
    if (q.ranking() != null && q.ranking().limit() != null && !q.groupings().isEmpty()) {
      if (q.groupings().get(0).isGrain()) {
        return Optional.empty();
      }
      sb.append(q.ranking().descending() ? "top " : "bottom ").append(q.ranking().limit()).append(' ')
          .append(plural(q.groupings().get(0).label())).append(" by ").append(metric);
    } else {
      sb.append(metric);
      List<String> dims = q.groupings().stream().map(g -> g.isGrain() ? g.grain() : g.label()).toList();
      if (!dims.isEmpty()) {
        sb.append(" by ").append(String.join(" and ", dims));
      }
    }
    for (Filter f : q.filters()) {
      Optional<String> words = filterWords(f);
      if (words.isEmpty()) {
        return Optional.empty();
      }
      sb.append(' ').append(words.get());
    }
    if (q.time() != null) {
      Optional<String> when = timeWords(q.time());
      if (when.isEmpty()) {
        return Optional.empty();
      }
      sb.append(' ').append(when.get());
    }
    return Optional.of(capitalize(sb.toString()));
  }

  private static String plural(String s) {
    return s.endsWith("y") ? s.substring(0, s.length() - 1) + "ies" : s + "s";
  }

  private Optional<String> filterWords(Filter f) {
    if (f.op() != Filter.Op.IN || f.values().size() != 1) {
      return Optional.empty();
    }
    String v = f.values().get(0);
    return switch (f.target()) {
      case "payer" -> Optional.of("for " + v);
      case "diagnosis_category" -> Optional.of("for " + v + " claims");
      case "provider_specialty" -> Optional.of("in " + v);
      case "claim_status" -> Optional.of("for " + v.toLowerCase(Locale.ROOT).replace('_', ' ') + " claims");
      case "member_state" -> Optional.of("in " + v);
      case "patient_gender" -> v.equals("U") ? Optional.empty() : Optional.of(v.equals("F") ? "for women" : "for men");
      default -> Optional.empty();
    };
  }

  private static Optional<String> timeWords(Period t) {
    return switch (t.unit()) {
      case YEAR -> Optional.of("in " + t.from().getYear());
      case QUARTER -> Optional.of("in Q" + ((t.from().getMonthValue() - 1) / 3 + 1) + " " + t.from().getYear());
      case MONTH -> Optional.of("in " + t.from().getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH)
          + " " + t.from().getYear());
      default -> Optional.empty();
    };
  }
}
