package com.medflow.assistant.nlq.build;

import com.medflow.assistant.nlq.query.Filter;
import com.medflow.assistant.nlq.query.Grouping;
import com.medflow.assistant.nlq.vocab.Kind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Bands written in the question: "by age 0-40, 41-64 and 65+", "claims in bands of $0-$100, $100-$500,
 * over $500". Two or more ranges after an age or amount word group by those bands, labelled as written;
 * a shared end belongs to the upper band.
 */
final class BandRules {
  private static final Set<String> BANDED = Set.of("patient_age", "billed_amount", "paid_amount", "allowed_amount",
      "processing_days");

  private BandRules() {}

  static boolean apply(Parse p) {
    for (int i = 0; i < p.size(); i++) {
      String column = column(p, i);
      java.util.Optional<Node.Threshold> first = ageCondition(p, i);
      String implicit = implicitColumn(p, i);
      if (column == null && first.isEmpty() && implicit == null) {
        continue;
      }
      List<Integer> idx = new ArrayList<>(List.of(i));
      List<Node.Threshold> ts = new ArrayList<>();
      if (column == null && first.isPresent()) {
        column = "patient_age"; // "by age 65+, 0-40, 41-64": the age word came with the first band
        ts.add(first.get());
      } else if (column == null) {
        // "claims under $100, $100 to $1,000 and over $1,000": dollars are the billed amount, days processing time
        column = implicit;
        ts.add((Node.Threshold) p.get(i));
      }
      int k = i + 1;
      while (p.isRaw(k, Kind.GROUP)) {
        idx.add(k); // "amount bands", "in buckets of"
        k++;
      }
      while (k < p.size()) {
        java.util.Optional<Node.Threshold> asBand = conditionBand(p, k);
        if (p.get(k) instanceof Node.Threshold t && t.op() != Filter.Op.IN) {
          ts.add(t);
          idx.add(k);
          k++;
        } else if (asBand.isPresent()) {
          ts.add(asBand.get());
          idx.add(k);
          k++;
        } else if ((p.isRaw(k, Kind.AND) || p.isRaw(k, Kind.OR) && implicit == null)
            && (p.get(k + 1) instanceof Node.Threshold || conditionBand(p, k + 1).isPresent())) {
          idx.add(k);
          k++;
        } else {
          break;
        }
      }
      if (ts.size() < 2) {
        continue;
      }
      if (implicit != null && column.equals(implicit) && ts.size() == 2 && overlap(band(ts.get(0)), band(ts.get(1)))) {
        continue; // "over $100 and under $500": one range, not two bands
      }
      List<Grouping.Band> bands = new ArrayList<>();
      for (Node.Threshold t : ts) {
        bands.add(band(t));
      }
      // a shared end belongs to the upper band unless that band excludes it ("$100 to $1,000, over $1,000");
      // the bands keep the order they were written in
      for (int b = 0; b < bands.size(); b++) {
        Grouping.Band cur = bands.get(b);
        for (Grouping.Band other : bands) {
          if (other != cur && cur.high() != null && other.low() != null && cur.high().compareTo(other.low()) == 0
              && !cur.highExclusive() && !other.lowExclusive()) {
            bands.set(b, new Grouping.Band(cur.low(), cur.high(), true, cur.label(), cur.lowExclusive()));
          }
        }
      }
      String label = column.replace('_', ' ') + " bands";
      int[] all = idx.stream().mapToInt(Integer::intValue).toArray();
      p.rewrite(all, new Node.Grouped(p.get(i).start(), Grouping.bands(column, bands, label), false, false, label));
      return true;
    }
    return false;
  }

  private static final java.util.regex.Pattern OPEN_HIGH = java.util.regex.Pattern.compile(
      "(?i)(\\d+)\\s*(\\+|plus|and over|and older|or older|or over|and up|and above)");
  private static final java.util.regex.Pattern OPEN_LOW = java.util.regex.Pattern.compile("(?i)under (\\d+)");

  /** "age 65 plus" read as one phrase: the age word and a band. */
  private static java.util.Optional<Node.Threshold> ageCondition(Parse p, int i) {
    java.util.Optional<Node.Raw> r = p.raw(i).filter(x -> x.is(Kind.CONDITION));
    if (r.isEmpty()) {
      return java.util.Optional.empty();
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)(?:age|ages|aged) (.+)").matcher(r.get().span().text());
    if (!m.matches()) {
      return java.util.Optional.empty();
    }
    return band(r.get().start(), m.group(1));
  }

  /** An age condition written with its number ("65+", "65 and over", "under 18") read as a band. */
  private static java.util.Optional<Node.Threshold> conditionBand(Parse p, int k) {
    java.util.Optional<Node.Raw> r = p.raw(k).filter(x -> x.is(Kind.CONDITION));
    if (r.isEmpty()) {
      return java.util.Optional.empty();
    }
    return band(r.get().start(), r.get().span().text());
  }

  private static java.util.Optional<Node.Threshold> band(int start, String text) {
    java.util.regex.Matcher hi = OPEN_HIGH.matcher(text);
    if (hi.matches()) {
      return java.util.Optional.of(new Node.Threshold(start, Filter.Op.GE, new BigDecimal(hi.group(1)), null,
          Node.Threshold.Unit.PLAIN, hi.group(2).equalsIgnoreCase("plus") ? hi.group(1) + "+" : text));
    }
    java.util.regex.Matcher lo = OPEN_LOW.matcher(text);
    if (lo.matches()) {
      return java.util.Optional.of(new Node.Threshold(start, Filter.Op.LT, new BigDecimal(lo.group(1)), null,
          Node.Threshold.Unit.PLAIN, "under " + lo.group(1)));
    }
    return java.util.Optional.empty();
  }

  /**
   * A dollar or day threshold that starts a list of two or more of the same unit, with no amount word before:
   * the column the unit stands for.
   */
  private static String implicitColumn(Parse p, int i) {
    if (!(p.get(i) instanceof Node.Threshold t) || t.op() == Filter.Op.IN || column(p, i - 1) != null) {
      return null;
    }
    String column = switch (t.unit()) {
      case MONEY -> "billed_amount";
      case DAYS -> "processing_days";
      default -> null;
    };
    int k = i + 1;
    if (p.isRaw(k, Kind.AND)) {
      k++;
    }
    boolean either = p.get(k) != null && p.wordsBetween(t.start(), p.get(k).start() + 1).contains("or");
    return column != null && !either && p.get(k) instanceof Node.Threshold next && next.unit() == t.unit()
        && next.op() != Filter.Op.IN ? column : null; // "over $1,000 or under $50" is one condition, not bands
  }

  private static String column(Parse p, int i) {
    if (p.isRaw(i, Kind.DIMENSION, "age_band")) {
      return "patient_age";
    }
    return p.raw(i).filter(r -> r.is(Kind.MEASURE) && BANDED.contains(r.key())).map(Node.Raw::key).orElse(null);
  }

  private static boolean overlap(Grouping.Band a, Grouping.Band b) {
    return below(a.low(), b.high()) && below(b.low(), a.high());
  }

  /** Whether a lower bound lies under an upper bound (a missing bound is unbounded). */
  private static boolean below(BigDecimal low, BigDecimal high) {
    return low == null || high == null || low.compareTo(high) < 0;
  }

  private static Grouping.Band band(Node.Threshold t) {
    BigDecimal v = t.value();
    String label = t.text().replaceFirst("(?i)^(and|or)\\s+", "");
    return switch (t.op()) {
      case BETWEEN -> new Grouping.Band(v, t.value2(), false, label);
      case GE -> new Grouping.Band(v, null, false, label);
      case GT -> new Grouping.Band(v, null, false, label, true);
      case LT -> new Grouping.Band(null, v, true, label);
      case LE -> new Grouping.Band(null, v, false, label);
      default -> throw new IllegalStateException("not a band: " + t);
    };
  }
}
