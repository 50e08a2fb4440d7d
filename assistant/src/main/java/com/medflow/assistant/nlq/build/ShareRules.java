package com.medflow.assistant.nlq.build;

import com.medflow.assistant.nlq.query.Filter;
import com.medflow.assistant.nlq.query.Measure;
import com.medflow.assistant.nlq.vocab.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Shares: "what percent of claims are pending" (pending among all claims), "share of paid that went to
 * Cardiology", "percentage of denied claims" (the denial rate: denied and approved use the adjudicated
 * denominator unless the question says "of all claims"). A share word with no value ("each payer's share
 * of claims") stays a cue: the share of a total.
 */
final class ShareRules {
  private static final Set<String> STATUS_RATES = Set.of("DENIED", "APPROVED");

  private final FilterRules filters;
  private final Measures measures;

  ShareRules(FilterRules filters, Measures measures) {
    this.filters = filters;
    this.measures = measures;
  }

  private static final Set<String> BE = Set.of("are", "were", "is", "was", "get", "got", "gets", "getting", "be", "been",
      "end", "ended", "came", "come", "go", "went", "have", "has", "had", "carry", "carries", "include", "includes");

  boolean apply(Parse p) {
    return oftenRank(p) || share(p);
  }

  /** "gets its claims approved least often", "denied most frequently": ranked by the status rate. */
  private boolean oftenRank(Parse p) {
    for (int i = 0; i + 1 < p.size(); i++) {
      if (!p.isRaw(i, Kind.RANK) || !p.isRaw(i + 1, Kind.FREQUENCY)) {
        continue;
      }
      String word = p.raw(i + 1).orElseThrow().span().text().toLowerCase(java.util.Locale.ROOT);
      if (!word.contains("often") && !word.contains("frequent")) {
        continue;
      }
      for (int k = 0; k < p.size(); k++) {
        Optional<Node.Raw> v = p.raw(k).filter(r -> r.is(Kind.VALUE, "claim_status") && r.span().term().values().size() == 1);
        if (v.isEmpty()) {
          continue;
        }
        String status = v.get().span().term().value();
        Measure m = status.equals("DENIED") ? measures.metric("denial_rate") : status.equals("APPROVED")
            ? measures.metric("approval_rate") : measures.share(filters.filterFor(v.get().span().term()), null);
        boolean desc = p.raw(i).orElseThrow().key().equals("desc");
        int start = p.get(Math.min(i, k)).start();
        int[] idx = java.util.stream.IntStream.of(i, i + 1, k).sorted().toArray();
        p.rewrite(idx, new Node.Measured(start, m, false, "how often"), new Node.Ranked(start, desc, null, m, word));
        return true;
      }
    }
    return false;
  }

  private boolean share(Parse p) {
    for (int i = 0; i < p.size(); i++) {
      if (!p.isRaw(i, Kind.SHARE)) {
        continue;
      }
      // the base: claims, or an amount ("of paid", "of total billed")
      int base = -1;
      String column = null;
      boolean all = false;
      List<Integer> used = new ArrayList<>(List.of(i));
      for (int k = i + 1; k < p.size() && k <= i + 4; k++) {
        if (p.isRaw(k, Kind.ENTITY, "claims")) {
          base = k;
          break;
        }
        if (p.isRaw(k, Kind.MEASURE) && Set.of("billed_amount", "paid_amount", "allowed_amount")
            .contains(p.raw(k).orElseThrow().key())) {
          base = k;
          column = p.raw(k).orElseThrow().key();
          break;
        }
        if (p.isRaw(k, Kind.AGG, "sum") && k == i + 1) {
          all = true;
          used.add(k);
          continue;
        }
        if (p.isRaw(k, Kind.CONDITION) && p.raw(k).orElseThrow().span().text().toLowerCase(java.util.Locale.ROOT)
            .endsWith("claims")) {
          base = k; // "what share of adjudicated claims": the condition names the claims and stays a scope filter
          break;
        }
        if (p.isRaw(k, Kind.VALUE) && !p.isRaw(k, Kind.VALUE, "claim_status") && p.raw(k).orElseThrow().span().text()
            .toLowerCase(java.util.Locale.ROOT).endsWith(" claims")) {
          base = k; // "what percent of ER claims were denied": the value names the claims and stays a scope filter
          break;
        }
        if (p.isRaw(k, Kind.VALUE, "claim_status") && p.raw(k).orElseThrow().span().text().toLowerCase(java.util.Locale.ROOT)
            .matches(".*(ials|als|ions|eals|nials)$")) {
          base = k; // "what percent of BlueCross denials were ...": the denials are the claims counted, a scope
          break;
        }
        if (p.isRaw(k, Kind.SOURCE, "bronze")) {
          base = k; // "what fraction of raw rows ended up in quarantine"
          break;
        }
        if (!p.isRaw(k, Kind.VALUE) && !p.isRaw(k, Kind.CONDITION) && !p.isRaw(k, Kind.TIME) && !p.isRaw(k, Kind.GROUP)
            && !p.isRaw(k, Kind.DIMENSION)) {
          break;
        }
      }
      if (base < 0) {
        return shareOfEarlierClaims(p, i);
      }
      if (quarantineRate(p, i, base)) {
        return true;
      }
      if (column != null && amountRatio(p, i, base, column, used)) {
        return true;
      }
      boolean conditionBase = p.isRaw(base, Kind.CONDITION) || p.isRaw(base, Kind.VALUE);
      if (!conditionBase) {
        used.add(base);
      }
      all |= words(p, i, base).contains("all") || words(p, i, base).contains("total");
      List<Integer> after = valuesAt(p, base + 1);
      for (int k = base + 1; k < p.size() && after.isEmpty(); k++) {
        if (p.isRaw(k, Kind.VALUE, "claim_status")) {
          after = valuesAt(p, k); // "how often are claims for members 65+ denied": the status is what is counted
        }
      }
      int verb = beVerbAfter(p, base);
      List<Integer> scope = new ArrayList<>();
      for (int k = i + 1; k < base; k++) {
        if (p.isRaw(k, Kind.VALUE)) {
          scope.add(k);
        }
      }
      if (verb >= 0) {
        for (int k = base + 1; k < p.size(); k++) {
          if (p.get(k).start() >= verb && p.get(k) instanceof Node.Filtered f && after.isEmpty()) {
            // "of approved claims had $0 paid": a condition already read after the verb is what is counted
            Measure m = measures.share(f.filter(), column);
            used.add(k);
            int[] idx = used.stream().mapToInt(Integer::intValue).distinct().sorted().toArray();
            p.rewrite(idx, new Node.Measured(p.get(i).start(), m, false, "share"));
            return true;
          }
          if (p.get(k).start() >= verb && p.get(k) instanceof Node.Raw r && (r.is(Kind.MONEY) || r.is(Kind.NUMBER))
              && after.isEmpty()) {
            return false; // the condition after the verb is not read yet ("had $0 paid")
          }
          if (p.get(k).start() >= verb && (p.isRaw(k, Kind.VALUE) || p.isRaw(k, Kind.CONDITION)) && !repeats(p, k, scope)) {
            after = valuesAt(p, k); // "of claims for members 65+ are denied": the value after the verb
            for (int x = base + 1; x < k; x++) {
              if (p.isRaw(x, Kind.VALUE) && repeats(p, x, scope)) {
                used.add(x); // "of denied claims were denied for ...": said again, counted once
              }
            }
            break;
          }
        }
      }
      if (after.isEmpty() && scope.isEmpty()) {
        // "which insurer denied the highest share of claims": the status came before the share word
        for (int k = i - 1; k >= Math.max(0, i - 3); k--) {
          if (p.isRaw(k, Kind.VALUE, "claim_status")) {
            after = new ArrayList<>(List.of(k));
            break;
          }
        }
      }
      List<Integer> before = new ArrayList<>();
      for (int k = i + 1; k < base; k++) {
        if (p.isRaw(k, Kind.VALUE) || p.isRaw(k, Kind.CONDITION)) {
          before.add(k);
        }
      }
      List<Integer> numerator = !after.isEmpty() ? after : before;
      if (numerator.isEmpty()) {
        numerator = namedBefore(p, i); // "virtual visits as a % of all claims"
      }
      if (numerator.isEmpty()) {
        // no value: the share of a total, decided with the grouping
        p.rewrite(new int[] {i}, new Node.Cue(p.get(i).start(), Kind.SHARE, column == null ? "claims" : column));
        return true;
      }
      Optional<Filter> condition = condition(p, numerator);
      if (condition.isEmpty()) {
        return false;
      }
      Filter f = condition.get();
      Measure m;
      if (column == null && !all && f.target().equals("claim_status") && f.op() == Filter.Op.IN && f.values().size() == 1
          && STATUS_RATES.contains(f.values().get(0))) {
        m = measures.metric(f.values().get(0).equals("DENIED") ? "denial_rate" : "approval_rate");
      } else {
        m = measures.share(f, column);
      }
      used.addAll(numerator);
      int[] idx = used.stream().mapToInt(Integer::intValue).distinct().sorted().toArray();
      p.rewrite(idx, new Node.Measured(p.get(i).start(), m, false, "share"));
      return true;
    }
    return false;
  }

  /**
   * "Of the diabetes claims that have been decided, what share were rejected?", "claims get denied at the
   * highest rate": the claims were named before the share word; the status after it (or between) is counted.
   */
  /** "what fraction of billed was paid": the paid-to-billed ratio, a ratio of sums, not a share of the billed. */
  private boolean amountRatio(Parse p, int i, int base, String column, List<Integer> used) {
    if (!p.isRaw(base + 1, Kind.MEASURE)) {
      return false;
    }
    String part = p.raw(base + 1).orElseThrow().key();
    String metric = switch (column + "/" + part) {
      case "billed_amount/paid_amount" -> "paid_to_billed_ratio";
      case "billed_amount/allowed_amount" -> "allowed_to_billed_ratio";
      case "allowed_amount/paid_amount" -> "paid_to_allowed_ratio";
      default -> null;
    };
    if (metric == null) {
      return false;
    }
    List<Integer> idx = new ArrayList<>(used);
    idx.add(base);
    idx.add(base + 1);
    int[] sorted = idx.stream().mapToInt(Integer::intValue).distinct().sorted().toArray();
    p.rewrite(sorted, new Node.Measured(p.get(i).start(), measures.metric(metric), false, "share"));
    return true;
  }

  private boolean shareOfEarlierClaims(Parse p, int i) {
    int base = -1;
    for (int k = i - 1; k >= 0; k--) {
      if (p.isRaw(k, Kind.ENTITY, "claims") || p.isRaw(k, Kind.CONDITION)
          && p.raw(k).orElseThrow().span().text().toLowerCase(java.util.Locale.ROOT).endsWith("claims")) {
        base = k;
        break;
      }
    }
    if (base < 0) {
      return false;
    }
    // the status after the claims ("claims ... denied, in percent"), else before them ("which payer denies the
    // most claims as a percentage": the denial rate, never the payers' shares of all denials)
    List<Integer> order = new ArrayList<>();
    for (int k = base + 1; k < p.size(); k++) {
      order.add(k);
    }
    for (int k = base - 2; k >= 0; k--) {
      order.add(k); // not the status right before the claims: "of all denied claims, what percent were Aetna's"
    }
    boolean all = allBefore(p, base);
    for (int k : order) {
      Optional<Node.Raw> v = p.raw(k).filter(r -> r.is(Kind.VALUE, "claim_status") && r.span().term().values().size() == 1);
      if (v.isPresent() && k != i) {
        String status = v.get().span().term().value();
        Measure m = STATUS_RATES.contains(status) && !all
            ? measures.metric(status.equals("DENIED") ? "denial_rate" : "approval_rate")
            : measures.share(filters.filterFor(v.get().span().term()), null);
        int[] idx = p.isRaw(base, Kind.ENTITY) ? java.util.stream.IntStream.of(base, i, k).sorted().toArray()
            : java.util.stream.IntStream.of(i, k).sorted().toArray();
        p.rewrite(idx, new Node.Measured(p.get(idx[0]).start(), m, false, "share"));
        return true;
      }
    }
    return false;
  }

  /** The values right before "as a share of" ("telehealth or ER as a % of claims"), or none. */
  private static List<Integer> namedBefore(Parse p, int i) {
    if (i == 0 || !p.isRaw(i - 1, Kind.VALUE) || p.isRaw(i - 1, Kind.VALUE, "claim_status")) {
      return List.of();
    }
    List<String> between = p.wordsBetween(p.raw(i - 1).orElseThrow().span().end(), p.raw(i).orElseThrow().span().start());
    if (!between.contains("as") || !Set.of("as", "a", "an").containsAll(between)) {
      return List.of();
    }
    int k = i - 1;
    while (k >= 2 && p.isRaw(k - 1, Kind.OR) && p.isRaw(k - 2, Kind.VALUE)) {
      k -= 2;
    }
    List<Integer> values = valuesAt(p, k);
    return values.contains(i - 1) ? values : List.of();
  }

  /**
   * Whether "all" comes right before the claims, over the values that narrow them ("of all UHC claims in 2024,
   * what share were denied"): the share of every claim, pending ones too, not the adjudicated rate.
   */
  private static boolean allBefore(Parse p, int base) {
    int from = base;
    while (from > 0 && (p.isRaw(from - 1, Kind.VALUE) || p.isRaw(from - 1, Kind.TIME))) {
      from--;
    }
    int start = from == 0 ? 0 : p.raw(from - 1).map(r -> r.span().end()).orElse(p.get(from).start());
    for (int k = from; k <= base; k++) {
      int end = p.raw(k).orElseThrow().span().start();
      if (p.wordsBetween(start, end).contains("all")) {
        return true;
      }
      start = p.raw(k).orElseThrow().span().end();
    }
    return false;
  }

  /**
   * "what percent of each payer's rows got quarantined", "what fraction of raw rows ended up in quarantine":
   * the quarantine rate (quarantined / bronze rows).
   */
  private boolean quarantineRate(Parse p, int i, int base) {
    boolean rows = p.isRaw(base, Kind.ENTITY, "claims") || p.isRaw(base, Kind.SOURCE, "bronze");
    if (!rows) {
      return false;
    }
    for (int k = base + 1; k < p.size(); k++) {
      if (p.isRaw(k, Kind.SOURCE, "quarantine")) {
        int[] idx = java.util.stream.IntStream.of(i, base, k).sorted().toArray();
        p.rewrite(idx, new Node.Measured(p.get(i).start(), measures.metric("quarantine_rate"), false, "quarantined share"));
        return true;
      }
      if (p.isRaw(k, Kind.VALUE) || p.isRaw(k, Kind.CONDITION) || p.isRaw(k, Kind.ENTITY)) {
        return false;
      }
    }
    return false;
  }

  /** The token index of "are"/"were"/"get" after the base noun, or -1. */
  private static int beVerbAfter(Parse p, int base) {
    for (int t = p.raw(base).orElseThrow().span().end(); t < p.tokens.size(); t++) {
      if (BE.contains(p.tokens.get(t).text())) {
        return t;
      }
    }
    return -1;
  }

  /** Whether the value at {@code k} says again a value of the scope ("of denied claims were denied for X"). */
  private static boolean repeats(Parse p, int k, List<Integer> scope) {
    var t = p.raw(k).orElseThrow().span().term();
    return scope.stream().anyMatch(x -> p.raw(x).orElseThrow().span().term().equals(t));
  }

  private static List<String> words(Parse p, int from, int to) {
    return p.wordsBetween(p.raw(from).orElseThrow().span().end(), p.raw(to).orElseThrow().span().start());
  }

  /** Values (of one dimension, with "or" between) or one condition starting at {@code k}. */
  private static List<Integer> valuesAt(Parse p, int k) {
    List<Integer> out = new ArrayList<>();
    if (p.isRaw(k, Kind.WITH) && (p.isRaw(k + 1, Kind.CONDITION) || p.isRaw(k + 1, Kind.VALUE))) {
      out.add(k); // "claims that have no secondary diagnosis": "that have" goes with the condition
      out.addAll(valuesAt(p, k + 1));
      return out;
    }
    if (p.isRaw(k, Kind.CONDITION)) {
      out.add(k);
      return out;
    }
    String dim = null;
    while (p.isRaw(k, Kind.VALUE) && (dim == null || p.raw(k).orElseThrow().key().equals(dim))) {
      dim = p.raw(k).orElseThrow().key();
      out.add(k);
      if (p.isRaw(k + 1, Kind.OR) && p.isRaw(k + 2, Kind.VALUE)) {
        out.add(k + 1);
        k += 2;
      } else {
        break;
      }
    }
    return out;
  }

  private Optional<Filter> condition(Parse p, List<Integer> idx) {
    List<String> values = new ArrayList<>();
    String dim = null;
    List<String> labels = new ArrayList<>();
    List<Integer> content = idx.stream().filter(k -> !p.isRaw(k, Kind.WITH)).toList();
    for (int k : content) {
      Node.Raw r = p.raw(k).orElseThrow();
      if (r.is(Kind.CONDITION)) {
        if (content.size() > 1) {
          return Optional.empty();
        }
        String name = r.key();
        return Optional.of(new Filter(name, Filter.Op.SQL, List.of(), measures.model().condition(name).label()));
      }
      if (r.is(Kind.VALUE)) {
        if (dim != null && !dim.equals(r.key())) {
          return Optional.empty();
        }
        dim = r.key();
        values.addAll(r.span().term().values());
        labels.add(r.span().term().label());
      }
    }
    if (dim == null) {
      return Optional.empty();
    }
    return Optional.of(filters.filterFor(com.medflow.assistant.nlq.vocab.Term.value(dim, values,
        String.join(" or ", labels))));
  }
}
