package com.medflow.query.guard;

import static java.util.Objects.requireNonNull;

/**
 * A SQL string the guard will not let run. The message is written for the person who wrote the
 * SQL (it names the offending table, column or function); it carries no stack trace.
 */
public final class SqlRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final RefusalCode code;

  public SqlRefusedException(RefusalCode code, String message) {
    super(requireNonNull(message, "message is null"), null, false, false);
    this.code = requireNonNull(code, "code is null");
  }

  public RefusalCode code() {
    return code;
  }

  static SqlRefusedException refuse(RefusalCode code, String format, Object... args) {
    return new SqlRefusedException(code, args.length == 0 ? format : String.format(java.util.Locale.ROOT, format, args));
  }
}
