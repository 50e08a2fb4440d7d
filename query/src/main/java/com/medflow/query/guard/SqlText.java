package com.medflow.query.guard;

import static com.medflow.query.guard.SqlRefusedException.refuse;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Canonical printing of identifiers and literals, and checks on raw text. */
final class SqlText {
  private SqlText() {}

  static final Pattern SIMPLE_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  /** What a backticked alias may contain: letters, digits, space and harmless punctuation. */
  private static final Pattern QUOTED_ALIAS = Pattern.compile("[A-Za-z0-9_ %#()\\-.,/:&+]{1,128}");

  /**
   * Words printed in backticks when used as identifiers, so that Spark never reads them as keywords
   * (ANSI reserved words and the Spark keywords that start clauses or literals).
   */
  private static final Set<String> KEYWORDS = Set.of(
      "all", "alter", "and", "anti", "any", "array", "as", "asc", "at", "authorization", "between", "both", "by",
      "case", "cast", "check", "cluster", "collate", "column", "constraint", "create", "cross", "cube", "current",
      "current_date", "current_time", "current_timestamp", "current_user", "date", "day", "days", "delete",
      "desc", "describe", "distinct", "distribute", "div", "drop", "else", "end", "escape", "except", "exists",
      "false", "fetch", "filter", "following", "for", "foreign", "from", "full", "function", "grant", "group",
      "grouping", "having", "hour", "hours", "if", "ilike", "in", "inner", "insert", "intersect", "interval",
      "into", "is", "join", "lateral", "leading", "left", "like", "limit", "map", "merge", "minus", "minute",
      "minutes", "month", "months", "natural", "not", "null", "nulls", "of", "offset", "on", "only", "or",
      "order", "outer", "over", "overlaps", "partition", "preceding", "primary", "qualify", "range", "references",
      "regexp", "right", "rlike", "rollup", "row", "rows", "second", "seconds", "select", "semi", "session_user",
      "set", "some", "sort", "struct", "system_time", "system_version", "table", "tablesample", "then", "time",
      "timestamp", "to", "trailing", "true", "unbounded", "union", "unique", "unknown", "update", "user",
      "using", "values", "version", "week", "weeks", "when", "where", "window", "with", "within", "year", "years");

  /** Removes backticks or double quotes around a name; {@code ``} inside backticks is one backtick. */
  static String unquote(String name) {
    if (name.length() >= 2 && name.charAt(0) == '`' && name.charAt(name.length() - 1) == '`') {
      return name.substring(1, name.length() - 1).replace("``", "`");
    }
    if (name.length() >= 2 && name.charAt(0) == '"' && name.charAt(name.length() - 1) == '"') {
      return name.substring(1, name.length() - 1).replace("\"\"", "\"");
    }
    return name;
  }

  /** A word Spark reserves (printed in backticks there, in double quotes on Trino). */
  static boolean isKeyword(String name) {
    return KEYWORDS.contains(name.toLowerCase(Locale.ROOT));
  }

  static boolean isSimple(String name) {
    return SIMPLE_IDENTIFIER.matcher(name).matches();
  }

  /** An identifier as Spark should read it: bare when plain, in backticks otherwise. */
  static String ident(String name) {
    if (isSimple(name) && !KEYWORDS.contains(name.toLowerCase(Locale.ROOT))) {
      return name;
    }
    if (!QUOTED_ALIAS.matcher(name).matches()) {
      throw refuse(RefusalCode.PARSE_ERROR, "The name `%s` contains characters that are not allowed in names.", name);
    }
    return "`" + name + "`";
  }

  /**
   * Checks a name written by the user (alias, CTE name, lambda variable): plain identifiers, or
   * backticked names made of letters, digits, spaces and harmless punctuation.
   */
  static String checkName(String raw, String what) {
    if (raw.startsWith("'") || raw.startsWith("\"")) {
      throw refuse(RefusalCode.PARSE_ERROR, "%s %s is a string; write names plainly or in backticks.", what, raw);
    }
    String name = unquote(raw);
    if (isSimple(name) || (raw.startsWith("`") && QUOTED_ALIAS.matcher(name).matches())) {
      return name;
    }
    throw refuse(RefusalCode.PARSE_ERROR, "%s %s contains characters that are not allowed in names.", what, raw);
  }

  /** The canonical single-quoted Spark literal for a JSqlParser string literal body. */
  static String stringLiteral(String body, String quote) {
    String single;
    if ("'".equals(quote)) {
      single = body;
    } else if ("\"".equals(quote)) {
      StringBuilder sb = new StringBuilder(body.length() + 8);
      for (int i = 0; i < body.length(); i++) {
        char c = body.charAt(i);
        if (c == '\\' && i + 1 < body.length()) {
          sb.append(c).append(body.charAt(++i));
        } else if (c == '"' && i + 1 < body.length() && body.charAt(i + 1) == '"') {
          sb.append('"');
          i++;
        } else if (c == '\'') {
          sb.append("\\'");
        } else {
          sb.append(c);
        }
      }
      single = sb.toString();
    } else {
      throw refuse(RefusalCode.PARSE_ERROR, "Unsupported string quoting %s.", quote);
    }
    if (!isSingleQuotedBody(single)) {
      throw refuse(RefusalCode.PARSE_ERROR, "A string literal is not well formed.");
    }
    return "'" + single + "'";
  }

  /**
   * Whether {@code body} between single quotes is one literal for both JSqlParser (backslash mode)
   * and Spark: every quote is doubled or escaped, and no backslash escapes the closing quote.
   */
  static boolean isSingleQuotedBody(String body) {
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\\') {
        if (++i >= body.length()) {
          return false;
        }
      } else if (c == '\'') {
        if (i + 1 >= body.length() || body.charAt(i + 1) != '\'') {
          return false;
        }
        i++;
      }
    }
    return true;
  }

  /** The value a canonical literal body stands for in Spark (escapes resolved); used only for checks. */
  static String decode(String single) {
    String body = single.substring(1, single.length() - 1);
    StringBuilder sb = new StringBuilder(body.length());
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\\' && i + 1 < body.length()) {
        char n = body.charAt(++i);
        switch (n) {
          case 'n' -> sb.append('\n');
          case 't' -> sb.append('\t');
          case 'r' -> sb.append('\r');
          case '0' -> sb.append('\0');
          case '%', '_' -> sb.append('\\').append(n);
          default -> sb.append(n);
        }
      } else if (c == '\'' && i + 1 < body.length() && body.charAt(i + 1) == '\'') {
        sb.append('\'');
        i++;
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * Refuses invisible and control characters anywhere in the text (zero-width spaces, bidirectional
   * overrides, NUL...): they make what a reviewer sees differ from what runs.
   */
  static void checkCharacters(String sql) {
    for (int i = 0; i < sql.length(); ) {
      int cp = sql.codePointAt(i);
      int type = Character.getType(cp);
      boolean bad = switch (type) {
        case Character.CONTROL -> cp != '\n' && cp != '\r' && cp != '\t';
        case Character.FORMAT, Character.PRIVATE_USE, Character.SURROGATE, Character.UNASSIGNED,
            Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
        default -> false;
      };
      if (bad) {
        throw refuse(RefusalCode.PARSE_ERROR, "The SQL contains an invisible or control character (U+%04X) at position %d.",
            cp, i + 1);
      }
      i += Character.charCount(cp);
    }
  }

  static final int MAX_REGEX_LENGTH = 200;

  /**
   * Refuses regular expressions that can backtrack exponentially (a quantified group that itself
   * contains a quantifier or an alternation, back-references) or that do not compile.
   */
  static void checkRegex(String pattern, String function) {
    if (pattern.length() > MAX_REGEX_LENGTH) {
      throw refuse(RefusalCode.FORBIDDEN_FUNCTION, "The pattern of %s is longer than %d characters.", function,
          MAX_REGEX_LENGTH);
    }
    try {
      Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      throw refuse(RefusalCode.FORBIDDEN_FUNCTION, "The pattern of %s is not a valid regular expression: %s", function,
          e.getDescription());
    }
    Deque<boolean[]> groups = new ArrayDeque<>(); // [0]: contains quantifier or alternation
    boolean inClass = false;
    boolean justClosedRisky = false;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      boolean closedRisky = false;
      if (c == '\\') {
        if (i + 1 < pattern.length() && Character.isDigit(pattern.charAt(i + 1)) && pattern.charAt(i + 1) != '0' && !inClass) {
          throw refuse(RefusalCode.FORBIDDEN_FUNCTION, "The pattern of %s uses a back-reference, which can be very slow.",
              function);
        }
        i++;
      } else if (inClass) {
        if (c == ']') {
          inClass = false;
        }
      } else if (c == '[') {
        inClass = true;
      } else if (c == '(') {
        groups.push(new boolean[1]);
      } else if (c == ')') {
        boolean[] g = groups.isEmpty() ? new boolean[1] : groups.pop();
        closedRisky = g[0];
        if (g[0] && !groups.isEmpty()) {
          groups.peek()[0] = true;
        }
      } else if (c == '*' || c == '+' || c == '{' || c == '|' || c == '?') {
        boolean unbounded = c == '*' || c == '+' || c == '{';
        if (unbounded && justClosedRisky) {
          throw refuse(RefusalCode.FORBIDDEN_FUNCTION,
              "The pattern of %s repeats a group that itself repeats or alternates; such patterns can take exponential time.",
              function);
        }
        if (!groups.isEmpty() && (unbounded || c == '|')) {
          groups.peek()[0] = true;
        }
      }
      justClosedRisky = closedRisky;
    }
    int degree = RegexRisk.degree(pattern);
    if (degree > MAX_REGEX_AMBIGUITY) {
      throw refuse(RefusalCode.FORBIDDEN_FUNCTION, "The pattern of %s has %d repetitions in a row that can match the same"
          + " characters (like a*a*a*); matching can take very long. Use one repetition for each part (a+ instead of a*a*).",
          function, degree + 1);
    }
  }

  /** Overlapping unbounded repetitions a pattern may have (see {@link RegexRisk}); {@code .*x.*y.*} has 2. */
  static final int MAX_REGEX_AMBIGUITY = 2;
}
