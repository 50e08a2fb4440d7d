package com.medflow.assistant.nlq;

import java.util.Set;

/** Word lists the parser uses: filler, grouping cues, ordering words, follow-up starts. */
final class Words {
  private Words() {}

  /** Words that carry no meaning for the query. */
  static final Set<String> FILLER = Set.copyOf(java.util.List.of("a", "an", "the", "of", "for", "in", "on", "at", "to", "with", "and", "or",
      "our", "my", "we", "us", "me", "i", "you", "your", "show", "give", "tell", "list", "display", "get", "find", "see",
      "please", "can", "could", "would", "will", "should", "what", "whats", "what's", "which", "who", "whose", "how",
      "is", "are", "was", "were", "be", "been", "being", "do", "does", "did", "have", "has", "had", "there", "theres",
      "that", "these", "those", "it", "its", "they", "their", "them", "this", "all", "any", "some", "overall", "total",
      "across", "between", "from", "during", "within", "about", "as", "than", "then", "so", "far", "by", "per", "each",
      "every", "from", "into", "out", "up", "down", "broken", "break", "breakdown", "split", "grouped", "group",
      "grouping", "wise", "claim", "claims", "data", "number", "numbers", "amount", "amounts", "value", "values",
      "rate", "rates", "figure", "figures", "stats", "statistics", "metrics", "report", "summary", "summarize",
      "look", "like", "looks", "looking", "compare", "compared", "comparison", "versus", "vs", "against", "among",
      "top", "bottom", "most", "highest", "largest", "biggest", "greatest", "max", "maximum", "lowest", "least",
      "fewest", "smallest", "minimum", "min", "best", "worst", "ranked", "rank", "ranking", "order", "ordered", "sort",
      "sorted", "descending", "ascending", "only", "just", "also", "now", "instead", "same", "again", "but", "ok",
      "okay", "thanks", "thank", "hi", "hello", "hey", "currently", "current", "right", "today", "so", "far", "ever",
      "where", "when", "why", "whom", "much", "many", "lot", "lots", "more", "less", "fewer", "over", "under", "above",
      "below", "before", "after", "since", "through", "until", "both", "either", "respectively", "separately",
      "recorded", "submitted", "filed", "billed", "processed", "received", "made", "had", "seen", "treated",
      "having", "getting", "got", "see", "want", "know", "need", "interested", "curious", "wondering", "quick",
      "question", "questions", "info", "information", "details", "detail", "kind", "type", "types", "sort", "level",
      "levels", "different", "various", "individual", "specific", "particular", "category", "group", "groups",
      "relate", "related", "associated", "involving", "involve", "tied", "linked", "coded", "billed", "charged",
      "paid", "patient", "patients", "member", "members", "people", "person", "visits", "visit", "encounters",
      "encounter", "services", "service", "one", "ones", "year", "years", "month", "months", "quarter", "quarters",
      "day", "days", "week", "weeks", "time", "period", "periods", "date", "dates", "monthly", "quarterly", "yearly",
      "average", "avg", "mean", "sum", "count", "counts", "percentage", "percent", "share", "proportion", "ratio",
      "yes", "within", "via", "through", "handled", "go", "goes", "went", "come", "comes", "came", "end",
      "ended", "up", "result", "results", "resulted", "status", "statuses", "across", "everything", "everyone",
      "healthcare", "insurance", "medical", "health", "company", "companies", "business", "organization", "org",
      "portfolio", "book", "network", "system", "dataset", "table", "tables", "database", "plan", "plans"));

  /** More filler: words that qualify without changing what is measured. */
  static final Set<String> MORE_FILLER = Set.copyOf(java.util.List.of("still", "altogether", "combined", "together",
      "onward", "onwards", "living", "live", "lives", "located", "based", "residing", "get", "gets", "got", "getting",
      "ended", "ending", "make", "makes", "reach", "reached", "reaching", "saw", "seen", "shows", "showing", "shown",
      "came", "changed", "change", "changes", "trended", "distribution", "distributions", "too", "code", "codes",
      "combination", "combinations", "kind", "kinds", "whos", "who", "ones", "high", "dollar", "dollars", "primary",
      "step", "steps", "higher", "lower", "common", "commonly", "frequent", "frequently",
      "popular", "prevalent", "usual", "usually", "typical", "typically", "individual", "different", "distinct",
      "unique", "open", "counted", "happen", "happened", "occur", "occurred", "submit", "take", "takes", "took",
      "taking", "spent", "received", "receive", "receives", "ended", "turn", "turned", "categories", "group", "bucket",
      "buckets", "bands", "band", "value", "values", "list", "view", "pull", "fetch", "way", "ways", "respective",
      "along", "alongside", "side", "next", "current", "cumulative", "running", "sum", "totals", "amounts",
      "compare", "comparing", "mix", "split", "rank", "ranking", "leaderboard", "performing", "performers",
      "approximately", "roughly", "exactly", "precisely", "our", "ours", "we", "have", "having", "go", "through",
      "likely", "likelihood", "chance", "odds", "often", "ratio", "far", "fraction", "add", "adding", "costly"));

  /** Words that rank by how often something happens ("most common", "most frequently"). */
  static final Set<String> FREQUENCY = Set.copyOf(java.util.List.of("common", "commonly", "frequent", "frequently",
      "often", "popular", "prevalent", "usual"));

  static final Set<String> ADD_LIKE = Set.copyOf(java.util.List.of("add", "remove", "include", "create", "save",
      "store", "load", "import", "write"));

  static final Set<String> RECORD_OBJECTS = Set.copyOf(java.util.List.of("claim", "record", "records", "row", "rows",
      "user", "users", "table", "tables", "data", "column", "columns", "role", "roles", "database", "entry", "entries",
      "patient", "member", "provider"));

  static final Set<String> GROUP_CUES = Set.copyOf(java.util.List.of("by", "per", "each", "every", "across", "breakdown", "broken", "split",
      "grouped", "group", "among", "wise", "between"));

  static final Set<String> ASK_WHICH = Set.copyOf(java.util.List.of("which", "what", "whats", "who"));

  static final Set<String> DESC = Set.copyOf(java.util.List.of("top", "most", "highest", "largest", "biggest", "greatest", "max", "maximum",
      "worst", "leading", "heaviest", "costliest", "priciest"));

  static final Set<String> ASC = Set.copyOf(java.util.List.of("bottom", "lowest", "least", "fewest", "smallest", "minimum", "min", "best",
      "cheapest", "lightest"));

  static final Set<String> COMPARE = Set.copyOf(java.util.List.of("compare", "compared", "comparison", "versus", "vs", "against"));

  static final Set<String> FOLLOW_UP_START = Set.copyOf(java.util.List.of("and", "what", "how", "only", "just", "now", "same", "also",
      "add", "include", "plus",
      "instead", "break", "split", "but", "then", "ok", "okay", "for", "in", "with", "without", "excluding", "limit",
      "show", "by", "top", "include"));

  /** Words that change data or try to steer the system: the question is refused, nothing runs. */
  static final Set<String> DESTRUCTIVE = Set.copyOf(java.util.List.of("delete", "drop", "truncate", "insert", "alter", "grant", "revoke",
      "purge", "wipe", "erase", "destroy", "overwrite", "upsert"));

  static final Set<String> MODIFY = Set.copyOf(java.util.List.of("update", "change", "set", "modify", "edit", "remove", "create", "add",
      "rename", "replace", "mark", "approve", "deny", "reject", "write", "save", "store", "load", "import"));

  static final Set<String> DATA_OBJECTS = Set.copyOf(java.util.List.of("claim", "claims", "table", "tables", "record", "records", "row",
      "rows", "status", "statuses", "role", "roles", "database", "data", "user", "users", "password", "passwords",
      "amount", "amounts", "value", "values", "column", "columns", "permission", "permissions", "admin", "everything",
      "them", "it", "all", "these", "those", "member", "members", "patient", "patients", "provider", "providers"));
}
