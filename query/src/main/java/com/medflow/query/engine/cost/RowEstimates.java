package com.medflow.query.engine.cost;

import com.medflow.config.MedflowConfig;
import com.medflow.query.engine.Bytes;
import com.medflow.query.engine.QueryTooExpensiveException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.catalyst.expressions.And;
import org.apache.spark.sql.catalyst.expressions.EqualNullSafe;
import org.apache.spark.sql.catalyst.expressions.EqualTo;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.plans.logical.Aggregate;
import org.apache.spark.sql.catalyst.plans.logical.Expand;
import org.apache.spark.sql.catalyst.plans.logical.Generate;
import org.apache.spark.sql.catalyst.plans.logical.GlobalLimit;
import org.apache.spark.sql.catalyst.plans.logical.Join;
import org.apache.spark.sql.catalyst.plans.logical.LocalLimit;
import org.apache.spark.sql.catalyst.plans.logical.LocalRelation;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.OneRowRelation;
import org.apache.spark.sql.catalyst.plans.logical.Statistics;
import org.apache.spark.sql.catalyst.plans.logical.Union;
import org.apache.spark.sql.execution.datasources.v2.DataSourceV2ScanRelation;

/**
 * Upper bounds of the rows each node of an optimized plan produces, from the row counts the tables report
 * (Iceberg snapshot statistics), and refusal of the nodes whose work is over
 * {@code query.max-intermediate-rows}: joins without an equality condition between their sides (they
 * compare every pair of rows), generators ({@code explode}) and grouping sets. Equality joins are estimated
 * as the larger side (key joins); filters keep their input's bound (no column statistics).
 */
final class RowEstimates {
  private final MedflowConfig.Query limits;
  private final KeyFrequencies frequencies;
  private final Map<LogicalPlan, Long> memo = new IdentityHashMap<>();
  private ValueSizes values;

  RowEstimates(MedflowConfig.Query limits, KeyFrequencies frequencies) {
    this.limits = limits;
    this.frequencies = frequencies;
  }

  void useValues(ValueSizes v) {
    this.values = v;
  }

  long rows(LogicalPlan p) {
    Long known = memo.get(p);
    if (known != null) {
      return known;
    }
    for (LogicalPlan sub : PlanCost.list(p.subqueries())) {
      rows(sub);
    }
    long n = estimate(p);
    memo.put(p, n);
    return n;
  }

  private long estimate(LogicalPlan p) {
    List<LogicalPlan> children = PlanCost.list(p.children());
    if (children.isEmpty()) {
      return leaf(p);
    }
    if (p instanceof Join j) {
      return join(j);
    }
    if (p instanceof Aggregate a) {
      long in = rows(a.child());
      return a.groupingExpressions().isEmpty() ? 1 : in;
    }
    if (p instanceof GlobalLimit g) {
      return Math.min(rows(g.child()), ValueSizes.literalLong(g.limitExpr()).orElse(Long.MAX_VALUE));
    }
    if (p instanceof LocalLimit l) {
      return Math.min(rows(l.child()), ValueSizes.literalLong(l.limitExpr()).orElse(Long.MAX_VALUE));
    }
    if (p instanceof Union) {
      long sum = 0;
      for (LogicalPlan c : children) {
        sum = Saturating.add(sum, rows(c));
      }
      return sum;
    }
    if (p instanceof Generate g) {
      List<Expression> args = PlanCost.list(((Expression) g.generator()).children());
      long factor = args.isEmpty() ? 1 : values.elements(args.get(0), p);
      long n = Saturating.multiply(rows(g.child()), factor);
      over(n, String.format(Locale.ROOT, "%s makes about %s rows (%s input rows × %s elements)",
          ((Expression) g.generator()).prettyName(), Bytes.count(n), Bytes.count(rows(g.child())), Bytes.count(factor)),
          "Explode fewer rows (filter or aggregate first) or shorter arrays.");
      return n;
    }
    if (p instanceof Expand x) {
      long n = Saturating.multiply(rows(x.child()), x.projections().size());
      over(n, "The grouping sets (ROLLUP/CUBE) make about " + Bytes.count(n) + " rows",
          "Group by fewer columns.");
      return n;
    }
    if (p.getClass().getSimpleName().matches("Intersect|Except")) {
      return rows(children.get(0));
    }
    long max = 0;
    for (LogicalPlan c : children) {
      max = Math.max(max, rows(c));
    }
    return max;
  }

  private long join(Join j) {
    long left = rows(j.left());
    long right = rows(j.right());
    String type = j.joinType().sql();
    if (type.contains("SEMI") || type.contains("ANTI") || type.contains("EXISTENCE")) {
      if (!hasEquality(j)) {
        check(j, left, right);
      }
      return left;
    }
    List<Expression[]> keys = equalities(j);
    if (!keys.isEmpty()) {
      return equalityJoin(j, keys, left, right);
    }
    return check(j, left, right);
  }

  /**
   * An equality join makes at most (rows of one side) × (rows the most frequent key value has on the other):
   * counted for keys that are columns of a table when both sides are large; else the larger side (key joins).
   */
  private long equalityJoin(Join j, List<Expression[]> keys, long left, long right) {
    if (Saturating.multiply(left, right) <= limits.maxIntermediateRows()
        || unique(j.left(), keys, 0) || unique(j.right(), keys, 1)) {
      return Math.max(left, right); // small, or one side has at most one row per key (e.g. grouped by it)
    }
    long bound = Saturating.CEILING;
    String why = null;
    for (Expression[] pair : keys) {
      if (bound <= limits.maxIntermediateRows()) {
        break; // bounded enough: count no more keys
      }
      java.util.OptionalLong rightFreq = frequency(j.right(), pair[1]);
      if (rightFreq.isPresent() && Saturating.multiply(left, rightFreq.getAsLong()) < bound) {
        bound = Saturating.multiply(left, rightFreq.getAsLong());
        why = String.format(Locale.ROOT, "one value of %s occurs in up to %s rows of %s", pair[1].sql(),
            Bytes.count(rightFreq.getAsLong()), describe(j.right()));
      }
      if (bound <= limits.maxIntermediateRows()) {
        break;
      }
      java.util.OptionalLong leftFreq = frequency(j.left(), pair[0]);
      if (leftFreq.isPresent() && Saturating.multiply(right, leftFreq.getAsLong()) < bound) {
        bound = Saturating.multiply(right, leftFreq.getAsLong());
        why = String.format(Locale.ROOT, "one value of %s occurs in up to %s rows of %s", pair[0].sql(),
            Bytes.count(leftFreq.getAsLong()), describe(j.left()));
      }
    }
    if (why == null) {
      return Math.max(left, right);
    }
    over(bound, String.format(Locale.ROOT, "The query joins %s (about %s rows) with %s (about %s rows) on %s, and %s:"
        + " the join can make about %s rows", describe(j.left()), Bytes.count(left), describe(j.right()),
        Bytes.count(right), keys.stream().map(k -> k[0].sql() + " = " + k[1].sql())
            .collect(java.util.stream.Collectors.joining(" AND ")), why, Bytes.count(bound)),
        "Join on a more selective key (for example claim_id), or filter or aggregate each side first.");
    return Math.max(Math.max(left, right), bound);
  }

  /**
   * Whether {@code side} has at most one row per value of the join keys on that side ({@code which}: 0 left,
   * 1 right), from the distinct keys Spark propagates through the plan (an aggregate's grouping columns, say).
   */
  private static boolean unique(LogicalPlan side, List<Expression[]> keys, int which) {
    scala.collection.Iterator<org.apache.spark.sql.catalyst.expressions.ExpressionSet> sets =
        side.distinctKeys().iterator();
    while (sets.hasNext()) {
      scala.collection.Iterator<Expression> members = sets.next().iterator();
      boolean covered = members.hasNext();
      while (members.hasNext() && covered) {
        Expression m = members.next();
        covered = keys.stream().anyMatch(k -> k[which].semanticEquals(m));
      }
      if (covered) {
        return true;
      }
    }
    return false;
  }

  /** The key's most frequent value count, when the key is a column read from one table of {@code side}. */
  private java.util.OptionalLong frequency(LogicalPlan side, Expression key) {
    if (!(key instanceof org.apache.spark.sql.catalyst.expressions.Attribute a)) {
      return java.util.OptionalLong.empty();
    }
    DataSourceV2ScanRelation[] found = new DataSourceV2ScanRelation[1];
    side.foreach(node -> {
      if (node instanceof DataSourceV2ScanRelation r && r.outputSet().contains(a)) {
        found[0] = r;
      }
      return null;
    });
    return found[0] == null ? java.util.OptionalLong.empty()
        : frequencies.maxFrequency(found[0].relation().name(), a.name());
  }

  private long check(Join j, long left, long right) {
    long pairs = Saturating.multiply(left, right);
    over(pairs, String.format(Locale.ROOT, "The query joins %s (about %s rows) with %s (about %s rows) without an"
        + " equality condition between them, so it compares about %s pairs of rows",
        describe(j.left()), Bytes.count(left), describe(j.right()), Bytes.count(right), Bytes.count(pairs)),
        "Join on a key (for example a.claim_id = b.claim_id), or filter, aggregate or LIMIT each side first.");
    return pairs;
  }

  private void over(long n, String what, String how) {
    if (n > limits.maxIntermediateRows()) {
      throw new QueryTooExpensiveException(what + ", more than the limit of " + Bytes.count(limits.maxIntermediateRows())
          + " (query.max-intermediate-rows). " + how);
    }
  }

  static boolean hasEquality(Join j) {
    return !equalities(j).isEmpty();
  }

  /** The conjuncts {@code l = r} of the join condition with l from the left side and r from the right: {l, r}. */
  static List<Expression[]> equalities(Join j) {
    List<Expression[]> out = new ArrayList<>();
    if (j.condition().isEmpty()) {
      return out;
    }
    List<Expression> conjuncts = new ArrayList<>();
    split(j.condition().get(), conjuncts);
    for (Expression c : conjuncts) {
      if (c instanceof EqualTo || c instanceof EqualNullSafe) {
        Expression a = c.children().apply(0);
        Expression b = c.children().apply(1);
        if (a.references().isEmpty() || b.references().isEmpty()) {
          continue;
        }
        if (a.references().subsetOf(j.left().outputSet()) && b.references().subsetOf(j.right().outputSet())) {
          out.add(new Expression[] {a, b});
        } else if (a.references().subsetOf(j.right().outputSet()) && b.references().subsetOf(j.left().outputSet())) {
          out.add(new Expression[] {b, a});
        }
      }
    }
    return out;
  }

  private static void split(Expression e, List<Expression> out) {
    if (e instanceof And and) {
      split(and.left(), out);
      split(and.right(), out);
    } else {
      out.add(e);
    }
  }

  private long leaf(LogicalPlan p) {
    if (p instanceof LocalRelation l) {
      return l.data().size();
    }
    if (p instanceof OneRowRelation) {
      return 1;
    }
    Statistics s = p.stats();
    if (s.rowCount().isDefined()) {
      return Saturating.of(s.rowCount().get());
    }
    long width = Math.max(1, values == null ? 8 : values.rowBytes(p));
    return Math.max(1, Saturating.of(s.sizeInBytes()) / width);
  }

  /** The tables under a plan, for messages: "healthcare.claims_clean" or "a subquery over x and y". */
  static String describe(LogicalPlan p) {
    TreeSet<String> tables = new TreeSet<>();
    p.foreach(node -> {
      if (node instanceof DataSourceV2ScanRelation r) {
        String name = r.relation().name();
        int dot = name.indexOf('.');
        tables.add(dot > 0 && name.indexOf('.', dot + 1) > 0 ? name.substring(dot + 1) : name);
      }
      return null;
    });
    if (tables.isEmpty()) {
      return "a subquery";
    }
    boolean direct = p instanceof DataSourceV2ScanRelation
        || (p.children().size() == 1 && p.children().apply(0) instanceof DataSourceV2ScanRelation);
    return direct && tables.size() == 1 ? tables.first() : "a subquery over " + String.join(" and ", tables);
  }
}
