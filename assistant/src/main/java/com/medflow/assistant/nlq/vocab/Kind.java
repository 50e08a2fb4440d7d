package com.medflow.assistant.nlq.vocab;

/** What a phrase of a question can mean to the engine. */
public enum Kind {
  /** A named metric of the semantic model: denial rate, paid-to-billed ratio. */
  METRIC,
  /** A numeric column: billed amount, patient age, processing days. */
  MEASURE,
  /** Something countable: claims, members; may also name a dimension (providers). */
  ENTITY,
  /** An aggregation word: average, total, median, minimum. */
  AGG,
  /** A dimension noun: payer, state, specialty. */
  DIMENSION,
  /** One or more values of a dimension: Aetna, Ohio, diabetes, denied. */
  VALUE,
  /** A named condition with its own SQL: heart attack, seniors, adjudicated. */
  CONDITION,
  /** A time grain: monthly, by quarter. */
  GRAIN,
  /** A trend without a grain: over time, trend. */
  TREND,
  /** A period of service dates (from the time scanner). */
  TIME,
  /** Which date a period applies to: submitted, processed. */
  DATE_FIELD,
  /** A plain number, an amount of money, a percentage or a date. */
  NUMBER, MONEY, PERCENT, DATE,
  /** more than, at least, under, between. */
  COMPARATOR,
  /** top, most, highest, lowest, best, worst. */
  RANK,
  /** common, frequent, often: ranking by how many claims. */
  FREQUENCY,
  /** A place in an order: "second", "3rd" (key: the number). */
  ORDINAL,
  /** by, per, for each, broken down by. */
  GROUP,
  /** excluding, except, other than, not. */
  NEGATION,
  /** combined, together, in total. */
  COMBINE,
  /** share, percent, percentage, proportion. */
  SHARE,
  /** growth, change, increase, difference. */
  CHANGE,
  /** versus, compared to, compare. */
  COMPARE,
  /** previous month, prior period, month over month. */
  PREVIOUS,
  /** which, what (asking for members of a dimension). */
  WHICH,
  /** how many, number of, count of. */
  HOW_MANY,
  /** how much. */
  HOW_MUCH,
  /** with, having, that have. */
  WITH,
  /** among, of those. */
  AMONG,
  /** distinct, unique, different. */
  DISTINCT,
  /** and, or, "&", commas. */
  AND, OR,
  /** days, years, dollars, claims after a number. */
  UNIT,
  /** what about, how about, instead, also, only, too. */
  FOLLOW_UP,
  /** the approval funnel. */
  FUNNEL,
  /** a table other than claims: quarantine, quality log. */
  SOURCE,
  /** words that ask to list rather than aggregate: list, show each. */
  LIST
}
