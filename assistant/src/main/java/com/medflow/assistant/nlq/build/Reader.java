package com.medflow.assistant.nlq.build;

import static java.util.Objects.requireNonNull;

import com.medflow.assistant.nlq.DataFacts;
import com.medflow.assistant.nlq.ParseResult;
import com.medflow.assistant.nlq.match.Matched;
import com.medflow.assistant.nlq.match.Span;
import com.medflow.assistant.nlq.query.SemanticQuery;
import com.medflow.assistant.nlq.sql.SqlCompiler;
import com.medflow.assistant.nlq.text.Token;
import com.medflow.assistant.nlq.vocab.Kind;
import com.medflow.assistant.nlq.vocab.Term;
import com.medflow.assistant.semantic.ModelParts;
import com.medflow.assistant.semantic.SemanticModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * From matched spans to a verdict. Every combination of the meanings of ambiguous phrases is read
 * (at most {@value #MAX_READINGS}); the readings that account for every word and make a query are
 * kept. One query: the answer. Several different ones: a clarification listing each as a question.
 * None: the question is not answered, with the words that could not be placed. With a previous
 * query, a question that is not complete on its own refines it.
 */
public final class Reader {
  private static final int MAX_READINGS = 32;

  private final SemanticModel model;
  private final Rules rules;
  private final SqlCompiler compiler;

  public Reader(SemanticModel model) {
    this.model = requireNonNull(model, "model is null");
    this.rules = new Rules(model);
    this.compiler = new SqlCompiler(model);
  }

  private record Candidate(Parse parse, Assembler.Outcome outcome, List<Span> spans) {}

  public ParseResult read(List<Token> tokens, Matched matched, DataFacts facts, Optional<SemanticQuery> previous) {
    Assembler assembler = new Assembler(rules.measures(), facts);
    List<List<Span>> combos = combinations(matched.spans());
    List<Candidate> whole = new ArrayList<>();
    List<Candidate> failed = new ArrayList<>();
    for (List<Span> spans : combos) {
      for (Parse p : rules.read(new Parse(tokens, spans))) {
        Assembler.Outcome o = assembler.assemble(p, false);
        (o.ok() ? whole : failed).add(new Candidate(p, o, spans));
      }
    }
    List<String> words = tokens.stream().map(Token::text).toList();
    boolean cue = whole.stream().anyMatch(c -> c.outcome.followUpCue())
        || matched.spans().stream().anyMatch(s -> s.is(Kind.FOLLOW_UP))
        || words.size() > 1 && words.get(0).equals("and"); // "and malformed lines?": the last answer, narrowed anew
    boolean incomplete = whole.stream().allMatch(c -> !c.outcome.measured());
    // "how many providers is that?", "are those all Aetna?": about the previous answer's rows
    boolean refers = matched.spans().stream().anyMatch(s -> s.is(Kind.FOLLOW_UP)
        && s.text().toLowerCase(java.util.Locale.ROOT).matches("(is|are|was|were) (that|those|this|these|they)"));
    if (previous.isPresent() && (whole.isEmpty() || incomplete || refers || cue && whole.stream().allMatch(c ->
        c.outcome.explicitMeasures().isEmpty() || words.contains("also") || words.contains("add")
        || words.contains("instead")))) {
      Optional<ParseResult> refined = followUp(tokens, combos, assembler, previous.get(), words, matched);
      if (refined.isPresent()) {
        return refined.get();
      }
    }
    List<String> understood = new ArrayList<>(matched.corrections());
    if (whole.isEmpty()) {
      Candidate best = failed.stream().min((a, b) -> Integer.compare(a.outcome.leftovers().size(),
          b.outcome.leftovers().size())).orElse(null);
      if (best == null) {
        return ParseResult.unanswerable("I could not read that question.", understood, List.of());
      }
      understood.addAll(understood(best.spans));
      return ParseResult.unanswerable(reason(best.outcome), understood, best.outcome.leftovers());
    }
    Optional<Span> undecided = askedBack(matched.spans(), whole);
    if (undecided.isPresent()) {
      understood.addAll(understood(whole.get(0).spans.stream().filter(s -> !s.ambiguous()).toList()));
      return ParseResult.unanswerable("'" + undecided.get().text() + "' can mean " + String.join(" or ",
          undecided.get().terms().stream().map(Term::label).toList()) + "; the rest of the question fits only one,"
          + " which is not enough to know which you mean: please say which.", understood, List.of());
    }
    // readings that run the same SQL are the same answer
    Map<String, Candidate> distinct = new LinkedHashMap<>();
    whole.forEach(c -> distinct.putIfAbsent(compiler.compile(c.outcome.query()), c));
    if (distinct.size() == 1) {
      Candidate c = whole.get(0);
      understood.addAll(understood(c.spans));
      return ParseResult.answer(c.outcome.query(), understood, c.outcome.assumptions(), false);
    }
    List<ParseResult.Reading> readings = new ArrayList<>();
    for (Candidate c : distinct.values()) {
      readings.add(new ParseResult.Reading(readingText(tokens, matched.spans(), c), c.outcome.query()));
      if (readings.size() == 4) {
        break;
      }
    }
    understood.addAll(understood(whole.get(0).spans.stream().filter(s -> !s.ambiguous()).toList()));
    return ParseResult.clarify("That question can be read " + distinct.size() + " ways.", understood, readings, false);
  }

  private Optional<ParseResult> followUp(List<Token> tokens, List<List<Span>> combos, Assembler assembler,
                                         SemanticQuery previous, List<String> words, Matched matched) {
    Map<String, SemanticQuery> merged = new LinkedHashMap<>();
    Map<String, List<Span>> spansOf = new LinkedHashMap<>();
    Map<String, Boolean> swaps = new LinkedHashMap<>();
    for (List<Span> spans : combos) {
      for (Parse p : rules.read(new Parse(tokens, spans))) {
        Assembler.Outcome o = assembler.assemble(p, true);
        if (o.ok()) {
          SemanticQuery q = FollowUps.merge(previous, o, words, rules.measures());
          if (q == null || !assembler.fits(q)) {
            continue; // the follow-up does not fit the answer it refines, or names what its table does not have
          }
          String sql = compiler.compile(q);
          merged.putIfAbsent(sql, q);
          spansOf.putIfAbsent(sql, spans);
          swaps.putIfAbsent(sql, swapsAValue(previous, o.query()));
        }
      }
    }
    // a follow-up stays on the conversation's table unless it names another
    if (merged.size() > 1 && merged.values().stream().anyMatch(q -> q.source() == previous.source())) {
      merged.entrySet().removeIf(e -> e.getValue().source() != previous.source());
    }
    // "and oncology?" after cardiology's total: the value that takes the place of one already filtered
    if (merged.size() > 1 && merged.keySet().stream().anyMatch(swaps::get)) {
      merged.keySet().removeIf(sql -> !swaps.get(sql));
    }
    if (merged.size() > 1) {
      List<ParseResult.Reading> readings = new ArrayList<>();
      for (Map.Entry<String, SemanticQuery> e : merged.entrySet()) {
        readings.add(new ParseResult.Reading(phrased(tokens, matched.spans(), spansOf.get(e.getKey())), e.getValue()));
        if (readings.size() == 4) {
          break;
        }
      }
      return Optional.of(ParseResult.clarify("That follow-up can be read " + merged.size() + " ways.",
          new ArrayList<>(matched.corrections()), readings, true));
    }
    if (merged.size() != 1) {
      return Optional.empty();
    }
    String sql = merged.keySet().iterator().next();
    List<String> understood = new ArrayList<>(matched.corrections());
    understood.addAll(understood(spansOf.get(sql)));
    return Optional.of(ParseResult.answer(merged.get(sql), understood, List.of(), true));
  }

  private static String reason(Assembler.Outcome o) {
    if (!o.leftovers().isEmpty() && o.problem().equals("could not place")) {
      return "I could not place " + quote(o.leftovers()) + " in the claims data, so I won't guess.";
    }
    return switch (o.problem()) {
      case "nothing to measure" -> "I understood the scope but not what to measure (claims, amounts, rates...).";
      case "two periods" -> "The question names two periods (" + String.join(" and ", o.leftovers())
          + "): say whether to compare them (\"vs\"), take them together, or the change between them.";
      case "ranks nothing" -> "I understood an ordering (" + quote(o.leftovers()) + ") but not what to rank.";
      case "mixes tables" -> "The question mixes claims with data-quality tables (" + quote(o.leftovers()) + ").";
      case "not in that table" -> "That table has no " + quote(o.leftovers()) + ".";
      case "refines an earlier answer" -> "This refines an earlier answer, and there is none to refine here: ask the"
          + " whole question (what to count or measure, and for whom).";
      case "ranks by no measure" -> "I understood an ordering (" + quote(o.leftovers()) + ") but not by what: say the"
          + " measure, for example 'by total billed', 'by average paid' or 'by claim count'.";
      case "conditions no claim can meet" -> "Read together, the conditions on " + quote(o.leftovers()) + " leave no"
          + " claim; if you meant either one ('or'), or a breakdown by ranges, please ask that way.";
      case "outside the data" -> "The claims data covers service dates " + o.leftovers().get(1) + " to "
          + o.leftovers().get(2) + ", so " + o.leftovers().get(0) + " has no claims to measure (and I do not forecast).";
      case "how many" -> "The question ranks (" + quote(o.leftovers()) + ") but does not say how many to show: say, for"
          + " example, 'top 5', 'the highest one', or 'highest first' for all of them.";
      case "lists individual members" -> "Individual members are personal data: I can count them but not list them.";
      default -> "I could not make one query of it (" + o.problem() + (o.leftovers().isEmpty() ? "" : ": "
          + quote(o.leftovers())) + ").";
    };
  }

  private static String quote(List<String> words) {
    return String.join(", ", words.stream().map(w -> "'" + w + "'").toList());
  }

  /** Every combination of meanings of the ambiguous spans, at most {@value #MAX_READINGS}. */
  /**
   * A phrase the semantic model says is always asked back ("duplicates": a quality rule and a denial reason)
   * whose other readings failed for reasons elsewhere in the question: that does not tell which was meant.
   */
  private Optional<Span> askedBack(List<Span> spans, List<Candidate> whole) {
    List<String> asked = rules.measures().model().quality().ambiguousDuplicates().stream()
        .map(w -> w.toLowerCase(java.util.Locale.ROOT)).toList();
    for (Span s : spans) {
      if (!s.ambiguous() || !asked.contains(s.text().toLowerCase(java.util.Locale.ROOT))) {
        continue;
      }
      List<Term> readings = whole.stream().flatMap(c -> c.spans.stream().filter(x -> x.start() == s.start())
          .map(Span::term)).distinct().toList();
      if (readings.size() == 1 && !confirmed(readings.get(0), s, spans)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether another word says which table the reading belongs to: a denial reason with its status ("denied as
   * duplicates"), a quarantine reason with the quarantine ("quarantined duplicates").
   */
  private boolean confirmed(Term reading, Span at, List<Span> spans) {
    Optional<com.medflow.assistant.semantic.ModelParts.Dimension> d = rules.measures().model().findDimension(reading.key());
    if (d.isEmpty()) {
      return false;
    }
    for (Span o : spans) {
      if (o.start() == at.start()) {
        continue;
      }
      for (Term t : o.terms()) {
        boolean status = d.get().impliesStatus().isPresent() && t.kind() == Kind.VALUE && t.key().equals("claim_status")
            && t.values().equals(List.of(d.get().impliesStatus().get()));
        boolean source = d.get().source().isPresent() && t.kind() == Kind.SOURCE
            && t.key().equalsIgnoreCase(d.get().source().get());
        if (status || source) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<List<Span>> combinations(List<Span> spans) {
    List<List<Span>> out = new ArrayList<>();
    out.add(new ArrayList<>());
    for (int i = 0; i < spans.size(); i++) {
      Span s = spans.get(i);
      boolean beforeTime = i + 1 < spans.size() && spans.get(i + 1).is(Kind.TIME);
      // a date word ("processed", "adjudicated") names a date only right before a period; elsewhere its other meaning
      List<Term> terms = s.terms().size() > 1 && !beforeTime
          ? s.terms().stream().filter(t -> t.kind() != Kind.DATE_FIELD).toList() : s.terms();
      List<List<Span>> next = new ArrayList<>();
      for (List<Span> prefix : out) {
        for (Term t : terms) {
          if (next.size() >= MAX_READINGS) {
            break;
          }
          List<Span> l = new ArrayList<>(prefix);
          l.add(terms.size() == 1 && s.terms().size() == 1 ? s : s.with(t));
          next.add(l);
        }
      }
      out = next;
    }
    return out;
  }

  /** "'denial rate' → denial rate", "'Aetna' → payer Aetna", "'last quarter' → 2025-07-01 to 2025-09-30". */
  private List<String> understood(List<Span> spans) {
    List<String> out = new ArrayList<>();
    for (Span s : spans) {
      Term t = s.term();
      String meaning = switch (t.kind()) {
        case TIME -> s.period().map(p -> p.label() + " (" + (p.openStart() ? "up to " : p.from() + " to ") + p.to() + ")")
            .orElse(t.label());
        case VALUE -> model.findDimension(t.key()).map(ModelParts.Dimension::label).map(l -> l + " " + t.label())
            .orElse(t.label());
        case DIMENSION -> "by/of " + t.label();
        case NUMBER, MONEY, PERCENT, DATE -> "the number " + s.text();
        default -> t.label().equals(t.key()) ? t.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " "
            + t.label() : t.label();
      };
      out.add("'" + s.text() + "' → " + meaning);
    }
    return out;
  }

  /** The question with each ambiguous phrase replaced by words that name the reading's meaning. */
  /** Whether every value the follow-up names replaces one of a dimension the previous query filters. */
  private static boolean swapsAValue(SemanticQuery previous, SemanticQuery part) {
    return !part.filters().isEmpty() && part.filters().stream().allMatch(f -> f.op() == com.medflow.assistant.nlq.query.Filter.Op.IN
        && previous.filters().stream().anyMatch(x -> x.target().equals(f.target()) && x.op() == f.op()));
  }

  private String readingText(List<Token> tokens, List<Span> original, Candidate c) {
    String text = phrased(tokens, original, c.spans);
    if (text.equals(String.join(" ", tokens.stream().map(Token::original).toList()))) {
      text = text + " (" + String.join("; ", c.parse.notes) + ")";
    }
    return text;
  }

  /** The question's words with each ambiguous span replaced by the meaning this reading gives it. */
  private String phrased(List<Token> tokens, List<Span> original, List<Span> spans) {
    StringBuilder sb = new StringBuilder();
    int i = 0;
    for (Span s : spans) {
      if (!s.ambiguous() && original.stream().noneMatch(o -> o.start() == s.start() && o.ambiguous())) {
        continue;
      }
      while (i < s.start()) {
        sb.append(tokens.get(i).original()).append(' ');
        i++;
      }
      sb.append(phrase(s.term())).append(' ');
      i = s.end();
    }
    while (i < tokens.size()) {
      sb.append(tokens.get(i).original()).append(' ');
      i++;
    }
    return sb.toString().trim();
  }


  private String phrase(Term t) {
    return switch (t.kind()) {
      case VALUE -> {
        String dim = model.findDimension(t.key()).map(ModelParts.Dimension::label).orElse(t.key().replace('_', ' '));
        yield switch (t.key()) {
          case "quality_reason" -> "quarantined " + t.value().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " rows";
          case "denial_reason" -> "claims denied for " + t.label();
          default -> t.label() + " " + dim;
        };
      }
      case MEASURE -> model.measure(t.key()).map(ModelParts.MeasureColumn::label).orElse(t.label());
      default -> t.label();
    };
  }
}
