package com.medflow.query.guard;

/** Why {@link SqlGuard} refused a SQL string. Stable names: callers map them to API error codes. */
public enum RefusalCode {
  /** The text is not SQL the guard can parse (also: invisible control characters, unsupported literals). */
  PARSE_ERROR,
  /** Nothing but whitespace, comments or semicolons. */
  EMPTY,
  /** More than one statement. */
  MULTIPLE_STATEMENTS,
  /** A statement other than a read-only query: DDL, DML, CALL, SET, SHOW, EXPLAIN, VALUES... */
  NOT_A_QUERY,
  /** {@code SELECT ... INTO}. */
  INTO_NOT_ALLOWED,
  /** A table that is not a contract table (including file paths and other catalogs). */
  UNKNOWN_TABLE,
  /** A contract table the caller's role may not read. */
  TABLE_NOT_ALLOWED,
  /** Iceberg metadata tables, branches and tags, information_schema, system tables. */
  METADATA_TABLE,
  /** A function outside the allow-list, or an allowed function with unsafe arguments. */
  FORBIDDEN_FUNCTION,
  /** A column that exists in no table, subquery or alias in scope. */
  UNKNOWN_COLUMN,
  /** Personal data used by a role that may not see it, other than counting it or returning it masked. */
  PII_NOT_ALLOWED,
  /** Too long, too deeply nested, or a SQL construct the guard does not support. */
  TOO_COMPLEX
}
