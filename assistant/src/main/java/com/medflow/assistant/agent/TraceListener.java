package com.medflow.assistant.agent;

/** Hears each agent step as it finishes (the SSE stream sends them on). */
@FunctionalInterface
public interface TraceListener {
  void step(TraceEvent event);

  TraceListener NONE = e -> {};
}
