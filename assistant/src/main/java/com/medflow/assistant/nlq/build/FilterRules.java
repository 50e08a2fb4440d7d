package com.medflow.assistant.nlq.build;

import com.medflow.assistant.nlq.match.Span;
import com.medflow.assistant.nlq.query.Filter;
import com.medflow.assistant.nlq.query.Grouping;
import com.medflow.assistant.nlq.vocab.Kind;
import com.medflow.assistant.nlq.vocab.Term;
import com.medflow.assistant.nlq.vocab.VocabularyBuilder;
import com.medflow.assistant.semantic.ModelParts;
import com.medflow.assistant.semantic.SemanticModel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Conditions on rows: values and lists of values ("Aetna or UHC" together, "Aetna and UHC" one row
 * each), negations, named conditions, secondary diagnoses, periods and the date they apply to, and
 * thresholds on a row's amount, age or processing days.
 */
final class FilterRules {
  static final Set<String> MONEY_COLUMNS = Set.of("billed_amount", "paid_amount", "allowed_amount");

  private final SemanticModel model;

  FilterRules(SemanticModel model) {
    this.model = model;
  }

  boolean apply(Parse p) {
    return columnAgainstColumn(p) || secondary(p) || negation(p) || underValue(p) || hasA(p) || values(p)
        || conditions(p) || time(p) || dateSaidAgain(p) || exactAmount(p) || ThresholdRules.rowThresholds(p);
  }

  /**
   * A code after the name of its code set: "POS 65", "CARC 50" (a bare number is a number) is that value, read
   * as any value is; said again after the value's name ("dialysis facilities (POS 65)"), {@link #restated} keeps one.
   */
  private boolean codeAfterNoun(Parse p) {
    for (int i = 0; i + 1 < p.size(); i++) {
      Optional<Node.Raw> noun = p.raw(i).filter(r -> r.is(Kind.DIMENSION));
      Optional<Node.Raw> number = p.raw(i + 1).filter(r -> r.is(Kind.NUMBER));
      if (noun.isEmpty() || number.isEmpty()) {
        continue;
      }
      ModelParts.Dimension dim = model.dimension(noun.get().key());
      String code = p.tokens.get(number.get().span().start()).original();
      if (!code.matches("\\d{1,3}") || !dim.valueSynonyms().containsKey(code)) {
        continue;
      }
      Span n = noun.get().span();
      Span value = new Span(n.start(), number.get().span().end(), List.of(Term.value(dim.name(), List.of(code),
          VocabularyBuilder.valueLabel(dim, code))), n.text() + " " + number.get().span().text(), Optional.empty(),
          Optional.empty());
      p.rewrite(new int[] {i, i + 1}, new Node.Raw(value));
      return true;
    }
    return false;
  }

  /**
   * A value said twice, by name and by code ("pembrolizumab injections (HCPCS J9271)", "J9355 (trastuzumab
   * injection)"): one value, not two; the code-set word before the repeated code goes with it.
   */
  private static boolean restated(Parse p) {
    for (int i = 0; i < p.size(); i++) {
      Optional<Node.Raw> a = p.raw(i).filter(r -> r.is(Kind.VALUE));
      if (a.isEmpty()) {
        continue;
      }
      for (int j = i + 1; j < p.size() && j <= i + 3; j++) {
        Optional<Node.Raw> b = p.raw(j).filter(r -> r.is(Kind.VALUE) && r.key().equals(a.get().key())
            && Set.copyOf(r.span().term().values()).equals(Set.copyOf(a.get().span().term().values())));
        if (b.isPresent()) {
          boolean noun = j - 1 > i && p.isRaw(j - 1, Kind.DIMENSION, a.get().key());
          p.rewrite(noun ? new int[] {j - 1, j} : new int[] {j});
          return true;
        }
      }
    }
    return false;
  }

  /**
   * A code set named and one of its codes beside it ("office visits (99213)", "45378 colonoscopies",
   * "hypertension (I10)"): the code says which one, so the named set is not a second filter.
   */
  private static boolean narrowed(Parse p) {
    for (int i = 0; i + 1 < p.size(); i++) {
      Optional<Node.Raw> a = p.raw(i).filter(r -> r.is(Kind.VALUE));
      Optional<Node.Raw> b = p.raw(i + 1).filter(r -> r.is(Kind.VALUE));
      if (a.isEmpty() || b.isEmpty()) {
        continue;
      }
      int[] listed = members(p, i);
      if (listed.length > 0) {
        p.rewrite(listed); // "annual wellness visits, G0438 and G0439": the set's own codes, said again
        return true;
      }
      if (within(b.get(), a.get())) {
        p.rewrite(new int[] {i});
        return true;
      }
      if (within(a.get(), b.get())) {
        p.rewrite(new int[] {i + 1});
        return true;
      }
    }
    return false;
  }

  /**
   * Read before shares and groupings: which values are named (a code after its code set, a value said twice or
   * narrowed by its code); a value's own noun after it ("an office setting", "the Aetna plan") says
   * nothing more than the value.
   */
  boolean early(Parse p) {
    return restated(p) || narrowed(p) || codeAfterNoun(p) || ownNoun(p);
  }

  private static boolean ownNoun(Parse p) {
    for (int i = 0; i + 1 < p.size(); i++) {
      Optional<Node.Raw> a = p.raw(i).filter(r -> r.is(Kind.VALUE));
      if (a.isPresent() && (nounOf(p, i + 1, a.get().key()) || primary(p, i + 1, a.get().key()))
          && !p.isRaw(i + 2, Kind.NUMBER)) { // not "(POS 65)"
        p.rewrite(new int[] {i + 1});
        return true;
      }
    }
    return false;
  }

  /** "I10 as the primary diagnosis": a diagnosis value is the primary one unless said otherwise. */
  private static boolean primary(Parse p, int i, String key) {
    return (key.equals(VocabularyBuilder.DIAGNOSIS_CODE) || key.equals("diagnosis_category"))
        && p.isRaw(i, Kind.DIMENSION, "primary_diagnosis") && p.raw(i).orElseThrow().span().text()
        .toLowerCase(java.util.Locale.ROOT).matches("(primary|principal)\\b.*");
  }

  /** The noun of dimension {@code key} said plainly ("setting", not "by setting" or "each setting"). */
  private static boolean nounOf(Parse p, int i, String key) {
    return p.raw(i).filter(r -> r.is(Kind.DIMENSION, key)).map(r -> !r.span().text().toLowerCase(java.util.Locale.ROOT)
        .matches("(by|per|each|every|across|for each|which|what)\\b.*")).orElse(false);
  }

  /** The nodes after the set at {@code i} that list exactly its codes ("A and B"), or none. */
  private static int[] members(Parse p, int i) {
    Term set = p.raw(i).orElseThrow().span().term();
    java.util.Set<String> said = new java.util.HashSet<>();
    List<Integer> nodes = new ArrayList<>();
    int j = i + 1;
    while (true) {
      Optional<Node.Raw> v = p.raw(j).filter(r -> r.is(Kind.VALUE) && r.key().equals(set.key()));
      if (v.isEmpty() || !set.values().containsAll(v.get().span().term().values())) {
        return new int[0];
      }
      said.addAll(v.get().span().term().values());
      nodes.add(j);
      if (!p.isRaw(j + 1, Kind.AND)) {
        break;
      }
      nodes.add(j + 1);
      j += 2;
    }
    return nodes.size() > 1 && said.equals(java.util.Set.copyOf(set.values()))
        ? nodes.stream().mapToInt(Integer::intValue).toArray() : new int[0];
  }

  /** Whether {@code code} names fewer of the same claims than {@code set}: a member of it, or a code of its category. */
  private static boolean within(Node.Raw code, Node.Raw set) {
    Term c = code.span().term();
    Term s = set.span().term();
    if (c.key().equals(s.key())) {
      return s.values().size() > c.values().size() && s.values().containsAll(c.values());
    }
    return c.key().equals(VocabularyBuilder.DIAGNOSIS_CODE) && s.key().equals("diagnosis_category")
        && s.values().size() == 1 && !c.values().isEmpty()
        && c.values().stream().allMatch(v -> com.medflow.model.rules.DiagnosisCategory.of(v).equals(s.values().get(0)));
  }

  /**
   * "allowed amount higher than the billed amount", "paid more than allowed": one amount of a claim against
   * another of the same claim (not aggregates: "average paid above average billed" is not read here).
   */
  private static boolean columnAgainstColumn(Parse p) {
    for (int i = 0; i + 2 < p.size(); i++) {
      Optional<Node.Raw> a = p.raw(i).filter(r -> r.is(Kind.MEASURE) && MONEY_COLUMNS.contains(r.key()));
      Optional<Node.Raw> c = p.raw(i + 1).filter(r -> r.is(Kind.COMPARATOR) && Set.of("gt", "lt").contains(r.key()));
      Optional<Node.Raw> b = p.raw(i + 2).filter(r -> r.is(Kind.MEASURE) && MONEY_COLUMNS.contains(r.key()));
      if (a.isEmpty() || c.isEmpty() || b.isEmpty() || a.get().key().equals(b.get().key()) || p.isRaw(i - 1, Kind.AGG)
          || p.get(i - 1) instanceof Node.Measured || p.isRaw(i + 3, Kind.NUMBER) || p.isRaw(i + 3, Kind.MONEY)) {
        continue;
      }
      boolean above = c.get().key().equals("gt");
      Filter f = new Filter(a.get().key(), above ? Filter.Op.ABOVE_COLUMN : Filter.Op.BELOW_COLUMN,
          List.of(b.get().key()), a.get().span().term().label() + " " + (above ? "above " : "below ")
          + b.get().span().term().label());
      p.rewrite(new int[] {i, i + 1, i + 2}, new Node.Filtered(p.get(i).start(), f));
      return true;
    }
    return false;
  }

  /** "$0 paid", "had $0 paid": an amount equal to that. */
  private static boolean exactAmount(Parse p) {
    for (int i = 0; i + 1 < p.size(); i++) {
      Optional<Node.Raw> money = p.raw(i).filter(r -> r.is(Kind.MONEY));
      Optional<Node.Raw> m = p.raw(i + 1).filter(r -> r.is(Kind.MEASURE) && MONEY_COLUMNS.contains(r.key()));
      if (money.isPresent() && m.isPresent()) {
        String v = money.get().span().number().orElseThrow().value().toPlainString();
        p.rewrite(new int[] {i, i + 1}, new Node.Filtered(money.get().start(), new Filter(m.get().key(), Filter.Op.BETWEEN,
            List.of(v, v), m.get().span().text() + " exactly " + money.get().span().text())));
        return true;
      }
    }
    return false;
  }

  /** "claims that have a denial reason", "without a secondary diagnosis": the column is (not) filled in. */
  private boolean hasA(Parse p) {
    for (int i = 0; i + 1 < p.size(); i++) {
      boolean with = p.isRaw(i, Kind.WITH);
      boolean without = p.raw(i).filter(r -> r.is(Kind.NEGATION) && r.span().text().equalsIgnoreCase("without")).isPresent();
      Optional<Node.Raw> d = p.raw(i + 1).filter(r -> r.is(Kind.DIMENSION));
      if (with && noneOf(p, i + 1)) {
        // "denied claims that have no denial reason": an optional column left empty
        ModelParts.Dimension dim = model.dimension(p.raw(i + 2).orElseThrow().key());
        Filter f = new Filter(dim.name(), Filter.Op.IS_NULL, List.of(), "no " + dim.label() + " given");
        p.rewrite(new int[] {i, i + 1, i + 2}, new Node.Filtered(p.get(i).start(), f));
        return true;
      }
      if (!(with || without) || d.isEmpty()) {
        continue;
      }
      int noun = d.get().span().start();
      if (noun == 0 || !Set.of("a", "an", "any").contains(p.tokens.get(noun - 1).text())) {
        continue;
      }
      ModelParts.Dimension dim = model.dimension(d.get().key());
      if (!dim.sql().matches("[a-z_]+") || dim.source().isPresent()) {
        continue;
      }
      Filter f = new Filter(dim.name(), without ? Filter.Op.IS_NULL : Filter.Op.NOT_NULL, List.of(),
          (without ? "no " : "a ") + dim.label() + " given");
      p.rewrite(new int[] {i, i + 1}, new Node.Filtered(p.get(i).start(), f));
      return true;
    }
    return false;
  }

  /** "no" then an optional dimension of claims_clean ("no denial reason", "no secondary diagnosis"). */
  private boolean noneOf(Parse p, int k) {
    boolean no = p.raw(k).filter(r -> r.is(Kind.NEGATION) && r.span().text().equalsIgnoreCase("no")).isPresent();
    Optional<ModelParts.Dimension> d = p.raw(k + 1).filter(r -> r.is(Kind.DIMENSION)).map(r -> model.dimension(r.key()));
    return no && d.isPresent() && d.get().optional() && d.get().source().isEmpty();
  }

  /** "codes under the injury category", "claims under Aetna": "under" before a value is not a comparison. */
  private static boolean underValue(Parse p) {
    for (int i = 0; i + 1 < p.size(); i++) {
      if (p.raw(i).filter(r -> r.is(Kind.COMPARATOR, "lt") && r.span().text().equalsIgnoreCase("under")).isPresent()
          && (p.isRaw(i + 1, Kind.VALUE) || p.get(i + 1) instanceof Node.Filtered)) {
        p.remove(i);
        return true;
      }
    }
    return false;
  }

  /** Specialty words that name people ("cardiologists", "PCPs"): the specialty's providers. */
  private static boolean namesProviders(Node.Raw r) {
    if (!r.is(Kind.VALUE, "provider_specialty")) {
      return false;
    }
    String w = r.span().text().toLowerCase(java.util.Locale.ROOT);
    return w.matches(".*(ists|ians|ers|ors|ons|pcps|gps|specialists)$") || w.endsWith("doctors");
  }

  /** A filter for a value span: dimension values, diagnosis codes, quality reasons. */
  Filter filterFor(Term t) {
    String dim = t.key();
    if (dim.equals(VocabularyBuilder.DIAGNOSIS_CODE)) {
      return new Filter("primary_diagnosis", Filter.Op.PREFIX, t.values(), "primary diagnosis " + t.label());
    }
    String label = model.findDimension(dim).map(ModelParts.Dimension::label).orElse(dim.replace('_', ' '));
    String shown = t.values().size() > 3 ? t.label() : String.join(" or ", t.values());
    return Filter.in(dim, t.values(), label + " " + (dim.equals("claim_status") || dim.equals("payer")
        || dim.equals("provider_specialty") || dim.equals("diagnosis_category") ? shown : t.label()));
  }

  /** "secondary diagnosis of diabetes", "diabetes as a secondary diagnosis", "with a secondary diagnosis of COPD". */
  private boolean secondary(Parse p) {
    for (int i = 0; i < p.size(); i++) {
      boolean any = p.isRaw(i, Kind.DIMENSION, "any_diagnosis");
      boolean noun = p.isRaw(i, Kind.DIMENSION, "secondary_diagnosis") || any;
      boolean with = p.isRaw(i, Kind.CONDITION, "has_secondary_diagnosis");
      if (!noun && !with) {
        continue;
      }
      for (int j : with ? new int[] {i + 1} : new int[] {i + 1, i - 1}) {
        Optional<Node.Raw> v = p.raw(j).filter(r -> r.is(Kind.VALUE, "diagnosis_category")
            || r.is(Kind.VALUE, VocabularyBuilder.DIAGNOSIS_CODE));
        if (v.isPresent()) {
          Term t = v.get().span().term();
          String where = any ? "any_" : "secondary_";
          String words = any ? "primary or secondary diagnosis " : "secondary diagnosis ";
          Filter f = t.key().equals("diagnosis_category")
              ? new Filter(where + "category", Filter.Op.IN, t.values(), words + t.label())
              : new Filter(any ? "any_diagnosis" : "secondary_diagnosis", Filter.Op.PREFIX, t.values(), words + t.label());
          p.rewrite(new int[] {Math.min(i, j), Math.max(i, j)}, new Node.Filtered(p.get(Math.min(i, j)).start(), f));
          return true;
        }
      }
    }
    return false;
  }

  /** "excluding Aetna", "other than pending or in review", "non-ER", "not seniors". */
  private boolean negation(Parse p) {
    for (int i = 0; i < p.size(); i++) {
      if (!p.isRaw(i, Kind.NEGATION)) {
        continue;
      }
      if (p.isRaw(i + 1, Kind.AGG) && !p.raw(i).orElseThrow().span().text().equalsIgnoreCase("minus")) {
        p.rewrite(new int[] {i, i + 1}); // "(not the total)": says what is not asked; nothing to compute
        return true;
      }
      if (p.isRaw(i + 1, Kind.CONDITION)) {
        String name = p.raw(i + 1).orElseThrow().key();
        Filter f = new Filter(name, Filter.Op.SQL, List.of(), model.condition(name).label()).negated();
        p.rewrite(new int[] {i, i + 1}, new Node.Filtered(p.get(i).start(), f));
        return true;
      }
      Optional<int[]> run = valueRun(p, i + 1);
      if (run.isPresent()) {
        Filter f = merged(p, run.get()).negated();
        int[] all = new int[run.get().length + 1];
        all[0] = i;
        System.arraycopy(run.get(), 0, all, 1, run.get().length);
        p.rewrite(all, new Node.Filtered(p.get(i).start(), f));
        return true;
      }
    }
    return false;
  }

  /**
   * Indices of a run of values of one dimension starting at {@code i}, joined by "or", "and", "vs" or
   * nothing: [v, (connector), v, ...]. Connector indices are included.
   */
  private Optional<int[]> valueRun(Parse p, int i) {
    Optional<Node.Raw> first = p.raw(i).filter(r -> r.is(Kind.VALUE));
    if (first.isEmpty()) {
      return Optional.empty();
    }
    String dim = first.get().key();
    List<Integer> idx = new ArrayList<>(List.of(i));
    int k = i + 1;
    while (true) {
      int c = k;
      if (p.isRaw(c, Kind.OR) || p.isRaw(c, Kind.AND) || p.isRaw(c, Kind.COMPARE)) {
        c++;
      }
      int finalC = c;
      if (p.raw(finalC).filter(r -> r.is(Kind.VALUE) && r.key().equals(dim)).isPresent()) {
        for (int x = k; x <= finalC; x++) {
          idx.add(x);
        }
        k = finalC + 1;
      } else {
        break;
      }
    }
    return Optional.of(idx.stream().mapToInt(Integer::intValue).toArray());
  }

  private Filter merged(Parse p, int[] run) {
    LinkedHashSet<String> values = new LinkedHashSet<>();
    List<String> labels = new ArrayList<>();
    Term firstTerm = null;
    for (int i : run) {
      Optional<Node.Raw> r = p.raw(i).filter(x -> x.is(Kind.VALUE));
      if (r.isPresent()) {
        Term t = r.get().span().term();
        firstTerm = firstTerm == null ? t : firstTerm;
        values.addAll(t.values());
        labels.add(t.label());
      }
    }
    Term all = Term.value(firstTerm.key(), List.copyOf(values), String.join(" or ", labels));
    return filterFor(all);
  }

  /** Values become filters; several values of one dimension joined by "and"/"vs" also group by it. */
  private boolean values(Parse p) {
    for (int i = 0; i < p.size(); i++) {
      Optional<int[]> run = valueRun(p, i);
      if (run.isEmpty()) {
        continue;
      }
      int[] r = run.get();
      if (r.length > 1 && p.isRaw(i - 1, Kind.COMPARATOR, "between")) {
        int[] withBetween = new int[r.length + 1];
        withBetween[0] = i - 1;
        System.arraycopy(r, 0, withBetween, 1, r.length);
        r = withBetween; // "between Aetna and UnitedHealth": the values compared
        p.notes.add("compare");
      }
      String dim = p.raw(i).orElseThrow().key();
      boolean several = r.length > 1;
      boolean together = false;
      int values = 0;
      for (int k : r) {
        together |= p.isRaw(k, Kind.OR);
        values += p.isRaw(k, Kind.VALUE) ? 1 : 0;
      }
      if (values >= 3) {
        together = false; // "approved, denied, pending or in review": a list to break down, unless "combined"
      }
      together |= p.any(n -> n instanceof Node.Raw raw && raw.is(Kind.COMBINE));
      // "whose denial rate is higher, BCBS or Aetna?": a choice between the values, one row each
      boolean choice = p.any(n -> n instanceof Node.Raw raw && (raw.is(Kind.RANK) || raw.is(Kind.COMPARE)))
          || p.notes.contains("compare");
      if (choice && !p.any(n -> n instanceof Node.Raw raw && raw.is(Kind.COMBINE))) {
        together = false;
      }
      Filter f = merged(p, r);
      List<Integer> absorbed = new ArrayList<>();
      for (int k : r) {
        absorbed.add(k);
      }
      // "payer Aetna", "Aetna payer", "the state of Ohio", "Cardiology specialty": the noun names the value's dimension
      int before = r[0] - 1;
      int after = r[r.length - 1] + 1;
      if (p.isRaw(after, Kind.DIMENSION, dim) && !several) {
        absorbed.add(after);
      } else if ((p.isRaw(before, Kind.DIMENSION, dim) || names(p, before, dim)) && !several
          && !p.isRaw(before - 1, Kind.DISTINCT) && !p.isRaw(before - 1, Kind.HOW_MANY)) {
        // ("how many different diagnosis codes for COPD" counts the codes: the noun is not the value's)
        absorbed.add(0, before);
      }
      int[] idx = absorbed.stream().mapToInt(Integer::intValue).sorted().toArray();
      int start = p.get(idx[0]).start();
      Node filtered = new Node.Filtered(start, f);
      boolean people = !several && namesProviders(p.raw(i).orElseThrow()) && !p.isRaw(after, Kind.ENTITY);
      if (people) {
        // "cardiologists with at least 200 claims": Cardiology's providers
        Node.Raw named = p.raw(i).orElseThrow();
        Node providers = new Node.Raw(named.span().with(com.medflow.assistant.nlq.vocab.Term.of(Kind.ENTITY, "providers",
            "providers")));
        p.rewrite(idx, filtered, providers);
        return true;
      }
      boolean groupable = model.findDimension(dim).isPresent();
      if (!several && namesClaims(p.raw(i).orElseThrow())) {
        // "ER visits", "telehealth claims": the value's phrase also names what is counted
        Node.Raw named = p.raw(i).orElseThrow();
        p.rewrite(idx, filtered, new Node.Raw(named.span().with(Term.of(Kind.ENTITY, "claims", "claims"))));
        return true;
      }
      if (several && !together && groupable) {
        String label = model.dimension(dim).label();
        p.rewrite(idx, filtered, new Node.Grouped(start, Grouping.of(dim, label), false, false, label));
        p.notes.add("several:" + dim);
      } else {
        p.rewrite(idx, filtered);
      }
      return true;
    }
    return false;
  }

  /** A value phrase ending in a word for claims ("ER visits", "office visit claims"), from the claims entity's synonyms. */
  private boolean namesClaims(Node.Raw value) {
    String[] words = value.span().text().toLowerCase(java.util.Locale.ROOT).split("\\s+");
    ModelParts.Entity claims = model.entities().get("claims");
    return words.length > 1 && claims != null && claims.synonyms().contains(words[words.length - 1]);
  }

  /** "where the primary diagnosis is a heart attack": the diagnosis noun names a diagnosis value's column. */
  private static boolean names(Parse p, int noun, String valueDimension) {
    return p.isRaw(noun, Kind.DIMENSION, "primary_diagnosis") && (valueDimension.equals(VocabularyBuilder.DIAGNOSIS_CODE)
        || valueDimension.equals("diagnosis_category"));
  }

  private boolean conditions(Parse p) {
    for (int i = 0; i + 1 < p.size(); i++) {
      if (p.isRaw(i, Kind.GROUP) && p.isRaw(i + 1, Kind.CONDITION, "validation_rules")) {
        // "rows failed per validation rule": by check, over the validation rules
        int start = p.get(i).start();
        p.rewrite(new int[] {i, i + 1}, new Node.Filtered(start, new Filter("validation_rules", Filter.Op.SQL, List.of(),
            model.condition("validation_rules").label())), new Node.Grouped(start, Grouping.of("quality_check",
            model.dimension("quality_check").label()), false, false, "validation rule"));
        return true;
      }
    }
    for (int i = 0; i < p.size(); i++) {
      if (p.isRaw(i, Kind.CONDITION)) {
        String name = p.raw(i).orElseThrow().key();
        p.replace(i, new Node.Filtered(p.get(i).start(), new Filter(name, Filter.Op.SQL, List.of(),
            model.condition(name).label())));
        return true;
      }
    }
    return false;
  }

  /** "submitted in December (by submission date)": the date a period already applies to, named again. */
  private static boolean dateSaidAgain(Parse p) {
    for (int i = 0; i + 1 < p.size(); i++) {
      if (!p.isRaw(i, Kind.GROUP) || !p.isRaw(i + 1, Kind.DATE_FIELD)) {
        continue;
      }
      String column = p.raw(i + 1).orElseThrow().key();
      if (p.nodes.stream().anyMatch(n -> n instanceof Node.Timed t && t.dateColumn().equals(column))) {
        p.rewrite(new int[] {i, i + 1});
        return true;
      }
    }
    return false;
  }

  /** Periods, with the date they apply to ("submitted in March" is submitted_date); "over the last year". */
  private boolean time(Parse p) {
    for (int i = 0; i < p.size(); i++) {
      Optional<Node.Raw> t = p.raw(i).filter(r -> r.is(Kind.TIME));
      if (t.isEmpty()) {
        continue;
      }
      String column = "service_date";
      int from = i;
      if (p.isRaw(i - 1, Kind.DATE_FIELD)) {
        column = p.raw(i - 1).orElseThrow().key();
        from = i - 1;
      } else {
        // "... in December? I mean the submission date": a date named as such, anywhere
        List<Integer> fields = new ArrayList<>();
        long periods = p.nodes.stream().filter(n -> n instanceof Node.Raw r && r.is(Kind.TIME)
            || n instanceof Node.Timed).count();
        for (int k = 0; k < p.size(); k++) {
          if (p.isRaw(k, Kind.DATE_FIELD)) {
            fields.add(k);
          }
        }
        if (fields.size() == 1 && periods == 1 && !p.raw(fields.get(0)).orElseThrow().key().equals("service_date")
            && p.raw(fields.get(0)).orElseThrow().span().text().toLowerCase(java.util.Locale.ROOT).contains("date")) {
          column = p.raw(fields.get(0)).orElseThrow().key();
          int f = fields.get(0);
          p.remove(f);
          if (f < i) {
            i--;
          }
          from = i;
        }
      }
      if (from - 1 >= 0 && p.raw(from - 1).filter(r -> r.is(Kind.COMPARATOR)
          && Set.of("over", "within").contains(r.span().text().toLowerCase(java.util.Locale.ROOT))).isPresent()) {
        from--;
      }
      p.rewrite(NumberRules.range(from, i), new Node.Timed(p.get(from).start(), t.get().span().period().orElseThrow(),
          column, t.get().span().endpoints()));
      return true;
    }
    return false;
  }
}
