package com.medflow.assistant.agent;

import static java.util.Objects.requireNonNull;

import com.medflow.assistant.nlq.DataFacts;
import com.medflow.assistant.nlq.Filter;
import com.medflow.assistant.nlq.SemanticQuery;
import com.medflow.assistant.nlq.TimeRange;
import com.medflow.assistant.semantic.SemanticModel;
import com.medflow.query.engine.QueryResult;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Words for a semantic query: what was understood, the explanation of an answer, and questions to suggest. */
public final class Describer {
  private final SemanticModel model;

  public Describer(SemanticModel model) {
    this.model = requireNonNull(model, "model is null");
  }

  public String understood(SemanticQuery q) {
    StringBuilder sb = new StringBuilder();
    if (q.funnel()) {
      sb.append("the approval funnel (submitted, adjudicated, approved, paid)");
    } else {
      sb.append(String.join(" and ", q.metrics().stream().map(m -> model.metric(m).label()).toList()));
    }
    List<String> dims = q.dimensions().stream().map(this::dimensionLabel).toList();
    if (!dims.isEmpty()) {
      sb.append(" by ").append(String.join(" and ", dims));
    }
    List<String> filters = q.filters().stream().map(Filter::label).toList();
    if (!filters.isEmpty()) {
      sb.append(", for ").append(String.join(", ", filters));
    }
    q.time().ifPresent(t -> sb.append(", ").append(t.label()).append(" (service dates ").append(t.from()).append(" to ")
        .append(t.to()).append(')'));
    q.orderBy().ifPresent(m -> sb.append(q.descending() ? ", highest " : ", lowest ").append(model.metric(m).label())
        .append(" first"));
    q.limit().ifPresent(n -> sb.append(", top ").append(n));
    return sb.toString();
  }

  private String dimensionLabel(String d) {
    return d.startsWith(SemanticQuery.GRAIN) ? d.substring(SemanticQuery.GRAIN.length()) : model.dimension(d).label();
  }

  /** Plain-language account of what was computed, the headline result and the assumptions. */
  public String explain(SemanticQuery q, QueryResult r, Analyzer.Analysis analysis, DataFacts facts,
                        List<String> assumptions) {
    List<String> parts = new ArrayList<>();
    if (q.funnel()) {
      parts.add("The approval funnel counts claims at each stage: submitted (all), adjudicated (approved or denied),"
          + " approved, and paid (approved with a payment); conversion is each stage divided by the one before.");
    } else {
      for (String m : q.metrics()) {
        SemanticModel.Metric metric = model.metric(m);
        parts.add(capitalize(metric.label()) + ": " + metric.description());
      }
    }
    List<String> scope = new ArrayList<>(q.filters().stream().map(Filter::label).toList());
    if (!scope.isEmpty()) {
      parts.add("Only claims with " + String.join(", ", scope) + ".");
    }
    q.time().ifPresent(t -> parts.add("Service dates " + t.from() + " to " + t.to() + " (" + t.label()
        + (relative(t.label()) ? ", counted back from the latest service date in the data, " + facts.latest() : "") + ")."));
    if (q.dimensions().isEmpty() && r.rowCount() == 1 && !q.funnel()) {
      List<String> values = new ArrayList<>();
      for (int i = 0; i < q.metrics().size() && i < r.columns().size(); i++) {
        values.add(model.metric(q.metrics().get(i)).label() + " " + Formats.value(r.rows().get(0).get(i),
            model.metric(q.metrics().get(i)).format()));
      }
      parts.add("Result: " + String.join(", ", values) + ".");
    } else {
      parts.add(r.rowCount() + " row" + (r.rowCount() == 1 ? "" : "s") + (r.truncated() ? " (more exist)" : "") + ".");
      headline(q, r).ifPresent(parts::add);
    }
    return String.join(" ", parts);
  }

  private Optional<String> headline(SemanticQuery q, QueryResult r) {
    if (q.funnel() || q.metrics().isEmpty() || r.rowCount() < 2 || q.dimensions().isEmpty()) {
      return Optional.empty();
    }
    String metric = q.orderBy().orElse(q.metrics().get(0));
    int mi = -1;
    for (int i = 0; i < r.columns().size(); i++) {
      if (r.columns().get(i).name().equals(metric)) {
        mi = i;
      }
    }
    if (mi < 0) {
      return Optional.empty();
    }
    List<Object> top = null;
    List<Object> bottom = null;
    for (List<Object> row : r.rows()) {
      if (!(row.get(mi) instanceof Number v)) {
        continue;
      }
      if (top == null || v.doubleValue() > ((Number) top.get(mi)).doubleValue()) {
        top = row;
      }
      if (bottom == null || v.doubleValue() < ((Number) bottom.get(mi)).doubleValue()) {
        bottom = row;
      }
    }
    if (top == null) {
      return Optional.empty();
    }
    String format = model.metric(metric).format();
    String label = model.metric(metric).label();
    boolean time = q.dimensions().get(0).startsWith(SemanticQuery.GRAIN);
    String what = time ? "peak" : "highest";
    return Optional.of(capitalize(what) + " " + label + ": " + top.get(0) + " (" + Formats.value(top.get(mi), format)
        + "); lowest: " + bottom.get(0) + " (" + Formats.value(bottom.get(mi), format) + ").");
  }

  private static boolean relative(String label) {
    return label.startsWith("this") || label.startsWith("last") || label.startsWith("year to date")
        || label.startsWith("since");
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** A question in plain words that asks for {@code q}, or empty when a part of it has no simple wording. */
  public Optional<String> phrase(SemanticQuery q) {
    if (q.funnel() || q.metrics().size() != 1) {
      return Optional.empty();
    }
    StringBuilder sb = new StringBuilder();
    String metric = model.metric(q.metrics().get(0)).label();
    if (q.orderBy().isPresent() && q.limit().isPresent() && !q.dimensions().isEmpty()) {
      sb.append("top ").append(q.limit().getAsInt()).append(' ').append(plural(dimensionLabel(q.dimensions().get(0))))
          .append(" by ").append(metric);
    } else {
      sb.append(metric);
      List<String> dims = q.dimensions().stream().map(this::dimensionLabel).toList();
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
    if (q.time().isPresent()) {
      Optional<String> when = timeWords(q.time().get());
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
      return f.op() == Filter.Op.SQL ? Optional.of("for " + f.target()) : Optional.empty();
    }
    String v = f.values().get(0);
    return switch (f.target()) {
      case "payer" -> Optional.of("for " + v);
      case "diagnosis_category" -> Optional.of("for " + v + " claims");
      case "provider_specialty" -> Optional.of("in " + v);
      case "claim_status" -> Optional.of("for " + v.toLowerCase(Locale.ROOT).replace('_', ' ') + " claims");
      case "member_state" -> Optional.of("in " + v);
      case "place_of_service" -> Optional.ofNullable(model.dimension("place_of_service").valueSynonyms().get(v))
          .filter(l -> !l.isEmpty()).map(l -> "in the " + l.get(1 < l.size() ? 1 : 0));
      case "patient_gender" -> Optional.of(v.equals("F") ? "for women" : v.equals("M") ? "for men" : "");
      default -> Optional.empty();
    };
  }

  private static Optional<String> timeWords(TimeRange t) {
    LocalDate from = t.from();
    LocalDate to = t.to();
    if (from.getDayOfMonth() != 1 || !to.plusDays(1).equals(to.withDayOfMonth(1).plusMonths(1))) {
      return Optional.empty();
    }
    long months = java.time.temporal.ChronoUnit.MONTHS.between(from, to.plusDays(1));
    if (months == 12 && from.getMonthValue() == 1) {
      return Optional.of("in " + from.getYear());
    }
    if (months == 3 && (from.getMonthValue() - 1) % 3 == 0) {
      return Optional.of("in Q" + ((from.getMonthValue() - 1) / 3 + 1) + " " + from.getYear());
    }
    if (months == 1) {
      return Optional.of("in " + Month.of(from.getMonthValue()).getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " "
          + from.getYear());
    }
    return Optional.empty();
  }
}
