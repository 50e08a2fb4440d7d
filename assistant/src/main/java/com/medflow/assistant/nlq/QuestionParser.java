package com.medflow.assistant.nlq;

import static java.util.Objects.requireNonNull;

import com.medflow.assistant.semantic.SemanticModel;
import com.medflow.model.codes.Icd10Cm;
import com.medflow.model.rules.ProcedureCodes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The offline engine's reading of a question: deterministic, no network. Tokens become evidence
 * (metrics, dimensions, values, time, numbers, ordering words) from the lexicon and the scanners;
 * evidence becomes a {@link SemanticQuery}. A follow-up refines the previous query. Any content
 * word it cannot place makes the question unanswerable: a wrong answer is worse than none.
 */
public final class QuestionParser {
  private static final Pattern SQL_TEXT = Pattern.compile("(?is)^\\s*(select|with|insert|update|delete|drop|create|alter|merge|call|set|grant)\\b.*");
  private static final Pattern INJECTION = Pattern.compile("(?i)(ignore|disregard|forget|override)\\s+(all\\s+|any\\s+|the\\s+|your\\s+|previous\\s+|prior\\s+|above\\s+)*(instructions|rules|prompt|guard|restrictions|constraints)"
      + "|system\\s+prompt|jailbreak|you\\s+are\\s+now|act\\s+as\\s+(an?\\s+)?(admin|dba|root)|sql\\s+injection|"
      + "\\bexec(ute)?\\b|;\\s*--|\\bunion\\s+select\\b|\\b(my|the)\\s+role\\b");
  private static final Pattern MEDICAL_ADVICE = Pattern.compile("(?i)\\b(dose|dosage|should\\s+i\\s+take|prescribe|treat\\s+my|"
      + "diagnose\\s+me|my\\s+symptoms|cure\\s+for|medical\\s+advice)\\b");
  private static final Set<String> WEAK_METRIC_WORDS = Set.of("claims", "claim", "how many", "count", "number",
      "patients", "patient", "members", "member", "volume", "services", "procedures", "paid", "pay", "bill", "bills",
      "billed", "charge", "charged", "charges", "process", "processing", "payment", "payments", "billing");
  private static final Set<String> RATE_CUES = Set.of("share", "fraction", "percentage", "percent", "proportion", "rate",
      "ratio", "often", "frequently", "likely", "likelihood", "chance", "odds");
  private static final Set<String> AVERAGE_CUES = Set.of("average", "avg", "mean", "typical", "typically");
  private static final Map<String, String> AVERAGE_OF = Map.of("total_billed", "avg_billed", "total_paid", "avg_paid",
      "total_allowed", "avg_allowed");
  /** When only incidental words name a measure, amounts beat "claims", which beats "patients". */
  private static final Set<String> WEAK_AMOUNT = Set.of("paid", "pay", "bill", "bills", "billed", "charge", "charged",
      "charges", "process", "processing", "payment", "payments", "billing", "cost", "costs");
  private static final Set<String> WEAK_PEOPLE = Set.of("patients", "patient", "members", "member");
  private static final Set<String> SINGULAR_S = Set.of("diagnosis", "status", "class", "process", "business");

  private final SemanticModel model;

  public QuestionParser(SemanticModel model) {
    this.model = requireNonNull(model, "model is null");
  }

  private record Hit(int start, int end, List<Sense> senses, String text) {}

  private static final class Evidence {
    final List<String> metrics = new ArrayList<>();
    final Set<String> weakOnly = new LinkedHashSet<>();
    final List<String> groupBy = new ArrayList<>();
    final Map<String, LinkedHashSet<String>> values = new LinkedHashMap<>();
    final Map<String, LinkedHashSet<String>> excluded = new LinkedHashMap<>();
    final List<Filter> filters = new ArrayList<>();
    final List<String> understood = new ArrayList<>();
    final List<String> assumptions = new ArrayList<>();
    Optional<TimeRange> time = Optional.empty();
    boolean twoYears;
    boolean funnel;
    Boolean descending;
    Integer limit;
    boolean compare;
    boolean superlativeWhich;
    String orderMetric;
    final Map<Integer, Integer> numbers = new LinkedHashMap<>();
    final Map<String, String> weakWord = new LinkedHashMap<>();
    final Map<String, String> dimensionText = new LinkedHashMap<>();
    boolean genericTrend;
    boolean appendMetrics;
    String superlativeWord;
  }

  public ParseResult parse(String question, DataFacts facts, Lexicon lexicon, Optional<SemanticQuery> previous) {
    String q = question == null ? "" : question.trim();
    if (q.isEmpty()) {
      return ParseResult.unanswerable("The question is empty.", List.of(), List.of());
    }
    if (SQL_TEXT.matcher(q).matches() || INJECTION.matcher(q).find()) {
      return ParseResult.refused("This looks like an instruction or SQL rather than a question about claims;"
          + " only read-only questions are answered, and nothing was run.");
    }
    Tokens tokens = Tokens.of(q);
    List<String> t = tokens.tokens();
    for (int i = 0; i < t.size(); i++) {
      if (Words.DESTRUCTIVE.contains(t.get(i))) {
        return ParseResult.refused("Requests to " + t.get(i) + " data are refused: MedFlow only reads claims data."
            + " Nothing was changed.");
      }
      if (Words.MODIFY.contains(t.get(i)) && i <= 2 && nearby(t, i, Words.ADD_LIKE.contains(t.get(i))
          ? Words.RECORD_OBJECTS : Words.DATA_OBJECTS, 5)) {
        return ParseResult.refused("Requests to " + t.get(i) + " data are refused: MedFlow only reads claims data."
            + " Nothing was changed.");
      }
    }
    if (MEDICAL_ADVICE.matcher(q).find()) {
      return ParseResult.unanswerable("I answer questions about claims data, not medical advice; please ask a clinician.",
          List.of(), List.of());
    }

    Evidence ev = new Evidence();
    Set<Integer> used = new TreeSet<>();
    TimeScanner.Result time = TimeScanner.scan(t, facts.latest());
    used.addAll(time.consumed());
    ev.time = time.range();
    ev.twoYears = time.twoYears();
    time.range().ifPresent(r -> ev.understood.add("time: " + r.label() + " (" + r.from() + " to " + r.to() + ")"));

    numbers(t, used, ev);
    codes(tokens, used, ev, facts, lexicon);
    List<Hit> hits = phrases(t, used, lexicon);
    interpret(t, hits, used, ev);

    List<String> unknown = new ArrayList<>();
    for (int i = 0; i < t.size(); i++) {
      if (!used.contains(i) && !Words.FILLER.contains(t.get(i)) && !Words.MORE_FILLER.contains(t.get(i))
          && !t.get(i).matches("\\d+")) {
        unknown.add(tokens.original().get(i));
      }
    }

    boolean hasContent = !ev.metrics.isEmpty() || !ev.groupBy.isEmpty() || !ev.values.isEmpty()
        || !ev.filters.isEmpty() || ev.time.isPresent() || ev.funnel || ev.limit != null || !ev.excluded.isEmpty();
    boolean followUpCue = !t.isEmpty() && (Words.FOLLOW_UP_START.contains(t.get(0)) || t.contains("instead")
        || t.contains("only") || t.contains("same"));
    boolean followUp = previous.isPresent() && hasContent
        && (ev.metrics.isEmpty() && (!ev.funnel || previous.get().funnel())
            || followUpCue && ev.weakOnly.containsAll(ev.metrics));
    if (previous.isPresent() && !followUp && hasContent && followUpCue && !ev.metrics.isEmpty()
        && (t.get(0).equals("what") && t.size() > 1 && t.get(1).equals("about") || t.get(0).equals("and")
            || t.get(0).equals("how") && t.size() > 1 && t.get(1).equals("about") || ev.appendMetrics)) {
      followUp = true; // "what about the approval rate?" swaps the metric; "add the average allowed" adds one
    }

    if (!unknown.isEmpty()) {
      return ParseResult.unanswerable("I could not place " + quoteList(unknown) + " in the claims data, so I won't guess.",
          ev.understood, unknown);
    }
    if (!hasContent) {
      return ParseResult.unanswerable(
          "That doesn't look like a question about claims. Ask about claims, payers, diagnoses, providers, amounts,"
              + " approval or denial rates, processing time, over time.", List.of(), List.of());
    }
    SemanticQuery query = followUp ? refine(previous.get(), ev, t) : build(ev);
    if (query.metrics().isEmpty() && !query.funnel()) {
      return ParseResult.unanswerable("I understood " + String.join("; ", ev.understood)
          + " but not what to measure (claims, amounts, rates...).", ev.understood, List.of());
    }
    return new ParseResult(ParseResult.Kind.ANSWER, Optional.of(query), ev.understood, List.of(), ev.assumptions, "",
        followUp);
  }

  private static boolean nearby(List<String> t, int i, Set<String> words, int distance) {
    for (int k = i + 1; k < t.size() && k <= i + distance; k++) {
      if (words.contains(t.get(k))) {
        return true;
      }
    }
    return false;
  }

  /** Money thresholds, ages, top N. */
  private void numbers(List<String> t, Set<Integer> used, Evidence ev) {
    for (int i = 0; i < t.size(); i++) {
      String w = t.get(i);
      if (w.startsWith("money:")) {
        BigDecimal v = new BigDecimal(w.substring(6));
        String op = comparator(t, i);
        String column = "billed_amount";
        for (int k = Math.max(0, i - 6); k < i; k++) {
          if (t.get(k).startsWith("paid") || t.get(k).startsWith("payment")) {
            column = "paid_amount";
          }
        }
        Filter.Op o = switch (op) {
          case ">=" -> Filter.Op.GE;
          case "<" -> Filter.Op.LT;
          case "<=" -> Filter.Op.LE;
          default -> Filter.Op.GT;
        };
        ev.filters.add(new Filter(column, o, List.of(v.toPlainString()), column.replace('_', ' ') + " " + op + " $" + v.toPlainString()));
        ev.understood.add(column.replace('_', ' ') + " " + op + " $" + v.toPlainString());
        used.add(i);
        markComparator(t, i, used);
        // "where the claim amount is more than $5k": those words describe the filter, not a measure
        for (int k = i - 1; k >= Math.max(0, i - 7); k--) {
          String x = t.get(k);
          if (Set.of("amount", "amounts", "billed", "charge", "charges", "charged", "paid", "payment", "claim", "bill",
              "cost", "is", "was", "are", "of", "the", "where", "with", "whose").contains(x)) {
            if (Set.of("amount", "amounts", "billed", "charge", "charges", "charged", "paid", "payment", "bill", "cost")
                .contains(x)) {
              used.add(k);
              if (k > 0 && t.get(k - 1).equals("claim")) {
                used.add(k - 1);
              }
            }
          } else if (!used.contains(k)) {
            break;
          }
        }
        continue;
      }
      if (!w.matches("\\d{1,3}")) {
        continue;
      }
      int n = Integer.parseInt(w);
      // top 5 / bottom 3 / first 10
      if (i > 0 && (t.get(i - 1).equals("top") || t.get(i - 1).equals("bottom") || t.get(i - 1).equals("first"))) {
        ev.limit = n;
        ev.descending = !t.get(i - 1).equals("bottom");
        used.add(i);
        used.add(i - 1);
        continue;
      }
      // 5 most / 3 lowest
      if (i + 1 < t.size() && (Words.DESC.contains(t.get(i + 1)) || Words.ASC.contains(t.get(i + 1)))) {
        ev.limit = n;
        used.add(i);
        continue;
      }
      if (!ageContext(t, i) && n > 0 && n <= 100) {
        ev.numbers.put(i, n); // "the 5 states", "which 3 specialties": a count, once a dimension follows
        continue;
      }
      int filtersBefore = ev.filters.size();
      // ages: "65 or older", "aged 65+", "over 65 years old", "under 18", "between 18 and 64 years"
      if (ageContext(t, i)) {
        String after = i + 1 < t.size() ? t.get(i + 1) : "";
        String after2 = i + 2 < t.size() ? t.get(i + 2) : "";
        String before = i > 0 ? t.get(i - 1) : "";
        String before2 = i > 1 ? t.get(i - 2) : "";
        if ((after.equals("or") || after.equals("and")) && (after2.equals("older") || after2.equals("over")
            || after2.equals("above") || after2.equals("up"))) {
          ageFilter(ev, Filter.Op.GE, n, "age " + n + " or older");
          used.add(i);
          used.add(i + 1);
          used.add(i + 2);
        } else if ((after.equals("or") || after.equals("and")) && (after2.equals("younger") || after2.equals("under")
            || after2.equals("below"))) {
          ageFilter(ev, Filter.Op.LE, n, "age " + n + " or younger");
          used.add(i);
          used.add(i + 1);
          used.add(i + 2);
        } else if (after.equals("plus")) {
          ageFilter(ev, Filter.Op.GE, n, "age " + n + " or older");
          used.add(i);
          used.add(i + 1);
        } else if (before.equals("over") || before.equals("above") || before.equals("older") && before2.equals("")
            || before.equals("than") && before2.equals("older")) {
          ageFilter(ev, Filter.Op.GT, n, "older than " + n);
          used.add(i);
          used.add(i - 1);
          if (before.equals("than")) {
            used.add(i - 2);
          }
        } else if (before.equals("under") || before.equals("below") || before.equals("than") && before2.equals("younger")) {
          ageFilter(ev, Filter.Op.LT, n, "younger than " + n);
          used.add(i);
          used.add(i - 1);
          if (before.equals("than")) {
            used.add(i - 2);
          }
        } else if ((before.equals("between") || before.equals("aged") || before.equals("ages") || before.equals("age"))
            && (after.equals("and") || after.equals("to")) && after2.matches("\\d{1,3}")) {
          int m = Integer.parseInt(after2);
          ageFilter(ev, Filter.Op.GE, Math.min(n, m), "age " + Math.min(n, m) + " to " + Math.max(n, m));
          ev.filters.add(new Filter("patient_age", Filter.Op.LE, List.of(Integer.toString(Math.max(n, m))), "age <= " + Math.max(n, m)));
          used.add(i);
          used.add(i - 1);
          used.add(i + 1);
          used.add(i + 2);
        } else if (before.equals("aged") || before.equals("age")) {
          ageFilter(ev, Filter.Op.GE, n, "age " + n);
          ev.filters.add(new Filter("patient_age", Filter.Op.LE, List.of(Integer.toString(n)), "age " + n));
          used.add(i);
          used.add(i - 1);
        }
        for (int k = Math.max(0, i - 2); k < Math.min(t.size(), i + 5); k++) {
          String x = t.get(k);
          if (x.equals("years") || x.equals("year") || x.equals("old") || x.equals("aged") || x.equals("age")
              || x.equals("ages")) {
            if (used.contains(i)) {
              used.add(k);
            }
          }
        }
      }
      if (ev.filters.size() == filtersBefore && n > 0 && n <= 100 && !used.contains(i)) {
        ev.numbers.put(i, n); // near an age word but not an age: "for pediatric patients, which 5 categories"
      }
    }
  }

  private static boolean ageContext(List<String> t, int i) {
    for (int k = Math.max(0, i - 3); k < Math.min(t.size(), i + 4); k++) {
      String x = t.get(k);
      if (x.equals("age") || x.equals("aged") || x.equals("ages") || x.equals("old") || x.equals("older")
          || x.equals("younger") || x.equals("patients") || x.equals("members") || x.equals("people")
          || x.equals("seniors") || x.equals("adults") || x.equals("years") || x.equals("plus")) {
        return true;
      }
    }
    return false;
  }

  private static void ageFilter(Evidence ev, Filter.Op op, int n, String label) {
    ev.filters.add(new Filter("patient_age", op, List.of(Integer.toString(n)), label));
    ev.understood.add(label);
  }

  private static String comparator(List<String> t, int i) {
    String a = i > 0 ? t.get(i - 1) : "";
    String b = i > 1 ? t.get(i - 2) : "";
    if (a.equals("least") && b.equals("at") || a.equals("than") && b.equals("or") || a.equals("minimum")) {
      return ">=";
    }
    if (a.equals("most") && b.equals("at") || a.equals("maximum")) {
      return "<=";
    }
    if (a.equals("under") || a.equals("below") || a.equals("than") && (b.equals("less") || b.equals("lower")
        || b.equals("smaller") || b.equals("cheaper"))) {
      return "<";
    }
    return ">";
  }

  private static void markComparator(List<String> t, int i, Set<Integer> used) {
    for (int k = Math.max(0, i - 3); k < i; k++) {
      String x = t.get(k);
      if (Set.of("over", "above", "more", "than", "greater", "exceeding", "exceed", "exceeds", "under", "below", "less",
          "at", "least", "most", "lower", "higher", "bigger", "larger", "smaller", "cheaper", "minimum", "maximum",
          "or", "equal").contains(x)) {
        used.add(k);
      }
    }
  }

  /** Procedure codes, ICD-10 codes, NPIs and upper-case state codes typed as such. */
  private void codes(Tokens tokens, Set<Integer> used, Evidence ev, DataFacts facts, Lexicon lexicon) {
    List<String> t = tokens.tokens();
    List<String> original = tokens.original();
    Set<String> procedures = new java.util.HashSet<>(facts.values("procedure_code"));
    for (int i = 0; i < t.size(); i++) {
      if (used.contains(i)) {
        continue;
      }
      String o = original.get(i);
      String up = o.toUpperCase(Locale.ROOT);
      if (ProcedureCodes.isValid(up) && procedures.contains(up)) {
        addValue(ev, "procedure_code", up, "procedure " + up);
        used.add(i);
      } else if (up.matches("\\d{10}")) {
        ev.filters.add(Filter.in("provider_npi", List.of(up), "provider NPI " + up));
        ev.understood.add("provider NPI " + up);
        used.add(i);
      } else if (up.matches("[A-TV-Z][0-9][0-9A-Z](\\.[0-9A-Z]{1,4})?") && !up.matches("Q[1-4]") && up.length() >= 3
          && Character.isLetter(up.charAt(0)) && (up.contains(".") || up.length() > 3 || o.equals(up))) {
        String normalized = Icd10Cm.format(Icd10Cm.normalize(up));
        ev.filters.add(new Filter("primary_diagnosis", Filter.Op.IN, List.of(normalized), "primary diagnosis " + normalized));
        ev.understood.add("primary diagnosis " + normalized);
        used.add(i);
      } else if (lexicon.isStateCode(o)) {
        addValue(ev, "member_state", o, "state " + o);
        used.add(i);
      }
    }
  }

  private static List<Hit> phrases(List<String> t, Set<Integer> used, Lexicon lexicon) {
    List<Hit> hits = new ArrayList<>();
    int i = 0;
    while (i < t.size()) {
      if (used.contains(i)) {
        i++;
        continue;
      }
      Hit best = null;
      for (int len = Math.min(lexicon.longest(), t.size() - i); len >= 1; len--) {
        boolean free = true;
        for (int k = i; k < i + len; k++) {
          if (used.contains(k)) {
            free = false;
            break;
          }
        }
        if (!free) {
          continue;
        }
        List<Sense> senses = lexicon.senses(t, i, len);
        if (!senses.isEmpty()) {
          best = new Hit(i, i + len, senses, String.join(" ", t.subList(i, i + len)));
          break;
        }
      }
      if (best == null) {
        i++;
      } else {
        hits.add(best);
        for (int k = best.start(); k < best.end(); k++) {
          used.add(k);
        }
        i = best.end();
      }
    }
    return hits;
  }

  private void interpret(List<String> t, List<Hit> hits, Set<Integer> used, Evidence ev) {
    boolean strongMetric = hits.stream().anyMatch(h -> h.senses().stream().anyMatch(s -> s.kind() == Sense.Kind.METRIC)
        && !WEAK_METRIC_WORDS.contains(h.text()) && h.senses().stream().noneMatch(s -> s.kind() == Sense.Kind.VALUE));
    for (String w : t) {
      if (Words.COMPARE.contains(w)) {
        ev.compare = true;
      }
    }
    long statusWords = hits.stream().filter(h -> h.senses().stream().anyMatch(x -> x.kind() == Sense.Kind.VALUE
        && x.target().equals("claim_status"))).count();
    boolean rateCue = t.stream().anyMatch(RATE_CUES::contains);
    for (Hit h : hits) {
      Optional<Sense> metric = h.senses().stream().filter(s -> s.kind() == Sense.Kind.METRIC).findFirst();
      boolean statusWord = h.senses().stream().anyMatch(x -> x.kind() == Sense.Kind.VALUE && x.target().equals("claim_status"));
      if (statusWord && (statusWords > 1 || rateCue)) {
        metric = Optional.empty(); // "approved, denied or pending" is a breakdown; "share denied" is a rate
      }
      Optional<Sense> value = h.senses().stream().filter(s -> s.kind() == Sense.Kind.VALUE).findFirst();
      Optional<Sense> dimension = h.senses().stream().filter(s -> s.kind() == Sense.Kind.DIMENSION).findFirst();
      Sense first = h.senses().get(0);
      boolean negated = negated(t, h.start(), used);
      if (value.isPresent() && (metric.isEmpty() || strongMetric || negated)) {
        String dim = value.get().target();
        if (negated) {
          ev.excluded.computeIfAbsent(dim, k -> new LinkedHashSet<>()).add(value.get().value());
          ev.understood.add("excluding " + model.dimension(dim).label() + " " + value.get().value());
        } else {
          addValue(ev, dim, value.get().value(), model.dimension(dim).label() + " " + value.get().value());
        }
        continue;
      }
      if (metric.isPresent()) {
        String m = metric.get().target();
        if (!ev.metrics.contains(m)) {
          ev.metrics.add(m);
          if (WEAK_METRIC_WORDS.contains(h.text())) {
            ev.weakOnly.add(m);
            ev.weakWord.put(m, h.text());
          }
        } else if (!WEAK_METRIC_WORDS.contains(h.text())) {
          ev.weakOnly.remove(m);
        }
        superlative(t, h.start(), ev, m);
        continue;
      }
      switch (first.kind()) {
        case DIMENSION -> {
          String dim = dimension.orElseThrow().target();
          if (previousWasValue(hits, h)) {
            used.add(h.start());
            continue; // "Endocrinology providers", "Cardiology ones": describes the value, not a breakdown
          }
          if (allCombined(t, h)) {
            continue; // "all payers combined": no breakdown
          }
          if (!ev.groupBy.contains(dim)) {
            ev.groupBy.add(dim);
            ev.dimensionText.put(dim, h.text());
          }
          for (Map.Entry<Integer, Integer> n : ev.numbers.entrySet()) {
            if (n.getKey() < h.start() && h.start() - n.getKey() <= 2 && ev.limit == null) {
              ev.limit = n.getValue(); // "the 5 member states", "which 3 specialties"
              used.add(n.getKey());
            }
          }
          if (whichBefore(t, h.start())) {
            ev.superlativeWhich = true;
          }
        }
        case GRAIN -> {
          if (Lexicon.GENERIC.equals(first.value())) {
            ev.genericTrend = true;
          } else {
            String g = SemanticQuery.GRAIN + first.target();
            if (!ev.groupBy.contains(g)) {
              ev.groupBy.add(g);
            }
            ev.understood.add("by " + first.target());
          }
        }
        case GLOSSARY -> {
          SemanticModel.GlossaryTerm g = model.glossary().stream().filter(x -> x.term().equals(first.target())).findFirst()
              .orElseThrow();
          ev.filters.add(new Filter(g.term(), Filter.Op.SQL, List.of(), g.term()));
          ev.understood.add(g.term() + " (" + g.description() + ")");
        }
        case AGE -> {
          ev.filters.add(new Filter(first.target(), Filter.Op.SQL, List.of(), first.target()));
          ev.understood.add(first.target());
        }
        case FUNNEL -> {
          ev.funnel = true;
          ev.understood.add("the approval funnel");
        }
        default -> throw new IllegalStateException("unexpected sense " + first);
      }
    }
    if (ev.genericTrend && ev.groupBy.stream().noneMatch(d -> d.startsWith(SemanticQuery.GRAIN))) {
      ev.groupBy.add(SemanticQuery.GRAIN + "month");
      ev.understood.add("by month");
    }
    // "share of claims denied", "how often are claims approved": a rate, not a filter
    if (rateCue && ev.values.containsKey("claim_status") && ev.metrics.stream().allMatch(ev.weakOnly::contains)) {
      LinkedHashSet<String> statuses = ev.values.get("claim_status");
      String rate = statuses.contains("DENIED") && !statuses.contains("APPROVED") ? "denial_rate"
          : statuses.contains("APPROVED") && !statuses.contains("DENIED") ? "approval_rate" : null;
      if (rate != null) {
        ev.values.remove("claim_status");
        ev.groupBy.remove("claim_status");
        ev.metrics.clear();
        ev.weakOnly.clear();
        ev.metrics.add(rate);
        ev.understood.add(model.metric(rate).label());
      }
    }
    // "average" with a total: the average of that amount
    if (t.stream().anyMatch(AVERAGE_CUES::contains) || t.contains("per") && t.contains("claim")
        && !ev.groupBy.contains("claim")) {
      for (int i = 0; i < ev.metrics.size(); i++) {
        String avg = AVERAGE_OF.get(ev.metrics.get(i));
        if (avg != null) {
          String total = ev.metrics.get(i);
          boolean weak = ev.weakOnly.remove(total);
          ev.metrics.set(i, avg);
          if (weak) {
            ev.weakOnly.add(avg);
            ev.weakWord.put(avg, ev.weakWord.getOrDefault(total, ""));
          }
          if (ev.orderMetric != null && AVERAGE_OF.containsKey(ev.orderMetric)) {
            ev.orderMetric = AVERAGE_OF.get(ev.orderMetric);
          }
        }
      }
    }
    // Superlatives in words ("which payer has the most claims", "worst approval rate")
    for (int i = 0; i < t.size(); i++) {
      String w = t.get(i);
      if ((Words.DESC.contains(w) || Words.ASC.contains(w)) && ev.superlativeWord == null) {
        ev.superlativeWord = w;
        if (ev.descending == null) {
          ev.descending = Words.DESC.contains(w);
        }
      }
    }
    if (ev.superlativeWord != null && (ev.superlativeWord.equals("worst") || ev.superlativeWord.equals("best"))) {
      String m = ev.orderMetric != null ? ev.orderMetric : ev.metrics.isEmpty() ? null : ev.metrics.get(0);
      if (m != null && !model.metric(m).better().isEmpty()) {
        boolean higherBetter = model.metric(m).higherIsBetter();
        ev.descending = ev.superlativeWord.equals("best") == higherBetter;
      } else {
        ev.descending = ev.superlativeWord.equals("worst");
      }
    }
    // "most common", "most frequently billed": ranked by how many claims
    for (int i = 1; i < t.size(); i++) {
      if (Words.FREQUENCY.contains(t.get(i)) && (Words.DESC.contains(t.get(i - 1)) || Words.ASC.contains(t.get(i - 1)))
          && ev.metrics.stream().allMatch(ev.weakOnly::contains)) {
        ev.orderMetric = "claim_count";
        ev.metrics.clear();
        ev.metrics.add("claim_count");
      }
    }
    ev.appendMetrics = t.contains("add") || t.contains("include") || t.contains("plus") || t.contains("also")
        && !ev.metrics.isEmpty();
    if (ev.metrics.size() > 1 && !ev.weakOnly.isEmpty()) {
      List<String> strong = ev.metrics.stream().filter(m -> !ev.weakOnly.contains(m)).toList();
      if (!strong.isEmpty()) {
        ev.metrics.retainAll(strong);
      } else if (ev.orderMetric != null && ev.metrics.contains(ev.orderMetric)) {
        ev.metrics.retainAll(List.of(ev.orderMetric));
      } else {
        // only incidental words: an amount ("ER claims charge") beats "claims", which beats "patients"
        String pick = ev.metrics.stream().filter(m -> WEAK_AMOUNT.contains(ev.weakWord.getOrDefault(m, ""))).findFirst()
            .orElse(ev.metrics.stream().filter(m -> !WEAK_PEOPLE.contains(ev.weakWord.getOrDefault(m, ""))).findFirst()
                .orElse(ev.metrics.get(0)));
        ev.metrics.retainAll(List.of(pick));
      }
    }
    // the measure something is ranked by is the measure asked for
    if (ev.orderMetric != null && !ev.metrics.contains(ev.orderMetric)) {
      ev.metrics.removeIf(ev.weakOnly::contains);
      ev.metrics.add(0, ev.orderMetric);
    }
    for (Map.Entry<String, LinkedHashSet<String>> e : ev.values.entrySet()) {
      if (e.getValue().size() > 1 && !ev.groupBy.contains(e.getKey())) {
        ev.groupBy.add(e.getKey());
      }
    }
    if (ev.twoYears && !ev.groupBy.contains(SemanticQuery.GRAIN + "year")) {
      ev.groupBy.add(SemanticQuery.GRAIN + "year");
    }
    // a dimension named together with one of its own values is a filter, not a grouping
    ev.groupBy.removeIf(d -> ev.values.containsKey(d) && ev.values.get(d).size() == 1 && !ev.compare);
  }

  /** "Endocrinology providers": a provider noun right after a specialty names the specialty's providers. */
  private static boolean previousWasValue(List<Hit> hits, Hit h) {
    boolean providerNoun = h.senses().stream().anyMatch(x -> x.kind() == Sense.Kind.DIMENSION && x.target().equals("provider"));
    if (!providerNoun) {
      return false;
    }
    for (Hit other : hits) {
      if (other.end() == h.start() && other.senses().stream().anyMatch(x -> x.kind() == Sense.Kind.VALUE
          && x.target().equals("provider_specialty"))) {
        return true;
      }
    }
    return false;
  }

  private static boolean allCombined(List<String> t, Hit h) {
    boolean all = h.start() > 0 && (t.get(h.start() - 1).equals("all") || t.get(h.start() - 1).equals("every"));
    String after = h.end() < t.size() ? t.get(h.end()) : "";
    return all && (after.equals("combined") || after.equals("together") || after.equals("overall"));
  }

  /** "the provider", "state", "specialty" ask for one; "providers", "states" for several. */
  private static boolean singular(String dimensionWords) {
    if (dimensionWords == null || dimensionWords.isEmpty()) {
      return false;
    }
    String last = dimensionWords.substring(dimensionWords.lastIndexOf(' ') + 1);
    return !last.endsWith("s") || SINGULAR_S.contains(last);
  }

  private static boolean negated(List<String> t, int start, Set<Integer> used) {
    for (int k = Math.max(0, start - 3); k < start; k++) {
      String x = t.get(k);
      if (x.equals("excluding") || x.equals("except") || x.equals("without") || x.equals("exclude")
          || x.equals("non") || x.equals("not") || x.equals("other") && k + 1 < t.size() && t.get(k + 1).equals("than")) {
        used.add(k);
        if (x.equals("other")) {
          used.add(k + 1);
        }
        return true;
      }
    }
    return false;
  }

  private static boolean whichBefore(List<String> t, int start) {
    for (int k = Math.max(0, start - 3); k < start; k++) {
      if (Words.ASK_WHICH.contains(t.get(k))) {
        return true;
      }
    }
    return false;
  }

  private static void superlative(List<String> t, int start, Evidence ev, String metric) {
    for (int k = Math.max(0, start - 3); k < start; k++) {
      String w = t.get(k);
      if (Words.DESC.contains(w) || Words.ASC.contains(w)) {
        ev.orderMetric = metric;
        ev.descending = Words.DESC.contains(w) && !w.equals("best") || w.equals("worst");
        return;
      }
    }
  }

  private void addValue(Evidence ev, String dimension, String value, String label) {
    ev.values.computeIfAbsent(dimension, k -> new LinkedHashSet<>()).add(value);
    ev.understood.add(label);
  }

  private List<Filter> filters(Evidence ev) {
    List<Filter> out = new ArrayList<>();
    ev.values.forEach((dim, vals) -> out.add(Filter.in(dim, List.copyOf(vals), model.dimension(dim).label() + " "
        + String.join(" or ", vals))));
    ev.excluded.forEach((dim, vals) -> out.add(new Filter(dim, Filter.Op.NOT_IN, List.copyOf(vals), "not "
        + model.dimension(dim).label() + " " + String.join(" or ", vals))));
    out.addAll(ev.filters);
    return out;
  }

  private SemanticQuery build(Evidence ev) {
    List<String> metrics = new ArrayList<>(ev.metrics);
    if (metrics.isEmpty() && !ev.funnel) {
      metrics.add("claim_count");
      ev.assumptions.add("Counting claims, since no other measure was named.");
    }
    Optional<String> order = Optional.empty();
    boolean desc = true;
    OptionalInt limit = OptionalInt.empty();
    List<String> categorical = ev.groupBy.stream().filter(d -> !d.startsWith(SemanticQuery.GRAIN)).toList();
    if (!categorical.isEmpty() && (ev.descending != null || ev.limit != null)) {
      String m = ev.orderMetric != null ? ev.orderMetric : metrics.isEmpty() ? "claim_count" : metrics.get(0);
      order = Optional.of(m);
      desc = ev.descending == null || ev.descending;
      if (ev.limit != null) {
        limit = OptionalInt.of(ev.limit);
      } else if (ev.superlativeWhich || singular(ev.dimensionText.get(categorical.get(0)))) {
        limit = OptionalInt.of(1);
      } else if (ev.descending != null) {
        limit = OptionalInt.of(10);
        ev.assumptions.add("Showing the top 10, since no number was given.");
      }
    } else if (ev.limit != null) {
      limit = OptionalInt.of(ev.limit);
    }
    return new SemanticQuery(metrics, ev.groupBy, filters(ev), ev.time, order, desc, limit, ev.funnel);
  }

  /** Merges a follow-up into the previous query: new parts replace their counterparts, the rest stays. */
  private SemanticQuery refine(SemanticQuery prev, Evidence ev, List<String> t) {
    SemanticQuery q = prev;
    List<String> strongMetrics = ev.metrics.stream().filter(m -> !ev.weakOnly.contains(m)).toList();
    if (!strongMetrics.isEmpty()) {
      if (ev.appendMetrics) {
        List<String> all = new ArrayList<>(q.metrics());
        strongMetrics.stream().filter(m -> !all.contains(m)).forEach(all::add);
        strongMetrics = all;
      }
      q = q.withMetrics(strongMetrics);
      if (q.orderBy().isPresent()) {
        q = q.withOrder(Optional.of(strongMetrics.get(0)), q.descending(), q.limit());
      }
    }
    if (ev.funnel) {
      q = new SemanticQuery(q.metrics(), q.dimensions(), q.filters(), q.time(), Optional.empty(), true, OptionalInt.empty(), true);
    }
    boolean replace = t.contains("instead") || t.contains("now") && !ev.groupBy.isEmpty();
    if (!ev.groupBy.isEmpty()) {
      List<String> dims = new ArrayList<>(replace ? List.of() : q.dimensions());
      for (String d : ev.groupBy) {
        if (d.startsWith(SemanticQuery.GRAIN)) {
          dims.removeIf(x -> x.startsWith(SemanticQuery.GRAIN));
        }
        if (!dims.contains(d)) {
          dims.add(d);
        }
      }
      q = q.withDimensions(dims);
    }
    List<Filter> filters = new ArrayList<>(q.filters());
    for (Filter f : filters(ev)) {
      if (ev.appendMetrics && f.op() == Filter.Op.IN) {
        Optional<Filter> old = filters.stream().filter(o -> o.target().equals(f.target()) && o.op() == Filter.Op.IN).findFirst();
        if (old.isPresent()) {
          // "add BlueCross too": widen the filter and show the values side by side
          List<String> values = new ArrayList<>(old.get().values());
          f.values().stream().filter(v -> !values.contains(v)).forEach(values::add);
          filters.remove(old.get());
          filters.add(Filter.in(f.target(), values, model.dimension(f.target()).label() + " " + String.join(" or ", values)));
          if (!q.dimensions().contains(f.target())) {
            List<String> dims = new ArrayList<>(q.dimensions());
            dims.add(f.target());
            q = q.withDimensions(dims);
          }
          continue;
        }
      }
      filters.removeIf(old -> old.target().equals(f.target()) && !f.target().equals("patient_age")
          || sameFamily(old.target(), f.target()) && !(old.target().equals("patient_age") && f.target().equals("patient_age")));
      filters.add(f);
      if (f.op() == Filter.Op.IN && f.values().size() == 1 && q.dimensions().contains(f.target()) && !ev.compare) {
        q = q.withDimensions(q.dimensions().stream().filter(d -> !d.equals(f.target())).toList());
      }
    }
    q = q.withFilters(filters);
    if (ev.time.isPresent()) {
      q = q.withTime(ev.time);
    }
    if (ev.limit != null || ev.descending != null) {
      String m = ev.orderMetric != null ? ev.orderMetric : q.orderBy().orElse(q.metrics().isEmpty() ? "claim_count" : q.metrics().get(0));
      boolean desc = ev.descending == null ? q.descending() : ev.descending;
      OptionalInt n = ev.limit != null ? OptionalInt.of(ev.limit) : q.limit();
      List<String> categorical = q.dimensions().stream().filter(d -> !d.startsWith(SemanticQuery.GRAIN)).toList();
      if (n.isEmpty() && !categorical.isEmpty()) {
        String words = ev.dimensionText.get(categorical.get(0));
        n = OptionalInt.of(ev.superlativeWhich || singular(words) ? 1 : 10);
      }
      if (!q.metrics().contains(m)) {
        List<String> metrics = new ArrayList<>(q.metrics());
        metrics.add(0, m);
        q = q.withMetrics(metrics);
      }
      q = q.withOrder(Optional.of(m), desc, n);
    }
    return q;
  }

  private boolean sameFamily(String a, String b) {
    return isAge(a) && isAge(b);
  }

  private boolean isAge(String target) {
    return target.equals("patient_age") || model.ageWords().stream().anyMatch(w -> w.name().equals(target));
  }

  private static String quoteList(List<String> words) {
    return String.join(", ", words.stream().map(w -> "'" + w + "'").toList());
  }
}
