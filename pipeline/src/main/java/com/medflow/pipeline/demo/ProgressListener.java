package com.medflow.pipeline.demo;

/** Told how far {@link DemoDataGenerator#write} has come, about every 50,000 claims and once at the end. */
@FunctionalInterface
public interface ProgressListener {
  /** A listener that ignores progress. */
  ProgressListener NONE = (done, total) -> { };

  /**
   * Called from the writing thread.
   *
   * @param done claims generated so far (over all payers)
   * @param total claims to generate ({@link DemoSpec#claims()})
   */
  void rows(long done, long total);
}
