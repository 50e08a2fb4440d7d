package com.medflow.assistant.notes;

import static com.medflow.assistant.nlq.sql.SqlLiteral.of;
import static java.util.Objects.requireNonNull;

import com.medflow.assistant.nlq.query.Filter;
import com.medflow.assistant.nlq.query.SemanticQuery;
import com.medflow.assistant.nlq.time.Period;
import com.medflow.model.mapping.PayerMapping;
import com.medflow.model.mapping.PayerMappings;
import com.medflow.model.mapping.StandardField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The scope of a semantic query over claims_clean, said as conditions on quarantined rows: the payer
 * column, and each field read from the raw values ({@code record}) by the payer's mapping (its source
 * column and alternates, its date pattern). Filters that cannot be read from raw values are listed in
 * {@link #unreadable()}. Only canonical values of the query and names from the mappings enter the SQL,
 * always as quoted literals.
 */
final class RawScope {
  private final List<String> conditions = new ArrayList<>();
  private final List<String> applied = new ArrayList<>();
  private final List<String> unreadable = new ArrayList<>();
  private final List<String> payers = new ArrayList<>();
  private final Optional<String> dateCondition;
  private final Optional<String> dateExpression;

  RawScope(SemanticQuery q, PayerMappings mappings) {
    requireNonNull(q, "q is null");
    requireNonNull(mappings, "mappings is null");
    List<PayerMapping> all = List.copyOf(mappings.all());
    for (Filter f : q.filters()) {
      Optional<String> c = condition(f, all);
      if (c.isPresent()) {
        conditions.add(c.get());
        if (!f.target().equals("payer")) {
          applied.add(f.label());
        }
      } else {
        unreadable.add(f.label());
      }
    }
    List<Period> periods = new ArrayList<>(q.periods());
    q.period().ifPresent(periods::add);
    Optional<StandardField> dateField = dateField(q.timeField());
    if (periods.isEmpty() || dateField.isEmpty()) {
      if (!periods.isEmpty()) {
        unreadable.add("the period of " + q.timeField());
      }
      dateCondition = Optional.empty();
      dateExpression = Optional.empty();
    } else {
      String date = perPayer(all, m -> raw(m, dateField.get()).map(r -> "try_to_date(" + r + ", " + of(m.datePattern())
          + ")"));
      List<String> ranges = periods.stream().map(p -> date + " BETWEEN DATE " + of(p.from().toString())
          + " AND DATE " + of(p.to().toString())).toList();
      dateExpression = Optional.of(date);
      dateCondition = Optional.of(ranges.size() == 1 ? ranges.get(0) : "(" + String.join(" OR ", ranges) + ")");
    }
  }

  /** Conditions on the payer and readable filters (not the period), joined by AND; TRUE when none. */
  String where() {
    return conditions.isEmpty() ? "TRUE" : String.join(" AND ", conditions);
  }

  Optional<String> period() {
    return dateCondition;
  }

  Optional<String> date() {
    return dateExpression;
  }

  List<String> payers() {
    return payers;
  }

  /** Labels of filters applied from raw values (other than the payer). */
  List<String> applied() {
    return applied;
  }

  List<String> unreadable() {
    return unreadable;
  }

  private Optional<String> condition(Filter f, List<PayerMapping> all) {
    boolean not = f.op() == Filter.Op.NOT_IN || f.op() == Filter.Op.NOT_PREFIX;
    switch (f.target()) {
      case "payer" -> {
        if (f.op() != Filter.Op.IN && f.op() != Filter.Op.NOT_IN) {
          return Optional.empty();
        }
        if (!not) {
          payers.addAll(f.values());
        }
        return Optional.of("payer " + (not ? "NOT IN (" : "IN (") + String.join(", ", f.values().stream()
            .map(v -> of(v)).toList()) + ")");
      }
      case "member_state", "provider_specialty", "place_of_service", "procedure_code" -> {
        if (f.op() != Filter.Op.IN && f.op() != Filter.Op.NOT_IN) {
          return Optional.empty();
        }
        StandardField field = StandardField.valueOf(f.target().toUpperCase(Locale.ROOT));
        String value = perPayer(all, m -> raw(m, field).map(r -> "lower(" + r + ")"));
        String in = String.join(", ", f.values().stream().map(v -> of(v.toLowerCase(Locale.ROOT))).toList());
        return Optional.of((not ? "NOT " : "") + "coalesce(" + value + " IN (" + in + "), FALSE)");
      }
      case "primary_diagnosis", "diagnosis_category" -> {
        String code = perPayer(all, RawScope::primaryDiagnosis);
        List<String> ranges = new ArrayList<>();
        if (f.target().equals("diagnosis_category")) {
          if (f.op() != Filter.Op.IN && f.op() != Filter.Op.NOT_IN) {
            return Optional.empty();
          }
          for (String category : f.values()) {
            List<com.medflow.model.rules.DiagnosisCategory.Range> rs = com.medflow.model.rules.DiagnosisCategory.RANGES
                .stream().filter(r -> r.category().equals(category)).toList();
            if (rs.isEmpty()) {
              return Optional.empty(); // "Other" is everything else: not a range
            }
            rs.forEach(r -> ranges.add("substr(" + code + ", 1, 3) BETWEEN " + of(r.first()) + " AND "
                + of(r.last())));
          }
        } else {
          if (f.op() != Filter.Op.PREFIX && f.op() != Filter.Op.NOT_PREFIX) {
            return Optional.empty();
          }
          for (String v : f.values()) {
            int dash = v.indexOf('-');
            ranges.add(dash > 0 ? "substr(" + code + ", 1, 3) BETWEEN " + of(v.substring(0, dash)) + " AND "
                + of(v.substring(dash + 1)) : "startswith(" + code + ", " + of(v.replace(".", "")) + ")");
          }
        }
        String any = ranges.size() == 1 ? ranges.get(0) : "(" + String.join(" OR ", ranges) + ")";
        return Optional.of((not ? "NOT " : "") + "coalesce(" + any + ", FALSE)");
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  private static Optional<StandardField> dateField(String column) {
    return switch (column) {
      case "service_date" -> Optional.of(StandardField.SERVICE_DATE);
      case "submitted_date" -> Optional.of(StandardField.SUBMITTED_DATE);
      case "processed_date" -> Optional.of(StandardField.PROCESSED_DATE);
      default -> Optional.empty();
    };
  }

  /** CASE payer WHEN ... THEN the payer's expression END (null for a payer without the field). */
  private static String perPayer(List<PayerMapping> all, java.util.function.Function<PayerMapping, Optional<String>> expr) {
    StringBuilder sb = new StringBuilder("CASE payer");
    int n = 0;
    for (PayerMapping m : all) {
      Optional<String> e = expr.apply(m);
      if (e.isPresent()) {
        sb.append(" WHEN ").append(of(m.payer())).append(" THEN ").append(e.get());
        n++;
      }
    }
    return n == 0 ? "CAST(NULL AS STRING)" : sb.append(" END").toString();
  }

  /** The raw text of {@code field}: its source column, else its alternates, trimmed; null when all are empty. */
  private static Optional<String> raw(PayerMapping m, StandardField field) {
    List<String> columns = new ArrayList<>();
    m.column(field).ifPresent(columns::add);
    columns.addAll(m.options().alternates().getOrDefault(field, List.of()));
    if (columns.isEmpty()) {
      return Optional.empty();
    }
    List<String> parts = columns.stream().map(c -> "nullif(trim(try_element_at(record, " + of(c) + ")), '')").toList();
    return Optional.of(parts.size() == 1 ? parts.get(0) : "coalesce(" + String.join(", ", parts) + ")");
  }

  /** The primary diagnosis as read, upper case without its dot: the first of a joined list, or its own column. */
  private static Optional<String> primaryDiagnosis(PayerMapping m) {
    Optional<String> r = m.diagnosisListColumn()
        .map(list -> "split_part(trim(try_element_at(record, " + of(list) + ")), " + of(m.diagnosisSeparator())
            + ", 1)")
        .or(() -> raw(m, StandardField.PRIMARY_DIAGNOSIS));
    return r.map(x -> "upper(replace(trim(" + x + "), '.', ''))");
  }
}
