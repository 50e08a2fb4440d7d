package com.medflow.assistant.eval;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Execution accuracy: an answer is right when its rows equal the gold query's rows. Numbers are
 * compared rounded (4 decimals when |x| < 1, else 2); column order may differ, but each gold column
 * must equal a distinct answer column; row order counts only when the gold query orders its rows.
 */
public final class ResultComparator {
  private ResultComparator() {}

  public static String normalize(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof Number n) {
      BigDecimal d = n instanceof BigDecimal b ? b : new BigDecimal(n.toString());
      int scale = d.abs().compareTo(BigDecimal.ONE) < 0 ? 4 : 2;
      String s = d.setScale(scale, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
      return s.equals("-0") ? "0" : s;
    }
    return String.valueOf(v);
  }

  public static boolean equal(List<List<Object>> gold, List<List<Object>> answer, boolean ordered) {
    if (gold.size() != answer.size()) {
      return false;
    }
    if (gold.isEmpty()) {
      return true;
    }
    int gc = gold.get(0).size();
    int ac = answer.get(0).size();
    if (ac < gc) {
      return false;
    }
    List<List<String>> g = norm(gold);
    List<List<String>> a = norm(answer);
    List<List<Integer>> candidates = new ArrayList<>();
    for (int j = 0; j < gc; j++) {
      List<Integer> c = new ArrayList<>();
      for (int k = 0; k < ac; k++) {
        if (ordered ? column(g, j).equals(column(a, k)) : multiset(column(g, j)).equals(multiset(column(a, k)))) {
          c.add(k);
        }
      }
      if (c.isEmpty()) {
        return false;
      }
      candidates.add(c);
    }
    return assign(g, a, candidates, 0, new int[gc], new boolean[ac], ordered);
  }

  private static boolean assign(List<List<String>> g, List<List<String>> a, List<List<Integer>> candidates, int j,
                                int[] mapping, boolean[] used, boolean ordered) {
    if (j == candidates.size()) {
      return ordered || rowsMatch(g, a, mapping);
    }
    for (int k : candidates.get(j)) {
      if (!used[k]) {
        used[k] = true;
        mapping[j] = k;
        if (assign(g, a, candidates, j + 1, mapping, used, ordered)) {
          return true;
        }
        used[k] = false;
      }
    }
    return false;
  }

  private static boolean rowsMatch(List<List<String>> g, List<List<String>> a, int[] mapping) {
    Map<List<String>, Integer> counts = new HashMap<>();
    for (List<String> row : g) {
      counts.merge(row, 1, Integer::sum);
    }
    for (List<String> row : a) {
      List<String> projected = new ArrayList<>(mapping.length);
      for (int k : mapping) {
        projected.add(row.get(k));
      }
      Integer n = counts.get(projected);
      if (n == null || n == 0) {
        return false;
      }
      counts.put(projected, n - 1);
    }
    return true;
  }

  private static List<List<String>> norm(List<List<Object>> rows) {
    List<List<String>> out = new ArrayList<>(rows.size());
    for (List<Object> r : rows) {
      List<String> n = new ArrayList<>(r.size());
      r.forEach(v -> n.add(normalize(v)));
      out.add(n);
    }
    return out;
  }

  private static List<String> column(List<List<String>> rows, int j) {
    List<String> out = new ArrayList<>(rows.size());
    rows.forEach(r -> out.add(r.get(j)));
    return out;
  }

  private static Map<String, Integer> multiset(List<String> values) {
    Map<String, Integer> m = new HashMap<>();
    values.forEach(v -> m.merge(v, 1, Integer::sum));
    return m;
  }
}
