package com.medflow.query.engine.cost;

import com.medflow.config.MedflowConfig;
import com.medflow.query.engine.Bytes;
import com.medflow.query.engine.QueryTooExpensiveException;
import com.medflow.query.guard.RegexRisk;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.apache.spark.sql.catalyst.expressions.Alias;
import org.apache.spark.sql.catalyst.expressions.Attribute;
import org.apache.spark.sql.catalyst.expressions.ExprId;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.HigherOrderFunction;
import org.apache.spark.sql.catalyst.expressions.LambdaFunction;
import org.apache.spark.sql.catalyst.expressions.Literal;
import org.apache.spark.sql.catalyst.expressions.NamedExpression;
import org.apache.spark.sql.catalyst.expressions.NamedLambdaVariable;
import org.apache.spark.sql.catalyst.expressions.OuterReference;
import org.apache.spark.sql.catalyst.expressions.SubqueryExpression;
import org.apache.spark.sql.catalyst.expressions.WindowFrame;
import org.apache.spark.sql.catalyst.expressions.WindowSpecDefinition;
import org.apache.spark.sql.catalyst.expressions.aggregate.CollectList;
import org.apache.spark.sql.catalyst.plans.logical.Aggregate;
import org.apache.spark.sql.catalyst.plans.logical.Expand;
import org.apache.spark.sql.catalyst.plans.logical.Generate;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.Project;
import org.apache.spark.sql.catalyst.plans.logical.Union;
import org.apache.spark.sql.catalyst.plans.logical.Window;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.catalyst.util.MapData;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * The largest value (bytes) each expression of a plan can produce, from literals, the growth of string and
 * array builders ({@code repeat}, {@code lpad}, {@code replace}, {@code concat}, {@code sequence},
 * {@code collect_list}...) and Spark's default width of a column. Every expression is checked against
 * {@code query.max-value-bytes}, and regular expressions, {@code LIKE} and {@code levenshtein} against
 * a bound on their matching work. Run on the analyzed plan it stops builders before the optimizer folds
 * them into constants (which would build them); on the optimized plan it also sizes the result rows.
 */
final class ValueSizes {
  /** Matching steps one regular expression, LIKE or levenshtein may take on one value. */
  static final long MAX_MATCH_STEPS = 100_000_000L;
  /** The guard's bounds: repeat/lpad/rpad lengths and sequence elements. */
  private static final long GUARD_LENGTH = 1_000;
  private static final long GUARD_SEQUENCE = 10_000;
  private static final Set<String> REGEX = Set.of("RLike", "RegExpReplace", "RegExpExtract", "RegExpExtractAll",
      "StringSplit", "RegExpInStr", "RegExpCount", "RegExpSubStr");
  private static final Set<String> LIKE = Set.of("Like", "ILike");

  private final MedflowConfig.Query limits;
  private final ToLongFunction<LogicalPlan> rows;
  private final Map<ExprId, Long> sizes = new HashMap<>();

  ValueSizes(MedflowConfig.Query limits, ToLongFunction<LogicalPlan> rows) {
    this.limits = limits;
    this.rows = rows;
  }

  /** Sizes every node of {@code plan} (children first), refusing any expression over the limits. */
  void walk(LogicalPlan plan) {
    for (LogicalPlan child : PlanCost.list(plan.children())) {
      walk(child);
    }
    for (LogicalPlan sub : PlanCost.list(plan.subqueries())) {
      walk(sub);
    }
    if (plan instanceof Project p) {
      named(PlanCost.list(p.projectList()), plan);
    } else if (plan instanceof Aggregate a) {
      PlanCost.list(a.groupingExpressions()).forEach(e -> size(e, plan));
      named(PlanCost.list(a.aggregateExpressions()), plan);
    } else if (plan instanceof Window w) {
      PlanCost.list(plan.expressions()).forEach(e -> size(e, plan));
      named(PlanCost.list(w.windowExpressions()), plan);
    } else if (plan instanceof Generate g) {
      long whole = size((Expression) g.generator(), plan);
      List<Expression> args = PlanCost.list(((Expression) g.generator()).children());
      long element = args.isEmpty() ? whole : size(args.get(0), plan);
      PlanCost.list(g.generatorOutput()).forEach(a -> sizes.put(a.exprId(), element));
    } else if (plan instanceof Union u) {
      List<Attribute> out = PlanCost.list(u.output());
      for (int k = 0; k < out.size(); k++) {
        long max = 0;
        for (LogicalPlan child : PlanCost.list(u.children())) {
          max = Math.max(max, of(PlanCost.list(child.output()).get(k)));
        }
        sizes.put(out.get(k).exprId(), max);
      }
    } else if (plan instanceof Expand x) {
      List<Attribute> out = PlanCost.list(x.output());
      for (var projection : PlanCost.list(x.projections())) {
        List<Expression> exprs = PlanCost.list(projection);
        for (int k = 0; k < exprs.size() && k < out.size(); k++) {
          long s = size(exprs.get(k), plan);
          sizes.merge(out.get(k).exprId(), s, Math::max);
        }
      }
    } else {
      PlanCost.list(plan.expressions()).forEach(e -> size(e, plan));
    }
  }

  /** Bytes of one output row of {@code plan}. */
  long rowBytes(LogicalPlan plan) {
    long total = 0;
    for (Attribute a : PlanCost.list(plan.output())) {
      total = Saturating.add(total, of(a));
    }
    return total;
  }

  /** Elements an array expression can hold (1 when unknown). */
  long elements(Expression array, LogicalPlan node) {
    if (array instanceof Literal l && l.value() instanceof ArrayData d) {
      return d.numElements();
    }
    if (array instanceof Literal l && l.value() instanceof MapData d) {
      return d.numElements();
    }
    String kind = array.getClass().getSimpleName();
    if (kind.equals("CreateArray")) {
      return Math.max(1, array.children().size());
    }
    if (kind.equals("CreateMap")) {
      return Math.max(1, array.children().size() / 2);
    }
    if (kind.equals("Sequence")) {
      return sequenceCount(PlanCost.list(array.children()));
    }
    long element = array.dataType() instanceof ArrayType t ? t.elementType().defaultSize() : 8;
    return Math.max(1, size(array, node) / Math.max(1, element));
  }

  private void named(List<? extends NamedExpression> exprs, LogicalPlan node) {
    for (NamedExpression e : exprs) {
      sizes.put(e.exprId(), size((Expression) e, node));
    }
  }

  private long of(Attribute a) {
    return sizes.getOrDefault(a.exprId(), (long) a.dataType().defaultSize());
  }

  /** The largest value of {@code e} evaluated in {@code node}, refusing it when over the limits. */
  long size(Expression e, LogicalPlan node) {
    if (e instanceof Literal l) {
      return literal(l);
    }
    if (e instanceof Attribute a) {
      return of(a);
    }
    if (e instanceof NamedLambdaVariable v) {
      return sizes.getOrDefault(v.exprId(), (long) v.dataType().defaultSize());
    }
    if (e instanceof OuterReference o) {
      return size((Expression) o.e(), node);
    }
    if (e instanceof SubqueryExpression s) {
      List<Attribute> out = PlanCost.list(s.plan().output());
      return out.isEmpty() ? 8 : of(out.get(0));
    }
    if (e instanceof HigherOrderFunction h) {
      return higherOrder(h, node);
    }
    if (e instanceof WindowSpecDefinition || e instanceof WindowFrame) {
      PlanCost.list(e.children()).forEach(c -> size(c, node)); // no value of their own (no data type)
      return 0;
    }
    List<Expression> children = PlanCost.list(e.children());
    long[] c = new long[children.size()];
    long sum = 0;
    for (int k = 0; k < c.length; k++) {
      c[k] = size(children.get(k), node);
      sum = Saturating.add(sum, c[k]);
    }
    long s = variableWidth(e.dataType()) ? grow(e, children, c, sum, node) : e.dataType().defaultSize();
    work(e, c);
    if (variableWidth(e.dataType()) && s > limits.maxValueBytes()) {
      throw new QueryTooExpensiveException(String.format(Locale.ROOT, "%s builds values of up to about %s; a value"
          + " may have at most %s (query.max-value-bytes). Build smaller values (smaller repeat counts or lengths,"
          + " substring or slice), or aggregate with count/sum instead of collecting values.", PlanCost.text(e),
          Bytes.human(s), Bytes.human(limits.maxValueBytes())));
    }
    return s;
  }

  /** Size of a variable-width result from its children's sizes {@code c}. */
  private long grow(Expression e, List<Expression> children, long[] c, long sum, LogicalPlan node) {
    if (e instanceof Alias) {
      return c[0];
    }
    switch (e.getClass().getSimpleName()) {
      case "StringRepeat":
        return Saturating.multiply(c[0], literalLong(children.get(1)).orElse(GUARD_LENGTH));
      case "StringLPad", "StringRPad", "BinaryPad":
        return Saturating.multiply(4, literalLong(children.get(1)).orElse(GUARD_LENGTH));
      case "StringReplace":
        return Saturating.multiply(c[0], Math.max(1, c.length > 2 ? c[2] : 1));
      case "RegExpReplace":
        return Saturating.multiply(c[0] + 1, Math.max(1, c.length > 2 ? c[2] : 1));
      case "Sequence":
        return Saturating.multiply(sequenceCount(children), 8);
      case "ArrayJoin":
        return Saturating.add(c[0], Saturating.multiply(elements(children.get(0), node), sum - c[0]));
      case "CollectList":
        return collected(e, c[0], node);
      default:
        return Math.max(sum, e.dataType().defaultSize());
    }
  }

  /** collect_list without GROUP BY gathers every input row into one value. */
  private long collected(Expression e, long element, LogicalPlan node) {
    if (e instanceof CollectList && node instanceof Aggregate a && a.groupingExpressions().isEmpty()) {
      return Saturating.multiply(element + 4, rows.applyAsLong(a.child()));
    }
    return element;
  }

  private long higherOrder(HigherOrderFunction h, LogicalPlan node) {
    List<Expression> args = PlanCost.list(h.arguments());
    long first = args.isEmpty() ? 8 : size(args.get(0), node);
    for (int k = 1; k < args.size(); k++) {
      size(args.get(k), node);
    }
    long body = 8;
    for (Expression f : PlanCost.list(h.functions())) {
      if (f instanceof LambdaFunction lf) {
        for (NamedExpression v : PlanCost.list(lf.arguments())) {
          sizes.put(v.exprId(), first);
        }
        body = Math.max(body, size(lf.function(), node));
      }
    }
    Expression e = (Expression) h;
    if (!variableWidth(e.dataType())) {
      return e.dataType().defaultSize();
    }
    long s = Math.max(first, Saturating.multiply(args.isEmpty() ? 1 : elements(args.get(0), node), body));
    if (s > limits.maxValueBytes()) {
      throw new QueryTooExpensiveException(String.format(Locale.ROOT, "%s builds values of up to about %s; a value"
          + " may have at most %s (query.max-value-bytes).", PlanCost.text(e), Bytes.human(s),
          Bytes.human(limits.maxValueBytes())));
    }
    return s;
  }

  /** Regular expressions, LIKE and levenshtein: bounded matching work per value. */
  private void work(Expression e, long[] c) {
    String kind = e.getClass().getSimpleName();
    long steps;
    String what;
    if ((REGEX.contains(kind) || LIKE.contains(kind)) && c.length >= 2
        && e.children().apply(1) instanceof Literal l && l.value() instanceof UTF8String pattern) {
      boolean like = LIKE.contains(kind);
      int degree = like ? Math.max(0, percents(pattern.toString()) - 1) : RegexRisk.degree(pattern.toString());
      steps = Saturating.pow(c[0], degree + (like ? 1 : 2));
      what = "Matching the pattern '" + pattern + "' against values of up to " + Bytes.count(c[0]) + " characters";
    } else if (kind.equals("Levenshtein") && c.length >= 2) {
      steps = Saturating.multiply(c[0], c[1]);
      what = "levenshtein on values of up to " + Bytes.count(c[0]) + " and " + Bytes.count(c[1]) + " characters";
    } else {
      return;
    }
    if (steps > MAX_MATCH_STEPS) {
      throw new QueryTooExpensiveException(String.format(Locale.ROOT, "%s can take about %s steps per value, more"
          + " than %s. Match shorter values (substring) or use a simpler pattern (fewer overlapping repetitions such"
          + " as a*a*, or LIKE with fewer %%).", what, Bytes.count(steps), Bytes.count(MAX_MATCH_STEPS)));
    }
  }

  private static int percents(String like) {
    int n = 0;
    for (int k = 0; k < like.length(); k++) {
      char ch = like.charAt(k);
      if (ch == '\\') {
        k++;
      } else if (ch == '%') {
        n++;
      }
    }
    return n;
  }

  private static long sequenceCount(List<Expression> args) {
    var start = args.isEmpty() ? java.util.OptionalLong.empty() : literalLong(args.get(0));
    var stop = args.size() < 2 ? java.util.OptionalLong.empty() : literalLong(args.get(1));
    if (start.isEmpty() || stop.isEmpty()) {
      return GUARD_SEQUENCE + 1;
    }
    long step = args.size() > 2 ? literalLong(args.get(2)).orElse(1) : 1;
    return (long) Math.min(Saturating.CEILING, Math.abs((double) stop.getAsLong() - start.getAsLong())
        / Math.max(1, Math.abs(step)) + 1);
  }

  /** An integer literal, also behind casts; empty otherwise. */
  static java.util.OptionalLong literalLong(Expression e) {
    Expression x = e;
    while (!(x instanceof Literal) && x.getClass().getSimpleName().equals("Cast") && x.children().size() == 1) {
      x = x.children().apply(0);
    }
    if (x instanceof Literal l && l.value() instanceof Number n) {
      return java.util.OptionalLong.of(n.longValue());
    }
    return java.util.OptionalLong.empty();
  }

  private static long literal(Literal l) {
    Object v = l.value();
    if (v == null) {
      return 0;
    }
    if (v instanceof UTF8String s) {
      return s.numBytes();
    }
    if (v instanceof byte[] b) {
      return b.length;
    }
    if (v instanceof ArrayData a && l.dataType() instanceof ArrayType t) {
      return Saturating.multiply(a.numElements(), Math.max(8, t.elementType().defaultSize()));
    }
    if (v instanceof MapData m) {
      return Saturating.multiply(m.numElements(), 40);
    }
    return l.dataType().defaultSize();
  }

  static boolean variableWidth(DataType t) {
    return t instanceof StringType || t instanceof BinaryType || t instanceof ArrayType || t instanceof MapType
        || t instanceof StructType;
  }
}
