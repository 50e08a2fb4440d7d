package com.medflow.pipeline.bronze.x12;

import java.util.ArrayList;
import java.util.List;

/**
 * One segment as read: its tag, its 1-based position in the file and its elements, each a list of
 * repetitions, each a list of components (one for a simple element).
 */
final class X12Segment {
  final String tag;
  final long position;
  private final List<List<List<String>>> elements = new ArrayList<>();

  X12Segment(String tag, long position) {
    this.tag = tag;
    this.position = position;
  }

  void add(int element, int occurrence, int component, String value) {
    while (elements.size() < element) {
      elements.add(new ArrayList<>());
    }
    List<List<String>> reps = elements.get(element - 1);
    while (reps.size() < Math.max(1, occurrence)) {
      reps.add(new ArrayList<>());
    }
    List<String> comps = reps.get(Math.max(1, occurrence) - 1);
    int c = Math.max(1, component);
    while (comps.size() < c) {
      comps.add("");
    }
    comps.set(c - 1, value);
  }

  int size() {
    return elements.size();
  }

  /** Components of the first repetition of element {@code e} (1-based); empty when absent. */
  List<String> components(int e) {
    if (e > elements.size() || elements.get(e - 1).isEmpty()) {
      return List.of();
    }
    return elements.get(e - 1).get(0);
  }

  /** Element {@code e}'s text (a composite's first component); empty when absent. */
  String value(int e) {
    List<String> c = components(e);
    return c.isEmpty() ? "" : c.get(0);
  }

  boolean composite(int e) {
    return components(e).size() > 1;
  }

  /** The segment as written, with the file's delimiters. */
  String text(char element, char component, char repetition) {
    StringBuilder sb = new StringBuilder(tag);
    for (List<List<String>> reps : elements) {
      sb.append(element);
      for (int r = 0; r < reps.size(); r++) {
        if (r > 0) {
          sb.append(repetition);
        }
        List<String> comps = reps.get(r);
        for (int c = 0; c < comps.size(); c++) {
          if (c > 0) {
            sb.append(component);
          }
          sb.append(comps.get(c));
        }
      }
    }
    return sb.toString();
  }
}
