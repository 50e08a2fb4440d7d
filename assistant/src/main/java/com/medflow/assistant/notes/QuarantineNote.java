package com.medflow.assistant.notes;

import static java.util.Objects.requireNonNull;

import com.medflow.assistant.nlq.query.SemanticQuery;
import com.medflow.model.QualityCheck;
import com.medflow.model.Severity;
import com.medflow.model.TableId;
import com.medflow.model.mapping.PayerMappings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How many quarantined rows fall inside the scope of an answer over claims_clean (payer, period and
 * every filter readable from raw values), by reason: "41 Aetna rows from Q4 2025 are in quarantine and
 * not counted (32 invalid diagnosis, 9 invalid NPI)". One query, built from the semantic query.
 */
public final class QuarantineNote {
  private static final List<QualityCheck> CODES = Arrays.stream(QualityCheck.values())
      .filter(c -> c.severity() == Severity.QUARANTINE).toList();

  private final PayerMappings mappings;
  private final String table;

  /** {@code table} is the qualified quarantine table the SQL reads. */
  public QuarantineNote(PayerMappings mappings, String table) {
    this.mappings = requireNonNull(mappings, "mappings is null");
    this.table = requireNonNull(table, "table is null");
  }

  public QuarantineNote(PayerMappings mappings, TableId table) {
    this(mappings, table.toString());
  }

  /** The counting query: in-scope rows, per reason, and (with a period) rows of the scope whose date cannot be read. */
  public String sql(SemanticQuery q) {
    RawScope s = new RawScope(q, mappings);
    String inPeriod = s.period().orElse("TRUE");
    StringBuilder sb = new StringBuilder("SELECT SUM(CASE WHEN ").append(inPeriod).append(" THEN 1 ELSE 0 END) AS in_scope");
    for (QualityCheck c : CODES) {
      sb.append(", SUM(CASE WHEN ").append(inPeriod).append(" AND array_contains(reasons, '").append(c.name())
          .append("') THEN 1 ELSE 0 END) AS ").append(c.name().toLowerCase(Locale.ROOT));
    }
    sb.append(", SUM(CASE WHEN ").append(s.date().map(d -> d + " IS NULL").orElse("FALSE"))
        .append(" THEN 1 ELSE 0 END) AS undated");
    return sb.append(" FROM ").append(table).append(" WHERE ").append(s.where()).toString();
  }

  public Optional<AnswerNote> note(SemanticQuery q, SqlRows runner) {
    if (q.source() != SemanticQuery.Source.CLAIMS) {
      return Optional.empty();
    }
    String sql = sql(q);
    List<List<Object>> rows = runner.rows(sql);
    List<Object> r = rows.isEmpty() ? List.of() : rows.get(0);
    Map<String, Long> counts = new LinkedHashMap<>();
    long total = number(r, 0);
    counts.put("in_scope", total);
    List<String> reasons = new ArrayList<>();
    for (int i = 0; i < CODES.size(); i++) {
      long n = number(r, i + 1);
      if (n > 0) {
        counts.put(CODES.get(i).name(), n);
        reasons.add(n + " " + words(CODES.get(i)) + (CODES.get(i) == QualityCheck.MALFORMED_ROW && n > 1 ? "s" : ""));
      }
    }
    long undated = number(r, CODES.size() + 1);
    counts.put("undated", undated);
    RawScope s = new RawScope(q, mappings);
    String who = (s.payers().isEmpty() ? "" : String.join(" and ", s.payers()) + " ")
        + (total == 1 ? "row" : "rows");
    String when = q.period().map(p -> " from " + p.label()).orElse(q.periods().isEmpty() ? ""
        : " from " + String.join(" and ", q.periods().stream().map(p -> p.label()).toList()));
    String with = s.applied().isEmpty() ? "" : " (" + String.join(", ", s.applied()) + ")";
    StringBuilder text = new StringBuilder();
    if (total == 0) {
      text.append("No quarantined ").append(s.payers().isEmpty() ? "" : String.join(" or ", s.payers()) + " ")
          .append("rows").append(when).append(with).append(" were left out");
    } else {
      text.append(total).append(' ').append(who).append(when).append(with).append(total == 1 ? " is" : " are")
          .append(" in quarantine and not counted (").append(String.join(", ", reasons))
          .append(reasonTotal(counts) > total ? "; a row can break several rules" : "").append(')');
    }
    if (undated > 0) {
      text.append("; ").append(undated).append(" more quarantined row").append(undated == 1 ? "" : "s")
          .append(" of this scope have no readable date");
    }
    if (!s.unreadable().isEmpty()) {
      text.append("; not narrowed by ").append(String.join(", ", s.unreadable()))
          .append(", which cannot be read from quarantined rows");
    }
    return Optional.of(new AnswerNote(AnswerNote.QUARANTINE, text.append('.').toString(),
        "/sql?sql=" + java.net.URLEncoder.encode(sql, java.nio.charset.StandardCharsets.UTF_8), counts));
  }

  /** "invalid diagnosis", "invalid NPI", "missing claim ID", "malformed row". */
  static String words(QualityCheck c) {
    return c.name().toLowerCase(Locale.ROOT).replace('_', ' ').replace("npi", "NPI").replace(" id", " ID");
  }

  private static long reasonTotal(Map<String, Long> counts) {
    return CODES.stream().mapToLong(c -> counts.getOrDefault(c.name(), 0L)).sum();
  }

  private static long number(List<Object> row, int i) {
    return i < row.size() && row.get(i) instanceof Number n ? n.longValue() : 0;
  }
}
