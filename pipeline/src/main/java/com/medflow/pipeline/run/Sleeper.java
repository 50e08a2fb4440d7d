package com.medflow.pipeline.run;

import java.time.Duration;

/** Waits between task attempts; tests pass one that records the waits instead. */
@FunctionalInterface
public interface Sleeper {
  void sleep(Duration duration) throws InterruptedException;

  Sleeper SYSTEM = d -> Thread.sleep(d.toMillis());
}
