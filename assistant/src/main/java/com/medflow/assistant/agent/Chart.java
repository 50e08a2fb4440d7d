package com.medflow.assistant.agent;

import java.util.List;

/** How the answer should be drawn: {@code number}, {@code line}, {@code bar}, {@code pie} or {@code table}. */
public record Chart(String type, String x, List<String> y) {
  public Chart {
    y = List.copyOf(y);
  }
}
