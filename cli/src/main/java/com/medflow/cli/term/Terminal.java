package com.medflow.cli.term;

import java.io.PrintStream;
import java.util.Locale;

/** Where people read progress: standard error, with colour and in-place updates only on a real terminal. */
public final class Terminal {
  private final PrintStream out;
  private final boolean interactive;
  private final boolean color;

  public Terminal(PrintStream out, boolean interactive, boolean color) {
    this.out = out;
    this.interactive = interactive;
    this.color = color;
  }

  public static Terminal stderr() {
    boolean tty = System.console() != null && !"dumb".equals(System.getenv("TERM"));
    return new Terminal(System.err, tty, tty && System.getenv("NO_COLOR") == null);
  }

  /** Prints nothing; for work whose progress nobody needs to see. */
  public static Terminal silent() {
    return new Terminal(new PrintStream(java.io.OutputStream.nullOutputStream()), false, false);
  }

  public boolean interactive() {
    return interactive;
  }

  public PrintStream out() {
    return out;
  }

  public void line(String s) {
    if (interactive) {
      out.print("\r\033[2K");
    }
    out.println(s);
    out.flush();
  }

  /** Overwrites the current line on a terminal; prints nothing otherwise (use {@link #line} for logs). */
  public void status(String s) {
    if (interactive) {
      out.print("\r\033[2K" + s);
      out.flush();
    }
  }

  public String green(String s) {
    return paint("32", s);
  }

  public String red(String s) {
    return paint("31", s);
  }

  public String yellow(String s) {
    return paint("33", s);
  }

  public String dim(String s) {
    return paint("2", s);
  }

  public String bold(String s) {
    return paint("1", s);
  }

  private String paint(String code, String s) {
    return color ? "\033[" + code + "m" + s + "\033[0m" : s;
  }

  public static String seconds(long millis) {
    return String.format(Locale.ROOT, millis < 10_000 ? "%.1f s" : "%.0f s", millis / 1000.0);
  }

  public static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  public static String rate(long rows, long millis) {
    if (millis <= 0) {
      return "";
    }
    double perSecond = rows * 1000.0 / millis;
    return perSecond >= 1000 ? String.format(Locale.ROOT, "%,.0fk rows/s", perSecond / 1000)
        : String.format(Locale.ROOT, "%,.0f rows/s", perSecond);
  }

  /** A horizontal bar of {@code width} cells for {@code fraction} of the full scale. */
  public static String bar(double fraction, int width) {
    double f = Math.max(0, Math.min(1, fraction));
    int eighths = (int) Math.round(f * width * 8);
    StringBuilder sb = new StringBuilder();
    String[] partial = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
    for (int i = 0; i < eighths / 8; i++) {
      sb.append('█');
    }
    sb.append(partial[eighths % 8]);
    while (sb.length() < width) {
      sb.append(' ');
    }
    return sb.toString();
  }
}
