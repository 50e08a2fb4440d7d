package com.medflow.assistant.nlq.sql;

/** A Spark SQL string literal: quoted, with backslashes and quotes escaped. The one way product SQL quotes a value. */
public final class SqlLiteral {
  private SqlLiteral() {}

  public static String of(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
