package com.medflow.assistant.nlq.build;

import com.medflow.assistant.nlq.query.Filter;
import com.medflow.assistant.nlq.text.Token;
import com.medflow.assistant.nlq.vocab.Kind;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Numbers with the words that compare them become {@link Node.Threshold}s: "more than 50", "over
 * $5,000", "at least 100", "65+", "18 or younger", "between 18 and 64", "30 to 60 days".
 */
final class NumberRules {
  private static final Set<String> RANGE_WORDS = Set.of("to", "through", "thru", "and");

  private NumberRules() {}

  static boolean apply(Parse p) {
    return between(p) || range(p) || before(p) || after(p) || percentileNumber(p);
  }

  private static boolean isNumber(Parse p, int i) {
    return p.isRaw(i, Kind.NUMBER) || p.isRaw(i, Kind.MONEY) || p.isRaw(i, Kind.PERCENT);
  }

  private static Token token(Parse p, int i) {
    return p.raw(i).orElseThrow().span().number().orElseThrow();
  }

  private static Node.Threshold.Unit unitOf(Token t) {
    return switch (t.type()) {
      case MONEY -> Node.Threshold.Unit.MONEY;
      case PERCENT -> Node.Threshold.Unit.PERCENT;
      default -> Node.Threshold.Unit.PLAIN;
    };
  }

  /** The unit word after a number (days, years, dollars), if any: its index and unit. */
  private static Optional<Object[]> unitAfter(Parse p, int i) {
    int u = i + 1;
    if (p.isRaw(u, Kind.UNIT)) {
      String key = p.raw(u).orElseThrow().key();
      Node.Threshold.Unit unit = switch (key) {
        case "days" -> Node.Threshold.Unit.DAYS;
        case "years" -> Node.Threshold.Unit.YEARS;
        case "dollars" -> Node.Threshold.Unit.MONEY;
        case "times" -> Node.Threshold.Unit.CLAIMS;
        default -> null;
      };
      if (unit != null) {
        return Optional.of(new Object[] {u, unit});
      }
    }
    return Optional.empty();
  }

  private static Node.Threshold.Unit merge(Node.Threshold.Unit a, Node.Threshold.Unit b) {
    return a == Node.Threshold.Unit.PLAIN ? b : a;
  }

  /** "between 18 and 64", "from 30 to 60 days", "between $100 and $500". */
  private static boolean between(Parse p) {
    for (int i = 0; i < p.size(); i++) {
      if (!p.isRaw(i, Kind.COMPARATOR, "between") || !isNumber(p, i + 1)) {
        continue;
      }
      int j = i + 1;
      int k = j + 1;
      boolean joined = p.isRaw(k, Kind.AND);
      if (joined) {
        k++;
      } else if (!isNumber(p, k) || !joinedByWord(p, j, k)) {
        continue;
      }
      if (!isNumber(p, k)) {
        continue;
      }
      Token a = token(p, j);
      Token b = token(p, k);
      Node.Threshold.Unit unit = merge(unitOf(a), unitOf(b));
      int last = k;
      Optional<Object[]> u = unitAfter(p, k);
      if (u.isPresent()) {
        last = (int) u.get()[0];
        unit = merge(unit, (Node.Threshold.Unit) u.get()[1]);
      }
      Node.Threshold t = threshold(p.get(i).start(), Filter.Op.BETWEEN, a.value(), b.value(), unit,
          "between " + a.original() + " and " + b.original());
      p.rewrite(range(i, last), t);
      return true;
    }
    return false;
  }

  /** Two numbers joined by "to"/"through": "18 to 64", "30-60 days" (a range without "between"). */
  private static boolean range(Parse p) {
    for (int i = 0; i + 1 < p.size(); i++) {
      if (!isNumber(p, i) || !isNumber(p, i + 1) || !joinedByWord(p, i, i + 1)) {
        continue;
      }
      Token a = token(p, i);
      Token b = token(p, i + 1);
      if (a.value().compareTo(b.value()) > 0) {
        continue;
      }
      Node.Threshold.Unit unit = merge(unitOf(a), unitOf(b));
      int last = i + 1;
      Optional<Object[]> u = unitAfter(p, i + 1);
      if (u.isPresent()) {
        last = (int) u.get()[0];
        unit = merge(unit, (Node.Threshold.Unit) u.get()[1]);
      }
      p.rewrite(range(i, last), threshold(p.get(i).start(), Filter.Op.BETWEEN, a.value(), b.value(), unit,
          plain(a) + "-" + plain(b)));
      return true;
    }
    return false;
  }

  private static String plain(Token t) {
    return t.type() == Token.Type.MONEY ? "$" + t.value().stripTrailingZeros().toPlainString()
        : t.value().stripTrailingZeros().toPlainString();
  }

  private static boolean joinedByWord(Parse p, int a, int b) {
    List<String> between = p.wordsBetween(p.raw(a).orElseThrow().span().end(), p.raw(b).orElseThrow().span().start());
    return between.size() == 1 && RANGE_WORDS.contains(between.get(0)) && !between.get(0).equals("and");
  }

  /** "more than 50", "over $5,000 dollars", "at least 30 days", "under 18 years". */
  private static boolean before(Parse p) {
    for (int i = 0; i + 1 < p.size(); i++) {
      Optional<Node.Raw> c = p.raw(i).filter(r -> r.is(Kind.COMPARATOR));
      if (c.isEmpty() || c.get().key().equals("between") || !isNumber(p, i + 1)) {
        continue;
      }
      String said = c.get().span().text().toLowerCase(java.util.Locale.ROOT);
      if (c.get().key().endsWith("_after") && !(said.startsWith("and ") || said.startsWith("or "))) {
        continue; // "or more" follows its number; "and over $1,000" is "and" + "over $1,000"
      }
      Token n = token(p, i + 1);
      Node.Threshold.Unit unit = unitOf(n);
      int last = i + 1;
      Optional<Object[]> u = unitAfter(p, i + 1);
      if (u.isPresent()) {
        last = (int) u.get()[0];
        unit = merge(unit, (Node.Threshold.Unit) u.get()[1]);
      }
      Filter.Op op = switch (c.get().key()) {
        case "gt" -> Filter.Op.GT;
        case "ge" -> Filter.Op.GE;
        case "lt" -> Filter.Op.LT;
        case "le" -> Filter.Op.LE;
        case "eq" -> Filter.Op.BETWEEN;
        case "ge_after" -> said.endsWith("over") || said.endsWith("above") ? Filter.Op.GT : Filter.Op.GE;
        case "le_after" -> said.endsWith("under") || said.endsWith("below") ? Filter.Op.LT : Filter.Op.LE;
        default -> Filter.Op.IN;
      };
      if (op == Filter.Op.IN) {
        continue;
      }
      if (op == Filter.Op.BETWEEN) {
        p.rewrite(range(i, last), threshold(p.get(i).start(), op, n.value(), n.value(), unit, "exactly " + n.original()));
        return true;
      }
      p.rewrite(range(i, last), threshold(p.get(i).start(), op, n.value(), null, unit,
          c.get().span().text() + " " + n.original()));
      return true;
    }
    return false;
  }

  /** "50 or more", "65+", "65 years or older", "18 and under". */
  private static boolean after(Parse p) {
    for (int i = 0; i + 1 < p.size(); i++) {
      if (!isNumber(p, i)) {
        continue;
      }
      Token n = token(p, i);
      Node.Threshold.Unit unit = unitOf(n);
      int c = i + 1;
      Optional<Object[]> u = unitAfter(p, i);
      if (u.isPresent()) {
        c = (int) u.get()[0] + 1;
        unit = merge(unit, (Node.Threshold.Unit) u.get()[1]);
      }
      Optional<Node.Raw> cmp = p.raw(c).filter(r -> r.is(Kind.COMPARATOR) && r.key().endsWith("_after"));
      if (cmp.isEmpty()) {
        continue;
      }
      Filter.Op op = cmp.get().key().startsWith("ge") ? Filter.Op.GE : Filter.Op.LE;
      String text = cmp.get().span().text().equals("plus") ? n.original() + "+" : n.original() + " " + cmp.get().span().text();
      p.rewrite(range(i, c), threshold(p.get(i).start(), op, n.value(), null, unit, text));
      return true;
    }
    return false;
  }

  /** "90 percentile" (the number and the word apart). */
  private static boolean percentileNumber(Parse p) {
    for (int i = 0; i + 1 < p.size(); i++) {
      if (p.isRaw(i, Kind.NUMBER) && p.isRaw(i + 1, Kind.AGG, "percentile") && token(p, i).isInteger()) {
        int n = token(p, i).intValue();
        if (n < 1 || n > 99) {
          continue;
        }
        var span = p.raw(i + 1).orElseThrow().span();
        var term = com.medflow.assistant.nlq.vocab.Term.of(Kind.AGG, "p" + n, Measures.ordinal(n) + " percentile");
        p.rewrite(new int[] {i, i + 1}, new Node.Raw(new com.medflow.assistant.nlq.match.Span(
            p.raw(i).orElseThrow().span().start(), span.end(), List.of(term), n + " " + span.text(), Optional.empty(),
            Optional.empty())));
        return true;
      }
    }
    return false;
  }

  static Node.Threshold threshold(int start, Filter.Op op, BigDecimal v, BigDecimal v2, Node.Threshold.Unit unit,
                                  String text) {
    return new Node.Threshold(start, op, v, v2, unit, text);
  }

  static int[] range(int from, int toInclusive) {
    int[] out = new int[toInclusive - from + 1];
    for (int k = 0; k < out.length; k++) {
      out[k] = from + k;
    }
    return out;
  }
}
