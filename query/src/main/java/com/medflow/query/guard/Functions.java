package com.medflow.query.guard;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Spark SQL functions an analyst may call. Everything else is refused: functions that reach
 * Java ({@code reflect}, {@code java_method}), files ({@code read_files}, {@code input_file_name}),
 * the session ({@code current_user}, {@code current_catalog}), user-defined functions, and functions
 * whose cost a caller controls without bound ({@code space}, {@code array_repeat}, {@code printf}).
 * A few allowed functions have bounded arguments; see {@link ArgumentBounds}.
 */
final class Functions {
  private Functions() {}

  enum Kind {
    /** Aggregate function; also usable with OVER. */
    AGGREGATE,
    /** Ranking/offset function: only with OVER. */
    WINDOW,
    /** Row-level function. */
    SCALAR,
    /** Produces rows: only at the top of a SELECT item or in LATERAL VIEW. */
    GENERATOR,
    /** Takes a lambda argument. */
    HIGHER_ORDER,
    /** ROLLUP / CUBE in GROUP BY. */
    GROUPING
  }

  private static final Map<String, Kind> ALLOWED = new HashMap<>();

  private static void add(Kind kind, String... names) {
    for (String n : names) {
      ALLOWED.put(n, kind);
    }
  }

  static {
    add(Kind.AGGREGATE, "count", "sum", "avg", "mean", "min", "max", "percentile_approx", "approx_percentile",
        "percentile", "percentile_cont", "percentile_disc", "median", "mode", "approx_count_distinct", "stddev",
        "stddev_samp", "stddev_pop", "std", "variance", "var_samp", "var_pop", "count_if", "any_value", "first",
        "last", "max_by", "min_by", "corr", "covar_pop", "covar_samp", "bool_and", "bool_or", "every",
        "collect_set", "collect_list", "array_agg", "skewness", "kurtosis", "grouping", "grouping_id");
    add(Kind.WINDOW, "row_number", "rank", "dense_rank", "ntile", "lag", "lead", "first_value", "last_value",
        "nth_value", "percent_rank", "cume_dist");
    // conditional and null handling
    add(Kind.SCALAR, "if", "coalesce", "nullif", "nvl", "nvl2", "ifnull", "greatest", "least", "isnull",
        "isnotnull", "nanvl", "zeroifnull", "nullifzero");
    // math
    add(Kind.SCALAR, "round", "bround", "floor", "ceil", "ceiling", "abs", "pow", "power", "sqrt", "cbrt", "ln",
        "log", "log10", "log2", "log1p", "exp", "sign", "signum", "mod", "pmod", "negative", "positive",
        "try_divide", "try_add", "try_subtract", "try_multiply", "width_bucket", "rand", "random", "pi", "e");
    // strings
    add(Kind.SCALAR, "upper", "lower", "ucase", "lcase", "initcap", "trim", "ltrim", "rtrim", "btrim", "concat",
        "concat_ws", "substring", "substr", "left", "right", "length", "char_length", "character_length",
        "replace", "translate", "lpad", "rpad", "split_part", "split", "instr", "locate", "startswith",
        "endswith", "contains", "reverse", "repeat", "format_number", "regexp_extract", "regexp_extract_all",
        "regexp_replace", "regexp_like", "regexp_count", "regexp_substr", "rlike", "like", "ilike", "ascii",
        "levenshtein", "to_char", "to_number", "try_to_number");
    // dates and times
    add(Kind.SCALAR, "date_trunc", "trunc", "year", "quarter", "month", "day", "dayofmonth", "dayofweek",
        "dayofyear", "weekday", "weekofyear", "hour", "minute", "second", "date_add", "date_sub", "dateadd",
        "add_months", "datediff", "date_diff", "months_between", "current_date", "current_timestamp", "now",
        "curdate", "last_day", "next_day", "make_date", "make_timestamp", "date_format", "to_date", "try_to_date",
        "to_timestamp", "try_to_timestamp", "date_part", "datepart", "date_from_unix_date", "unix_date",
        "monthname", "dayname", "timestampadd", "timestampdiff");
    // types
    add(Kind.SCALAR, "cast", "try_cast");
    // arrays and maps (the contract has reasons ARRAY<STRING> and record MAP<STRING,STRING>)
    add(Kind.SCALAR, "size", "cardinality", "array_size", "array_contains", "array", "element_at", "try_element_at",
        "array_join", "array_distinct", "array_min", "array_max", "array_position", "array_remove",
        "arrays_overlap", "array_intersect", "array_union", "array_except", "sort_array", "array_sort", "slice",
        "map_keys", "map_values", "map_contains_key", "sequence");
    add(Kind.GENERATOR, "explode", "explode_outer", "posexplode", "posexplode_outer");
    add(Kind.HIGHER_ORDER, "transform", "filter", "exists", "forall");
    add(Kind.GROUPING, "rollup", "cube");
  }

  /** Functions that deserve their own refusal reason. */
  private static final Map<String, String> WHY = Map.ofEntries(
      Map.entry("reflect", "it calls arbitrary Java methods"),
      Map.entry("java_method", "it calls arbitrary Java methods"),
      Map.entry("try_reflect", "it calls arbitrary Java methods"),
      Map.entry("input_file_name", "it exposes storage file paths"),
      Map.entry("input_file_block_start", "it exposes storage file details"),
      Map.entry("input_file_block_length", "it exposes storage file details"),
      Map.entry("read_files", "it reads arbitrary files"),
      Map.entry("read_csv", "it reads arbitrary files"),
      Map.entry("read_json", "it reads arbitrary files"),
      Map.entry("range", "table-valued functions are not tables of the contract"),
      Map.entry("current_user", "it exposes session details"),
      Map.entry("user", "it exposes session details"),
      Map.entry("session_user", "it exposes session details"),
      Map.entry("current_catalog", "it exposes session details"),
      Map.entry("current_database", "it exposes session details"),
      Map.entry("current_schema", "it exposes session details"),
      Map.entry("version", "it exposes server details"),
      Map.entry("hash", "hashing is a way to re-identify personal data"),
      Map.entry("md5", "hashing is a way to re-identify personal data"),
      Map.entry("sha1", "hashing is a way to re-identify personal data"),
      Map.entry("sha2", "hashing is a way to re-identify personal data"),
      Map.entry("xxhash64", "hashing is a way to re-identify personal data"),
      Map.entry("aes_decrypt", "it decrypts data"),
      Map.entry("aes_encrypt", "it encrypts data"),
      Map.entry("space", "its cost grows with its argument without bound"),
      Map.entry("array_repeat", "its cost grows with its argument without bound"),
      Map.entry("printf", "its cost grows with its format without bound"),
      Map.entry("format_string", "its cost grows with its format without bound"),
      Map.entry("raise_error", "it raises errors on purpose"),
      Map.entry("assert_true", "it raises errors on purpose"),
      Map.entry("to_json", "it serializes whole rows"),
      Map.entry("from_json", "it parses arbitrary documents"),
      Map.entry("json_tuple", "it parses arbitrary documents"),
      Map.entry("get_json_object", "it parses arbitrary documents"),
      Map.entry("struct", "it packs whole rows"),
      Map.entry("named_struct", "it packs whole rows"),
      Map.entry("stack", "it generates rows"),
      Map.entry("inline", "it generates rows"),
      Map.entry("inline_outer", "it generates rows"),
      Map.entry("uuid", "it is not needed for analysis"),
      Map.entry("monotonically_increasing_id", "it exposes partition layout"),
      Map.entry("spark_partition_id", "it exposes partition layout"));

  static Optional<Kind> kind(String lowerName) {
    return Optional.ofNullable(ALLOWED.get(lowerName));
  }

  /** The refusal for a function that is not allowed. */
  static SqlRefusedException refusal(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    String why = WHY.get(lower);
    return SqlRefusedException.refuse(RefusalCode.FORBIDDEN_FUNCTION,
        "Function %s is not allowed%s. Use the built-in functions listed in docs/GUARD.md.", name,
        why == null ? "" : ": " + why);
  }

  /** Aggregates that may take personal data as a direct argument, because they only count it. */
  static boolean countsOnly(String lowerName) {
    return lowerName.equals("count") || lowerName.equals("approx_count_distinct");
  }

  /** Regular-expression functions and the 0-based index of their pattern argument. */
  static int regexArgument(String lowerName) {
    return switch (lowerName) {
      case "rlike", "regexp_like", "regexp_extract", "regexp_extract_all", "regexp_replace", "regexp_count",
          "regexp_substr", "split" -> 1;
      default -> -1;
    };
  }
}
