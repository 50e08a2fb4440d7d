package com.medflow.assistant.agent;

import static java.util.Objects.requireNonNull;

/** One agent step of an answer: which agent, what it did, how long it took. */
public record TraceEvent(String agent, String summary, long ms) {
  public TraceEvent {
    requireNonNull(agent, "agent is null");
    requireNonNull(summary, "summary is null");
  }
}
