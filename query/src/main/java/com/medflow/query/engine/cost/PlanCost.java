package com.medflow.query.engine.cost;

import com.medflow.config.MedflowConfig;
import com.medflow.query.engine.Bytes;
import com.medflow.query.engine.QueryTooExpensiveException;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.execution.QueryExecution;

/**
 * The cost check a query passes before Spark runs it. On the analyzed plan (before the optimizer folds
 * constants, which would already build them) every value is bounded ({@link ValueSizes}); on the optimized
 * plan the rows of joins (without an equality condition: every pair; with one: by the most frequent key value)
 * and of generators are bounded ({@link RowEstimates}),
 * and the result's estimated bytes against {@code query.max-result-bytes}. Throws
 * {@link QueryTooExpensiveException} with what is too big and how to narrow it.
 */
public final class PlanCost {
  private PlanCost() {}

  public static void check(QueryExecution qe, MedflowConfig.Query limits, KeyFrequencies frequencies) {
    new ValueSizes(limits, p -> 1L).walk(qe.analyzed());
    LogicalPlan optimized = qe.optimizedPlan();
    RowEstimates rows = new RowEstimates(limits, frequencies);
    ValueSizes values = new ValueSizes(limits, rows::rows);
    rows.useValues(values);
    values.walk(optimized);
    long n = rows.rows(optimized);
    long rowBytes = values.rowBytes(optimized);
    long bytes = Saturating.multiply(n, rowBytes);
    if (bytes > limits.maxResultBytes()) {
      throw new QueryTooExpensiveException(String.format(Locale.ROOT, "The result would be about %s (%s rows of"
          + " about %s), more than %s (query.max-result-bytes). Return fewer rows (LIMIT, filter, aggregate) or"
          + " smaller values.", Bytes.human(bytes), Bytes.count(n), Bytes.human(rowBytes),
          Bytes.human(limits.maxResultBytes())));
    }
  }

  static <T> List<T> list(scala.collection.Seq<T> seq) {
    return scala.jdk.javaapi.CollectionConverters.asJava(seq);
  }

  /** An expression as SQL, short enough for a message. */
  static String text(Expression e) {
    String s;
    try {
      s = e.sql();
    } catch (RuntimeException x) {
      s = e.toString();
    }
    return s.length() > 120 ? s.substring(0, 117) + "..." : s;
  }
}
