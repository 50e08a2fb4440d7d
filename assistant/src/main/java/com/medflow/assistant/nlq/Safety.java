package com.medflow.assistant.nlq;

import com.medflow.assistant.nlq.text.Token;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Questions that are not questions: SQL or instructions to the system (refused), requests to change
 * data (refused), and requests for medical advice (declined). Checked before anything is read.
 */
final class Safety {
  private static final Pattern SQL_TEXT = Pattern.compile(
      "(?is)^\\s*(select|with|insert|update|delete|drop|create|alter|merge|call|set|grant|revoke|truncate|exec)\\b.*");
  private static final Pattern INJECTION = Pattern.compile("(?i)(ignore|disregard|forget|override|bypass)\\s+(all\\s+|any\\s+"
      + "|the\\s+|your\\s+|previous\\s+|prior\\s+|above\\s+|earlier\\s+)*(instructions|rules|prompt|guard|guards|restrictions"
      + "|constraints|policies|policy|filters|safety)|system\\s+prompt|jailbreak|you\\s+are\\s+now|act\\s+as\\s+(an?\\s+)?"
      + "(admin|dba|root|superuser)|sql\\s+injection|\\bexec(ute)?\\b|;\\s*--|\\bunion\\s+select\\b|\\b(my|the)\\s+role\\b"
      + "|\\bpassword|\\bsecret|\\bapi\\s+key|\\btoken\\b|\\bcredential|developer\\s+mode|\\bsudo\\b|\\bpretend\\b");
  private static final Pattern MEDICAL_ADVICE = Pattern.compile("(?i)\\b(dose|dosage|should\\s+i\\s+take|prescribe|treat\\s+my|"
      + "diagnose\\s+me|my\\s+symptoms|cure\\s+for|medical\\s+advice|should\\s+i\\s+see\\s+a\\s+doctor|is\\s+it\\s+safe\\s+to)\\b");
  private static final Set<String> DESTRUCTIVE = Set.of("delete", "drop", "truncate", "insert", "alter", "grant", "revoke",
      "purge", "wipe", "erase", "destroy", "overwrite", "upsert");
  private static final Set<String> MODIFY = Set.of("update", "set", "modify", "edit", "remove", "create", "add",
      "rename", "replace", "mark", "approve", "deny", "reject", "write", "save", "store", "load", "import", "reset",
      "reprocess", "resubmit", "void");
  private static final Set<String> ADD_LIKE = Set.of("add", "remove", "create", "save", "store", "load", "import", "write");
  private static final Set<String> RECORD_OBJECTS = Set.of("claim", "record", "records", "row", "rows", "user", "users",
      "table", "tables", "data", "column", "columns", "role", "roles", "database", "entry", "entries", "patient", "member",
      "provider", "account", "accounts");
  private static final Set<String> DATA_OBJECTS = Set.of("claim", "claims", "table", "tables", "record", "records", "row",
      "rows", "status", "statuses", "role", "roles", "database", "data", "user", "users", "password", "passwords",
      "amount", "amounts", "value", "values", "column", "columns", "permission", "permissions", "admin", "everything",
      "them", "it", "all", "these", "those", "member", "members", "patient", "patients", "provider", "providers",
      "account", "accounts", "access");

  private Safety() {}

  /** Why the question is refused, if it is. */
  static Optional<String> refusal(String question, List<Token> tokens) {
    if (SQL_TEXT.matcher(question).matches() || INJECTION.matcher(question).find()) {
      return Optional.of("This looks like an instruction or SQL rather than a question about claims; only read-only"
          + " questions are answered, and nothing was run.");
    }
    for (int i = 0; i < tokens.size(); i++) {
      String w = tokens.get(i).text();
      if (DESTRUCTIVE.contains(w) && (i <= 2 || near(tokens, i, DATA_OBJECTS, 4))
          && !(w.equals("drop") && i > 0 && Set.of("the", "a", "biggest", "largest", "big", "sharpest", "any", "no")
          .contains(tokens.get(i - 1).text()))) {
        return Optional.of("Requests to " + w + " data are refused: MedFlow only reads claims data. Nothing was changed.");
      }
      if (MODIFY.contains(w) && i <= 3 && near(tokens, i, ADD_LIKE.contains(w) ? RECORD_OBJECTS : DATA_OBJECTS, 6)) {
        return Optional.of("Requests to " + w + " data are refused: MedFlow only reads claims data. Nothing was changed.");
      }
    }
    return Optional.empty();
  }

  static boolean medicalAdvice(String question) {
    return MEDICAL_ADVICE.matcher(question).find();
  }

  private static boolean near(List<Token> t, int i, Set<String> words, int distance) {
    for (int k = i + 1; k < t.size() && k <= i + distance; k++) {
      if (words.contains(t.get(k).text())) {
        return true;
      }
    }
    return false;
  }
}
