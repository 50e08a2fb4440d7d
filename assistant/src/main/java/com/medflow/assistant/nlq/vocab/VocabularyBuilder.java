package com.medflow.assistant.nlq.vocab;

import com.medflow.assistant.nlq.DataFacts;
import com.medflow.assistant.semantic.ModelParts;
import com.medflow.assistant.semantic.SemanticModel;
import com.medflow.model.codes.CarcCodes;
import com.medflow.model.codes.Hcpcs;
import com.medflow.model.codes.UsStates;
import java.util.List;
import java.util.Optional;

/**
 * Builds the {@link Vocabulary}: the language file's words, then every word of the semantic model
 * (metrics, measures, entities, dimensions and their values, diagnoses, grains, date fields,
 * conditions, sources, quality codes, the funnel), then the values in the data: payers, categories,
 * specialties and provider names as written, state names for the states with members, and the CARC
 * descriptions of the denial codes that occur.
 */
public final class VocabularyBuilder {
  /** The pseudo-dimension of diagnosis-code conditions (filter by prefix on a diagnosis column). */
  public static final String DIAGNOSIS_CODE = "diagnosis_code";
  /** A business's legal form at the end of its name: ", PC", " PLLC", ", Inc.". */
  private static final java.util.regex.Pattern LEGAL_FORM = java.util.regex.Pattern.compile(
      "(?i)[,\\s]+(p\\.?c\\.?|p\\.?a\\.?|p\\.?l\\.?l\\.?c\\.?|l\\.?l\\.?c\\.?|l\\.?l\\.?p\\.?|inc\\.?|ltd\\.?|corp\\.?)$");


  private VocabularyBuilder() {}

  public static Vocabulary build(SemanticModel model, Language language, DataFacts facts, Hcpcs hcpcs) {
    Vocabulary v = new Vocabulary();
    language.addTo(v);
    for (ModelParts.Metric m : model.metrics().values()) {
      Term t = Term.of(Kind.METRIC, m.name(), m.label());
      if (!m.synonyms().isEmpty()) {
        v.addWithNumber(m.label(), t); // metrics without words of their own are used by the engine, not asked for
      }
      m.synonyms().forEach(s -> v.addWithNumber(s, t));
    }
    for (ModelParts.MeasureColumn m : model.measures().values()) {
      Term t = Term.of(Kind.MEASURE, m.column(), m.label());
      v.addWithNumber(m.label(), t);
      m.synonyms().forEach(s -> v.addWithNumber(s, t));
    }
    for (ModelParts.Entity e : model.entities().values()) {
      Term t = Term.of(Kind.ENTITY, e.name(), e.label());
      e.synonyms().forEach(s -> v.addWithNumber(s, t));
    }
    for (ModelParts.Dimension d : model.dimensions().values()) {
      Term t = Term.of(Kind.DIMENSION, d.name(), d.label());
      v.add(d.label(), t);
      d.synonyms().forEach(s -> v.addWithNumber(s, t));
      d.valueSynonyms().forEach((value, words) -> {
        Term vt = Term.value(d.name(), List.of(value), valueLabel(d, value));
        if (!value.matches("\\d+")) {
          v.add(value, vt); // a bare number is a number; codes are read by CodeReader or after their noun ("CARC 50")
        }
        words.forEach(w -> v.addWithNumber(w, vt));
      });
      d.valueGroups().forEach((words, values) -> v.addWithNumber(words, Term.value(d.name(), values, words)));
    }
    model.diagnoses().forEach((words, codes) -> v.add(words, Term.value(DIAGNOSIS_CODE, codes, words)));
    model.grains().values().forEach(g -> {
      g.synonyms().forEach(s -> v.add(s, Term.of(Kind.GRAIN, g.name(), "by " + g.name())));
      for (String bare : List.of(g.name(), g.name() + "s", "service " + g.name(), "calendar " + g.name())) {
        v.add(bare, Term.of(Kind.GRAIN, g.name(), g.name())); // named without a cue: "which month", "each service year"
      }
    });
    model.trendWords().forEach(s -> v.add(s, Term.of(Kind.TREND, "month", "over time")));
    model.dateFields().forEach((column, words) -> words.forEach(w -> v.addWithNumber(w, Term.of(Kind.DATE_FIELD, column, w))));
    for (ModelParts.Condition c : model.conditions().values()) {
      Term t = Term.of(Kind.CONDITION, c.name(), c.label());
      c.synonyms().forEach(s -> v.addWithNumber(s, t));
    }
    for (ModelParts.Source s : model.sources().values()) {
      Term t = Term.of(Kind.SOURCE, s.name(), s.label());
      s.synonyms().forEach(w -> v.addWithNumber(w, t));
    }
    model.quality().reasons().forEach((code, words) -> {
      Term t = Term.value("quality_reason", List.of(code), code);
      v.add(code.replace('_', ' '), t);
      words.forEach(w -> v.addWithNumber(w, t));
    });
    model.quality().warnings().forEach((code, words) -> {
      Term t = Term.value("quality_check", List.of(code), code);
      v.add(code.replace('_', ' '), t);
      words.forEach(w -> v.addWithNumber(w, t));
    });
    for (String w : model.quality().ambiguousDuplicates()) {
      v.add(w, Term.value("quality_reason", List.of("DUPLICATE_CLAIM_ID"), "duplicate claim rows (quarantined)"));
      v.add(w, Term.value("denial_reason", List.of("18"), "denials as duplicates (CARC 18)"));
    }
    language.tableWords().forEach(w -> v.add(w, Term.of(Kind.LIST, "table", w)));
    // "reimbursement rate" is paid over billed, or paid over allowed: asked back
    for (String metric : List.of("paid_to_billed_ratio", "paid_to_allowed_ratio")) {
      for (String w : List.of("reimbursement rate", "reimbursement rates", "reimbursement ratio", "payment rate")) {
        v.add(w, Term.of(Kind.METRIC, metric, model.metric(metric).label()));
      }
    }
    // "rejected rows" are quarantined rows; "rejected claims" denied ones: both readings are tried
    v.add("rejected", Term.of(Kind.SOURCE, "quarantine", "quarantined rows"));
    language.amountAdjectives().forEach(w -> v.add(w, Term.of(Kind.LIST, "amount_adjective", w)));
    for (String column : List.of("billed_amount", "allowed_amount", "paid_amount")) {
      // "cost" is the billed, allowed or paid amount: the question must say which (asked back as a clarification)
      for (String w : List.of("cost", "costs", "cost us", "costed")) {
        v.add(w, Term.of(Kind.MEASURE, column, model.measure(column).orElseThrow().label()));
      }
    }
    model.funnel().synonyms().forEach(s -> v.add(s, Term.of(Kind.FUNNEL, "funnel", "the approval funnel")));
    dataValues(model, facts, v, hcpcs);
    return v;
  }

  private static void dataValues(SemanticModel model, DataFacts facts, Vocabulary v, Hcpcs hcpcs) {
    for (ModelParts.Dimension d : model.dimensions().values()) {
      if (!d.valuesFromData()) {
        continue;
      }
      switch (d.name()) {
        case "member_state" -> facts.values("member_state").forEach(code -> {
          UsStates.name(code).ifPresent(n -> v.add(n, Term.value(d.name(), List.of(code), n + " (" + code + ")")));
          if (code.equals("DC")) {
            for (String w : List.of("washington dc", "washington d c", "d c", "dc", "the district")) {
              v.add(w, Term.value(d.name(), List.of(code), "District of Columbia (DC)"));
            }
          }
        });
        case "denial_reason" -> facts.values("denial_reason_code").forEach(code -> CarcCodes.description(code)
            .ifPresent(text -> v.add(text, Term.value(d.name(), List.of(code), text + " (CARC " + code + ")"))));
        case "procedure_code" -> drugs(facts, hcpcs).forEach((drug, codes) -> {
          Term t = Term.value(d.name(), codes, drug + " injection (HCPCS " + String.join(", ", codes) + ")");
          for (String w : List.of(drug, drug + " injection", "injection of " + drug, "injections of " + drug)) {
            v.addWithNumber(w, t); // codes are read by CodeReader; drugs by their HCPCS names
          }
        });
        case "place_of_service" -> { } // codes are read by CodeReader; names by value_synonyms
        case "provider" -> {
          List<String> names = facts.values(d.name());
          values(d, names, v);
          // "Lakeside Family Medicine" for "Lakeside Family Medicine, PC": the name without its legal form, when no
          // other provider shares it
          java.util.Map<String, List<String>> bare = new java.util.HashMap<>();
          names.forEach(value -> withoutLegalForm(value).ifPresent(b ->
              bare.computeIfAbsent(b, k -> new java.util.ArrayList<>()).add(value)));
          bare.forEach((b, values) -> {
            if (values.size() == 1 && !names.contains(b)) {
              v.add(b, Term.value(d.name(), values, valueLabel(d, values.get(0))));
            }
          });
        }
        default -> values(d, facts.values(d.name()), v);
      }
    }
  }

  private static void values(ModelParts.Dimension d, List<String> values, Vocabulary v) {
    values.forEach(value -> v.add(value, Term.value(d.name(), List.of(value), valueLabel(d, value))));
  }

  /** A business name without its legal form ("Riverside Primary Care, PA" is "Riverside Primary Care"). */
  static Optional<String> withoutLegalForm(String name) {
    java.util.regex.Matcher m = LEGAL_FORM.matcher(name);
    return m.find() && m.start() > 0 ? Optional.of(name.substring(0, m.start()).trim()) : Optional.empty();
  }

  /** How a value of {@code d} is said back in answers: "place of service 23", "denial reason CARC 50 (...)". */
  public static String valueLabel(ModelParts.Dimension d, String value) {
    return switch (d.name()) {
      case "place_of_service" -> "place of service " + value;
      case "denial_reason" -> "denial reason CARC " + value + CarcCodes.description(value).map(x -> " (" + x + ")").orElse("");
      case "claim_status" -> value.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
      case "patient_gender" -> value.equals("F") ? "women" : value.equals("M") ? "men" : "unknown gender";
      default -> value;
    };
  }

  /**
   * The drugs of the injection codes in the data, by name: HCPCS "Injection, pembrolizumab, 1 mg" (J9271) is
   * "pembrolizumab"; a drug with several codes (doses) names them all.
   */
  private static java.util.Map<String, List<String>> drugs(DataFacts facts, Hcpcs hcpcs) {
    java.util.Map<String, List<String>> out = new java.util.TreeMap<>();
    java.util.regex.Pattern injection = java.util.regex.Pattern.compile("(?i)^injection,\\s*([a-z][a-z -]*[a-z])\\s*,");
    for (String code : facts.values("procedure_code")) {
      hcpcs.longDescription(code).map(injection::matcher).filter(java.util.regex.Matcher::find).ifPresent(m ->
          out.computeIfAbsent(m.group(1).toLowerCase(java.util.Locale.ROOT), k -> new java.util.ArrayList<>()).add(code));
    }
    out.values().forEach(java.util.Collections::sort);
    return out;
  }
}
