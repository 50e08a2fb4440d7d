package com.medflow.query.guard;

import static com.medflow.query.guard.SqlRefusedException.refuse;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Trino SQL with the meaning of the Spark query it was checked as: division that never truncates, Spark's
 * argument orders ({@code datediff(end, start)}), Sunday-first {@code dayofweek}, {@code regexp_extract}'s group 1,
 * double-quoted identifiers, doubled quotes in strings, {@code FOR VERSION AS OF}, {@code CROSS JOIN UNNEST}.
 * Functions with no same-meaning Trino form (date_format patterns, posexplode...) are refused. Spark's exact
 * {@code percentile} and {@code median}, which Trino lacks, are computed from the sorted values of the group.
 */
final class TrinoDialect implements SqlDialect {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Set<String> RESERVED = Set.of("alter", "and", "as", "between", "by", "case", "cast",
      "constraint", "create", "cross", "cube", "current_catalog", "current_date", "current_path", "current_role",
      "current_schema", "current_time", "current_timestamp", "current_user", "deallocate", "delete", "describe",
      "distinct", "drop", "else", "end", "escape", "except", "execute", "exists", "extract", "false", "for", "from",
      "full", "group", "grouping", "having", "in", "inner", "insert", "intersect", "into", "is", "join", "json_array",
      "json_exists", "json_object", "json_query", "json_table", "json_value", "left", "like", "listagg", "localtime",
      "localtimestamp", "natural", "normalize", "not", "null", "on", "or", "order", "outer", "prepare", "recursive",
      "right", "rollup", "select", "skip", "table", "then", "trim", "true", "uescape", "union", "unnest", "using",
      "values", "when", "where", "with", "position", "year", "month", "day", "hour", "minute", "second", "date",
      "timestamp", "time", "interval", "window", "row", "rows", "range", "limit", "offset", "fetch", "first", "last");

  /** Same name, same meaning. */
  private static final Set<String> SAME = Set.of("count", "sum", "avg", "min", "max", "count_if", "stddev",
      "stddev_samp", "stddev_pop", "variance", "var_samp", "var_pop", "corr", "covar_pop", "covar_samp", "bool_and",
      "bool_or", "every", "max_by", "min_by", "array_agg", "skewness", "kurtosis", "row_number", "rank", "dense_rank",
      "ntile", "lag", "lead", "first_value", "last_value", "nth_value", "percent_rank", "cume_dist", "coalesce",
      "nullif", "greatest", "least", "round", "floor", "ceil", "ceiling", "abs", "power", "sqrt", "cbrt", "ln",
      "log10", "log2", "exp", "sign", "mod", "random", "pi", "e", "upper", "lower", "trim", "ltrim", "rtrim", "concat",
      "concat_ws", "substring", "substr", "length", "replace", "translate", "lpad", "rpad", "split_part", "split",
      "reverse", "regexp_replace", "regexp_like", "regexp_extract_all", "date_trunc", "year", "quarter", "month", "day",
      "hour", "minute", "second", "element_at", "array_join", "array_distinct", "array_min", "array_max",
      "array_position", "array_remove", "arrays_overlap", "array_intersect", "array_union", "array_except", "array_sort",
      "slice", "map_keys", "map_values", "transform", "filter", "cardinality", "if", "width_bucket", "grouping",
      "rollup", "cube", "now");

  /** Another name, same arguments, same meaning. */
  private static final Map<String, String> RENAMED = Map.ofEntries(Map.entry("mean", "avg"), Map.entry("std", "stddev"),
      Map.entry("pow", "power"), Map.entry("rand", "random"), Map.entry("signum", "sign"), Map.entry("ucase", "upper"),
      Map.entry("lcase", "lower"), Map.entry("char_length", "length"), Map.entry("character_length", "length"),
      Map.entry("nvl", "coalesce"), Map.entry("ifnull", "coalesce"), Map.entry("size", "cardinality"),
      Map.entry("array_size", "cardinality"), Map.entry("array_contains", "contains"), Map.entry("collect_list", "array_agg"),
      Map.entry("approx_count_distinct", "approx_distinct"), Map.entry("levenshtein", "levenshtein_distance"),
      Map.entry("dayofmonth", "day_of_month"), Map.entry("dayofyear", "day_of_year"), Map.entry("weekofyear", "week_of_year"),
      Map.entry("last_day", "last_day_of_month"), Map.entry("startswith", "starts_with"), Map.entry("instr", "strpos"),
      Map.entry("rlike", "regexp_like"), Map.entry("sort_array", "array_sort"), Map.entry("exists", "any_match"),
      Map.entry("forall", "all_match"), Map.entry("explode", "UNNEST"), Map.entry("explode_outer", "UNNEST"));

  private static final Set<String> UNITS = Set.of("YEAR", "QUARTER", "MONTH", "WEEK", "DAY", "HOUR", "MINUTE", "SECOND");

  @Override
  public String name() {
    return "trino";
  }

  @Override
  public String identifier(String name) {
    if (PLAIN.matcher(name).matches() && !RESERVED.contains(name.toLowerCase(Locale.ROOT))
        && !SqlText.isKeyword(name)) {
      return name;
    }
    SqlText.ident(name); // same character rules as on Spark
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  @Override
  public String stringLiteral(String canonicalSpark) {
    String value = SqlText.decode(canonicalSpark);
    if (value.indexOf('\\') >= 0) {
      throw refuse(RefusalCode.TOO_COMPLEX, "Backslashes in strings mean escapes on Spark and plain characters on"
          + " Trino; this query cannot mean the same on both engines. Leave the backslash out.");
    }
    return "'" + value.replace("'", "''") + "'";
  }

  @Override
  public String versionAsOf(long snapshotId) {
    return " FOR VERSION AS OF " + snapshotId;
  }

  @Override
  public String timestampAsOf(String timestamp) {
    String t = timestamp.replace('T', ' ');
    return " FOR TIMESTAMP AS OF TIMESTAMP '" + (t.length() == 10 ? t + " 00:00:00" : t) + " UTC'";
  }

  @Override
  public String interval(String amount, String unit) {
    String u = unit.endsWith("S") ? unit.substring(0, unit.length() - 1) : unit;
    if (u.equals("WEEK")) {
      return "INTERVAL '" + Math.multiplyExact(Long.parseLong(amount), 7L) + "' DAY";
    }
    return "INTERVAL '" + amount + "' " + u;
  }

  @Override
  public String castType(String t) {
    return switch (t) {
      case "STRING" -> "VARCHAR";
      case "INT", "INTEGER" -> "INTEGER";
      case "LONG", "BIGINT" -> "BIGINT";
      case "SHORT", "SMALLINT" -> "SMALLINT";
      case "BYTE", "TINYINT" -> "TINYINT";
      case "FLOAT", "REAL" -> "REAL";
      case "TIMESTAMP", "TIMESTAMP_NTZ" -> "TIMESTAMP(6)";
      case "TIMESTAMP_LTZ" -> "TIMESTAMP(6) WITH TIME ZONE";
      case "DECIMAL" -> "DECIMAL(10,0)"; // Spark's default precision
      default -> t;
    };
  }

  @Override
  public String call(String name, List<String> a, boolean distinct) {
    if (SAME.contains(name)) {
      return plain(name, a, distinct);
    }
    if (RENAMED.containsKey(name)) {
      return plain(RENAMED.get(name), a, distinct);
    }
    int n = a.size();
    return switch (name) {
      case "current_date", "current_timestamp" -> {
        requireArgs(name, n, 0);
        yield name;
      }
      case "isnull" -> "(" + one(name, a) + " IS NULL)";
      case "isnotnull" -> "(" + one(name, a) + " IS NOT NULL)";
      case "zeroifnull" -> "coalesce(" + one(name, a) + ", 0)";
      case "nullifzero" -> "nullif(" + one(name, a) + ", 0)";
      case "log" -> n == 1 ? "ln(" + a.get(0) + ")" : plain("log", a, false);
      case "try_divide" -> {
        requireArgs(name, n, 2);
        yield "CAST(" + a.get(0) + " AS DOUBLE) / NULLIF(" + a.get(1) + ", 0)";
      }
      case "contains" -> {
        requireArgs(name, n, 2);
        yield "(strpos(" + a.get(0) + ", " + a.get(1) + ") > 0)";
      }
      case "collect_set" -> "array_distinct(" + plain("array_agg", a, distinct) + ")";
      case "percentile" -> {
        requireArgs(name, n, 2);
        yield exactPercentile(a.get(0), a.get(1), distinct);
      }
      case "median" -> exactPercentile(one(name, a), "0.5", distinct);
      case "percentile_approx", "approx_percentile" -> {
        requireArgs(name, n, 2); // Trino's third argument is a weight, Spark's an accuracy
        yield plain("approx_percentile", a, distinct);
      }
      case "dayofweek" -> "(day_of_week(" + one(name, a) + ") % 7 + 1)"; // Spark: 1 = Sunday
      case "weekday" -> "(day_of_week(" + one(name, a) + ") - 1)"; // Spark: 0 = Monday
      case "regexp_extract" -> n == 2 ? "regexp_extract(" + a.get(0) + ", " + a.get(1) + ", 1)"
          : plain("regexp_extract", a, false);
      case "left" -> {
        requireArgs(name, n, 2);
        yield "substr(" + a.get(0) + ", 1, " + a.get(1) + ")";
      }
      case "to_date", "to_timestamp", "try_to_date", "try_to_timestamp" -> {
        requireArgs(name, n, 1); // with a format, Spark's and Trino's patterns differ
        yield (name.startsWith("try_") ? "TRY_CAST(" : "CAST(") + a.get(0) + " AS "
            + (name.endsWith("date") ? "DATE" : "TIMESTAMP(6)") + ")";
      }
      case "date_add", "dateadd", "timestampadd" -> {
        requireArgs(name, n, n == 3 ? 3 : 2);
        yield n == 3 ? "date_add(" + unit(a.get(0)) + ", " + a.get(1) + ", " + a.get(2) + ")"
            : "date_add('day', " + a.get(1) + ", " + a.get(0) + ")";
      }
      case "date_sub" -> {
        requireArgs(name, n, 2);
        yield "date_add('day', -(" + a.get(1) + "), " + a.get(0) + ")";
      }
      case "add_months" -> {
        requireArgs(name, n, 2);
        yield "date_add('month', " + a.get(1) + ", " + a.get(0) + ")";
      }
      case "datediff", "date_diff", "timestampdiff" -> {
        requireArgs(name, n, n == 3 ? 3 : 2);
        yield n == 3 ? "date_diff(" + unit(a.get(0)) + ", " + a.get(1) + ", " + a.get(2) + ")"
            : "date_diff('day', " + a.get(1) + ", " + a.get(0) + ")";
      }
      default -> throw refuse(RefusalCode.FORBIDDEN_FUNCTION, "Function %s has no same-meaning form on the Trino engine"
          + " (query.engine=trino); write it another way or run the query on Spark.", name);
    };
  }

  @Override
  public String lateralView(boolean outer, String generator, String printedCall, String tableAlias, List<String> columns) {
    if (!generator.equals("explode") && !generator.equals("explode_outer")) {
      throw refuse(RefusalCode.FORBIDDEN_FUNCTION, "LATERAL VIEW %s has no same-meaning form on the Trino engine: use"
          + " explode.", generator);
    }
    String relation = printedCall + " AS " + identifier(tableAlias) + " ("
        + columns.stream().map(this::identifier).collect(Collectors.joining(", ")) + ")";
    return outer || generator.equals("explode_outer") ? " LEFT JOIN " + relation + " ON TRUE" : " CROSS JOIN " + relation;
  }

  @Override
  public String divide(String left, String right) {
    return "CAST(" + left + " AS DOUBLE) / " + right;
  }

  @Override
  public String integerDivide(String left, String right) {
    return "CAST(truncate(CAST(" + left + " AS DOUBLE) / " + right + ") AS BIGINT)";
  }

  /** Trino reads OFFSET before LIMIT. */
  @Override
  public String limitOffset(java.util.OptionalLong limit, java.util.OptionalLong offset) {
    return (offset.isPresent() ? " OFFSET " + offset.getAsLong() : "") + (limit.isPresent() ? " LIMIT " + limit.getAsLong() : "");
  }

  @Override
  public String regexMatch(String left, boolean not, String pattern) {
    return (not ? "NOT " : "") + "regexp_like(" + left + ", " + pattern + ")";
  }

  /** Trino puts nulls last in both directions; Spark (MedFlow's meaning) puts them first when ascending. */
  @Override
  public String defaultNullOrdering(boolean ascending) {
    return ascending ? " NULLS FIRST" : "";
  }

  private static final Pattern FRACTION = Pattern.compile("(0(\\.\\d{1,30})?|1(\\.0{1,30})?|\\.\\d{1,30})");

  /**
   * Spark's exact {@code percentile(x, p)}: the value at position {@code p * (n - 1)} of the sorted non-null values,
   * interpolated linearly between its neighbours, as a DOUBLE. Trino has only approximate percentiles, so the
   * values of the group are sorted ({@code array_sort} puts nulls last, {@code count(x)} counts the others); the
   * group's memory is bounded by Trino's {@code query.max-memory}.
   */
  private static String exactPercentile(String x, String p, boolean distinct) {
    if (!FRACTION.matcher(p).matches()) {
      throw refuse(RefusalCode.FORBIDDEN_FUNCTION, "On the Trino engine the percentage of percentile must be one number"
          + " from 0 to 1, not %s.", p);
    }
    String d = distinct ? "DISTINCT " : "";
    String sorted = "array_sort(array_agg(" + d + x + "))";
    String pos = "(" + p + " * (count(" + d + x + ") - 1))";
    String low = "CAST(element_at(" + sorted + ", CAST(floor" + pos + " AS BIGINT) + 1) AS DOUBLE)";
    String high = "CAST(element_at(" + sorted + ", CAST(ceiling" + pos + " AS BIGINT) + 1) AS DOUBLE)";
    return "(CASE WHEN count(" + d + x + ") = 0 THEN NULL ELSE " + low + " + (" + high + " - " + low + ") * CAST(" + pos
        + " - floor" + pos + " AS DOUBLE) END)";
  }

  private static String plain(String name, List<String> args, boolean distinct) {
    return name + "(" + (distinct ? "DISTINCT " : "") + String.join(", ", args) + ")";
  }

  private static String one(String name, List<String> a) {
    requireArgs(name, a.size(), 1);
    return a.get(0);
  }

  private static void requireArgs(String name, int n, int expected) {
    if (n != expected) {
      throw refuse(RefusalCode.FORBIDDEN_FUNCTION, "%s takes %d arguments on the Trino engine, not %d.", name, expected, n);
    }
  }

  /** {@code DAY} (printed bare by the guard) as Trino's unit string {@code 'day'}. */
  private static String unit(String printed) {
    String u = printed.toUpperCase(Locale.ROOT);
    if (!UNITS.contains(u)) {
      throw refuse(RefusalCode.FORBIDDEN_FUNCTION, "Date unit %s is not supported on the Trino engine.", printed);
    }
    return "'" + u.toLowerCase(Locale.ROOT) + "'";
  }
}
