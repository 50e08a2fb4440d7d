package com.medflow.query.guard;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * How much a regular expression can backtrack: its <em>ambiguity degree</em>, the number of unbounded
 * repetitions ({@code *}, {@code +}, {@code {n,}}) that can match the same characters as an earlier one with
 * nothing that must match a different character in between ({@code a*a*b} has degree 1, {@code a*a*a*a*b}
 * has 3; {@code \d+-\d+} has 0). A backtracking matcher can take about n^(degree+1) steps per start position
 * on a value of n characters. A heuristic (alternatives are read as one sequence, which over-counts),
 * used with the guard's other rules (no repeated groups that repeat, no back-references).
 */
public final class RegexRisk {
  private RegexRisk() {}

  /** A set of characters: ASCII exactly, everything else as one flag. */
  private record Chars(BitSet ascii, boolean other) {
    static Chars any() {
      BitSet b = new BitSet(128);
      b.set(0, 128);
      return new Chars(b, true);
    }

    static Chars of(char c, boolean ignoreCase) {
      BitSet b = new BitSet(128);
      if (c >= 128) {
        return new Chars(b, true);
      }
      b.set(c);
      if (ignoreCase && Character.isLetter(c)) {
        b.set(Character.toLowerCase(c));
        b.set(Character.toUpperCase(c));
      }
      return new Chars(b, false);
    }

    boolean intersects(Chars o) {
      return ascii.intersects(o.ascii) || (other && o.other);
    }

    Chars union(Chars o) {
      BitSet b = (BitSet) ascii.clone();
      b.or(o.ascii);
      return new Chars(b, other || o.other);
    }
  }

  /** One item of the flattened pattern. */
  private record Item(Chars chars, int min, boolean unbounded, boolean possessive) {}

  public static int degree(String pattern) {
    boolean ignoreCase = pattern.contains("(?i");
    List<Item> items = new ArrayList<>();
    new Parser(pattern, ignoreCase, items).sequence(false, 0);
    int degree = 0;
    List<Chars> active = new ArrayList<>();
    for (Item it : items) {
      if (it.unbounded() && !it.possessive()) {
        if (active.stream().anyMatch(a -> a.intersects(it.chars()))) {
          degree++;
        }
        active.add(it.chars());
      } else if (it.min() > 0) {
        active.removeIf(a -> !a.intersects(it.chars()));
      }
    }
    return degree;
  }

  private static final class Parser {
    private final String p;
    private final boolean ignoreCase;
    private final List<Item> out;
    private int i;

    Parser(String p, boolean ignoreCase, List<Item> out) {
      this.p = p;
      this.ignoreCase = ignoreCase;
      this.out = out;
    }

    /** Reads items up to the end or a closing parenthesis; {@code optional}: inside an optional group. */
    void sequence(boolean optional, int depth) {
      while (i < p.length()) {
        char c = p.charAt(i);
        if (c == ')') {
          return;
        }
        if (c == '|' || c == '^' || c == '$') {
          i++;
          continue;
        }
        if (c == '(') {
          group(optional, depth);
          continue;
        }
        Chars chars = atom();
        if (chars != null) {
          quantified(chars, optional);
        }
      }
    }

    private void group(boolean optional, int depth) {
      i++; // (
      boolean lookaround = false;
      boolean atomic = false;
      if (i < p.length() && p.charAt(i) == '?') {
        int close = i + 1;
        if (p.startsWith("?=", i) || p.startsWith("?!", i) || p.startsWith("?<=", i) || p.startsWith("?<!", i)) {
          lookaround = true;
        } else if (p.startsWith("?>", i)) {
          atomic = true;
          close = i + 2;
        } else if (p.startsWith("?<", i)) {
          close = p.indexOf('>', i) + 1; // named group
        } else {
          while (close < p.length() && p.charAt(close) != ':' && p.charAt(close) != ')') {
            close++;
          }
          if (close < p.length() && p.charAt(close) == ')') { // inline flags (?i)
            i = close + 1;
            return;
          }
          close++;
        }
        i = lookaround ? i : Math.max(close, i);
      }
      List<Item> inner = new ArrayList<>();
      Parser sub = new Parser(p, ignoreCase, inner);
      sub.i = i;
      if (lookaround) {
        while (sub.i < p.length() && "?=!<".indexOf(p.charAt(sub.i)) >= 0) {
          sub.i++;
        }
      }
      sub.sequence(false, depth + 1);
      i = Math.min(p.length(), sub.i + 1); // past ')'
      if (lookaround) {
        quantifier(); // zero-width: its contents do not consume
        return;
      }
      int[] q = quantifier();
      boolean possessive = atomic || q[2] == 1;
      if (q[0] == 1 && q[1] == 1) {
        for (Item it : inner) {
          out.add(optional ? new Item(it.chars(), 0, it.unbounded(), it.possessive() || possessive) : it);
        }
        return;
      }
      Chars all = inner.stream().map(Item::chars).reduce(Chars::union).orElse(null);
      if (all == null) {
        return;
      }
      if (q[1] == Integer.MAX_VALUE) {
        out.add(new Item(all, optional ? 0 : q[0], true, possessive));
      } else {
        for (Item it : inner) { // bounded repetition of the group: its own items, optional if it may be skipped
          out.add(new Item(it.chars(), optional || q[0] == 0 ? 0 : it.min(), it.unbounded(), it.possessive()));
        }
      }
    }

    private void quantified(Chars chars, boolean optional) {
      int[] q = quantifier();
      out.add(new Item(chars, optional ? 0 : q[0], q[1] == Integer.MAX_VALUE, q[2] == 1));
    }

    /** {min, max, possessive}; {1, 1, 0} when there is none. */
    private int[] quantifier() {
      if (i >= p.length()) {
        return new int[] {1, 1, 0};
      }
      int min;
      int max;
      char c = p.charAt(i);
      if (c == '*') {
        min = 0;
        max = Integer.MAX_VALUE;
        i++;
      } else if (c == '+') {
        min = 1;
        max = Integer.MAX_VALUE;
        i++;
      } else if (c == '?') {
        min = 0;
        max = 1;
        i++;
      } else if (c == '{' && p.indexOf('}', i) > i) {
        String body = p.substring(i + 1, p.indexOf('}', i));
        i = p.indexOf('}', i) + 1;
        String[] parts = body.split(",", -1);
        min = parse(parts[0], 0);
        max = parts.length == 1 ? min : parts[1].isBlank() ? Integer.MAX_VALUE : parse(parts[1], Integer.MAX_VALUE);
      } else {
        return new int[] {1, 1, 0};
      }
      int possessive = 0;
      if (i < p.length() && p.charAt(i) == '+') {
        possessive = 1;
        i++;
      } else if (i < p.length() && p.charAt(i) == '?') {
        i++; // lazy: still backtracks
      }
      return new int[] {min, max, possessive};
    }

    private static int parse(String s, int dflt) {
      try {
        return Integer.parseInt(s.trim());
      } catch (NumberFormatException e) {
        return dflt;
      }
    }

    /** The characters one atom matches, or null for a zero-width one. */
    private Chars atom() {
      char c = p.charAt(i++);
      if (c == '.') {
        return Chars.any();
      }
      if (c == '[') {
        return charClass();
      }
      if (c == '\\' && i < p.length()) {
        char e = p.charAt(i++);
        return switch (e) {
          case 'b', 'B', 'A', 'z', 'Z', 'G' -> null;
          case 'd' -> range('0', '9', false);
          case 'w' -> range('0', '9', false).union(range('a', 'z', false)).union(range('A', 'Z', false))
              .union(Chars.of('_', false));
          case 's' -> Chars.of(' ', false).union(Chars.of('\t', false)).union(Chars.of('\n', false))
              .union(Chars.of('\r', false)).union(Chars.of('\f', false)).union(Chars.of('\u000b', false));
          case 't' -> Chars.of('\t', false);
          case 'n' -> Chars.of('\n', false);
          case 'r' -> Chars.of('\r', false);
          case 'Q' -> quoted();
          default -> Character.isLetterOrDigit(e) ? Chars.any() : Chars.of(e, ignoreCase); // \D \W \S \p{..} \x..
        };
      }
      return Chars.of(c, ignoreCase);
    }

    private Chars quoted() {
      int end = p.indexOf("\\E", i);
      String text = p.substring(i, end < 0 ? p.length() : end);
      i = end < 0 ? p.length() : end + 2;
      for (int k = 0; k + 1 < text.length(); k++) {
        out.add(new Item(Chars.of(text.charAt(k), ignoreCase), 1, false, false));
      }
      return text.isEmpty() ? null : Chars.of(text.charAt(text.length() - 1), ignoreCase);
    }

    private Chars charClass() {
      boolean negated = i < p.length() && p.charAt(i) == '^';
      if (negated) {
        i++;
      }
      Chars set = new Chars(new BitSet(128), false);
      boolean first = true;
      while (i < p.length() && (p.charAt(i) != ']' || first)) {
        first = false;
        char c = p.charAt(i++);
        if (c == '[' || (c == '&' && i < p.length() && p.charAt(i) == '&')) {
          int depth = 1; // nested classes and intersections: assume anything
          while (i < p.length() && depth > 0) {
            depth += p.charAt(i) == '[' ? 1 : p.charAt(i) == ']' ? -1 : 0;
            i++;
          }
          i--;
          set = Chars.any();
          continue;
        }
        if (c == '\\' && i < p.length()) {
          char e = p.charAt(i++);
          set = set.union(switch (e) {
            case 'd' -> range('0', '9', false);
            case 't' -> Chars.of('\t', false);
            case 'n' -> Chars.of('\n', false);
            default -> Character.isLetterOrDigit(e) ? Chars.any() : Chars.of(e, ignoreCase);
          });
          continue;
        }
        if (i + 1 < p.length() && p.charAt(i) == '-' && p.charAt(i + 1) != ']') {
          char to = p.charAt(i + 1);
          i += 2;
          set = set.union(to == '\\' ? Chars.any() : range(c, to, ignoreCase));
          continue;
        }
        set = set.union(Chars.of(c, ignoreCase));
      }
      i++; // ]
      if (negated) {
        BitSet b = new BitSet(128);
        b.set(0, 128);
        b.andNot(set.ascii());
        return new Chars(b, true);
      }
      return set;
    }

    private static Chars range(char from, char to, boolean ignoreCase) {
      if (from > to || to >= 128) {
        return Chars.any();
      }
      BitSet b = new BitSet(128);
      b.set(from, to + 1);
      Chars r = new Chars(b, false);
      if (ignoreCase) {
        for (char c = from; c <= to; c++) {
          r = r.union(Chars.of(c, true));
        }
      }
      return r;
    }
  }
}
