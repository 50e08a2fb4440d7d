package com.medflow.query.guard;

import java.util.List;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/** Spark SQL as the guard has always printed it (the embedded engine). */
final class SparkDialect implements SqlDialect {
  @Override
  public String name() {
    return "spark";
  }

  @Override
  public String identifier(String name) {
    return SqlText.ident(name);
  }

  @Override
  public String stringLiteral(String canonicalSpark) {
    return canonicalSpark;
  }

  @Override
  public String versionAsOf(long snapshotId) {
    return " VERSION AS OF " + snapshotId;
  }

  @Override
  public String timestampAsOf(String timestamp) {
    return " TIMESTAMP AS OF '" + timestamp + "'";
  }

  @Override
  public String interval(String amount, String unit) {
    return "INTERVAL " + amount + " " + unit;
  }

  @Override
  public String castType(String canonicalSpark) {
    return canonicalSpark;
  }

  @Override
  public String call(String name, List<String> args, boolean distinct) {
    StringJoiner sj = new StringJoiner(", ", name + "(" + (distinct ? "DISTINCT " : ""), ")");
    args.forEach(sj::add);
    return sj.toString();
  }

  @Override
  public String lateralView(boolean outer, String generator, String printedCall, String tableAlias, List<String> columns) {
    return " LATERAL VIEW " + (outer ? "OUTER " : "") + printedCall + " " + identifier(tableAlias) + " AS "
        + columns.stream().map(this::identifier).collect(Collectors.joining(", "));
  }

  @Override
  public String divide(String left, String right) {
    return left + " / " + right;
  }

  @Override
  public String integerDivide(String left, String right) {
    return left + " DIV " + right;
  }

  @Override
  public String limitOffset(java.util.OptionalLong limit, java.util.OptionalLong offset) {
    return (limit.isPresent() ? " LIMIT " + limit.getAsLong() : "") + (offset.isPresent() ? " OFFSET " + offset.getAsLong() : "");
  }

  @Override
  public String regexMatch(String left, boolean not, String pattern) {
    return left + (not ? " NOT" : "") + " RLIKE " + pattern;
  }

  @Override
  public String defaultNullOrdering(boolean ascending) {
    return "";
  }
}
