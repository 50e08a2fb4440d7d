package com.medflow.query.guard;

import java.util.List;

/**
 * How the guard prints a checked query for the engine that runs it. Queries are written in one language on
 * every engine (MedFlow's SQL: the Spark SQL subset of docs/GUARD.md, plus Trino's {@code FOR VERSION AS OF} and
 * {@code FOR TIMESTAMP AS OF} time travel); the guard checks the parse tree once and prints it through a dialect,
 * so the same query means the same on Spark and on Trino. A construct a dialect cannot express with the same
 * meaning is refused with a reason, never printed approximately.
 */
public interface SqlDialect {
  SqlDialect SPARK = new SparkDialect();
  SqlDialect TRINO = new TrinoDialect();

  /** {@code spark} or {@code trino}. */
  String name();

  /** An identifier, quoted when it is not plain or is a keyword. */
  String identifier(String name);

  /** A string literal, from its canonical single-quoted Spark form (backslash escapes, see {@link SqlText}). */
  String stringLiteral(String canonicalSpark);

  /** The time-travel clause after a table name, with a leading space. */
  String versionAsOf(long snapshotId);

  /** {@code timestamp}: {@code yyyy-MM-dd} or {@code yyyy-MM-dd HH:mm:ss[.f]}, in UTC. */
  String timestampAsOf(String timestamp);

  /** {@code INTERVAL 30 DAYS}: {@code amount} a signed integer, {@code unit} one of YEAR(S) ... SECOND(S). */
  String interval(String amount, String unit);

  /** A cast target from the guard's canonical Spark type names (STRING, INT, DECIMAL(12,2), TIMESTAMP_NTZ...). */
  String castType(String canonicalSpark);

  /** A call of an allowed function on printed arguments, or a refusal when this dialect has no same-meaning form. */
  String call(String name, List<String> args, boolean distinct);

  /** A LATERAL VIEW of a generator call already printed by {@link #call}, with a leading space. */
  String lateralView(boolean outer, String generator, String printedCall, String tableAlias, List<String> columns);

  /** {@code left / right}: Spark's division, which never truncates. */
  String divide(String left, String right);

  /** {@code left DIV right}: Spark's integer division. */
  String integerDivide(String left, String right);

  /** {@code LIMIT} and {@code OFFSET} (each when present), with a leading space. */
  String limitOffset(java.util.OptionalLong limit, java.util.OptionalLong offset);

  /** The regular-expression match operator ({@code a RLIKE 'p'}) on printed operands. */
  String regexMatch(String left, boolean not, String pattern);

  /**
   * The null ordering to print when a query names none, with a leading space, or empty. MedFlow's SQL orders
   * nulls as Spark does (first when ascending, last when descending); an engine with another default prints it.
   */
  String defaultNullOrdering(boolean ascending);
}
