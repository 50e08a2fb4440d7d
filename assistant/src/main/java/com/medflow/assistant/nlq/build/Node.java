package com.medflow.assistant.nlq.build;

import com.medflow.assistant.nlq.match.Span;
import com.medflow.assistant.nlq.query.Filter;
import com.medflow.assistant.nlq.query.Grouping;
import com.medflow.assistant.nlq.query.Measure;
import com.medflow.assistant.nlq.time.Period;
import com.medflow.assistant.nlq.vocab.Kind;
import java.math.BigDecimal;

/**
 * A constituent of a question while it is being read: a span not yet interpreted ({@link Raw}), or
 * something the rules made of one or more spans. Rules rewrite runs of nodes into larger ones until
 * none applies; the assembler turns the rest into a semantic query.
 */
sealed interface Node {
  /** First token covered. */
  int start();

  /** A span the rules have not interpreted yet. */
  record Raw(Span span) implements Node {
    public int start() {
      return span.start();
    }

    boolean is(Kind k) {
      return span.is(k);
    }

    boolean is(Kind k, String key) {
      return span.is(k, key);
    }

    String key() {
      return span.term().key();
    }
  }

  /** A comparison with a number not yet tied to what it compares: "more than 50", "over $5,000", "65+". */
  record Threshold(int start, Filter.Op op, BigDecimal value, BigDecimal value2, Unit unit, String text) implements Node {
    enum Unit { PLAIN, MONEY, PERCENT, DAYS, YEARS, CLAIMS }
  }

  /** Something measured. {@code implied}: only "claims" was said (counted unless another measure is named). */
  record Measured(int start, Measure measure, boolean implied, String text) implements Node {}

  /** A condition on rows. */
  record Filtered(int start, Filter filter) implements Node {}

  /** A period; {@code dateColumn} is the date it applies to; {@code endpoints} the two ends of a range. */
  record Timed(int start, Period period, String dateColumn, java.util.List<Period> endpoints) implements Node {}

  /** A group-by. {@code asked}: named after "which"/"what" (the question wants its members). */
  record Grouped(int start, Grouping grouping, boolean asked, boolean singular, String text) implements Node {}

  /** An order: by {@code by} (null = the query's measure), first {@code limit} rows. */
  record Ranked(int start, boolean descending, Integer limit, Measure by, String word) implements Node {}

  /** A condition on a grouped measure: "with more than 50 claims". */
  record HavingCond(int start, Measure measure, Filter.Op op, BigDecimal value, BigDecimal value2, String text)
      implements Node {}

  /** A cue whose effect is decided at assembly: share, change, growth, combine, compare, previous, distinct. */
  record Cue(int start, Kind kind, String key) implements Node {}
}
