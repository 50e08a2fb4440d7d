package com.medflow.assistant.nlq.vocab;

import com.medflow.assistant.nlq.DataFacts;
import com.medflow.assistant.nlq.text.Token;
import com.medflow.model.codes.Icd10Cm;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a token as a code the data uses: a procedure code (CPT/HCPCS) that occurs, an NPI that occurs,
 * an ICD-10-CM code or category of the shipped code set, or a two-letter state code typed in capitals
 * for a state with members.
 */
public final class CodeReader implements Function<Token, List<Term>> {
  private final Set<String> procedures;
  private final Set<String> npis;
  private final Set<String> states;
  private final Icd10Cm icd10;

  public CodeReader(DataFacts facts, Icd10Cm icd10) {
    this.procedures = new HashSet<>(facts.values("procedure_code"));
    this.npis = new HashSet<>(facts.values("provider_npi"));
    this.states = new HashSet<>(facts.values("member_state"));
    this.icd10 = icd10;
  }

  @Override
  public List<Term> apply(Token t) {
    String o = t.original();
    String up = o.toUpperCase(Locale.ROOT);
    if (procedures.contains(up) && (t.isInteger() && o.length() == 5 || !t.isNumber() && up.matches("[A-Z0-9]{5}"))) {
      return List.of(Term.value("procedure_code", List.of(up), "procedure " + up));
    }
    if (t.isInteger() && o.length() == 10 && npis.contains(o)) {
      return List.of(Term.value("provider_npi", List.of(o), "provider NPI " + o));
    }
    if (!t.isNumber() && up.matches("[A-Z][0-9][0-9A-Z](\\.[0-9A-Z]{1,4}|[0-9A-Z]{1,4})?") && !up.matches("Q[1-4]|H[12]")
        && icd10.isValid(up.contains(".") || up.length() == 3 ? up : Icd10Cm.format(up))) {
      String code = Icd10Cm.format(Icd10Cm.normalize(up));
      return List.of(Term.value(VocabularyBuilder.DIAGNOSIS_CODE, List.of(code), "ICD-10-CM " + code));
    }
    if (o.length() == 2 && o.equals(up) && states.contains(up) && !t.isNumber()) {
      return List.of(Term.value("member_state", List.of(up), up));
    }
    return List.of();
  }
}
