package com.medflow.pipeline.demo;

/** Counts generated claims over all payers and tells the listener every 50,000 and at the end. */
final class Progress {
  static final long EVERY = 50_000;

  private final ProgressListener listener;
  private final long total;
  private long done;

  Progress(ProgressListener listener, long total) {
    this.listener = listener;
    this.total = total;
  }

  void advance() {
    if (++done % EVERY == 0) {
      listener.rows(done, total);
    }
  }

  void finish() {
    if (done % EVERY != 0) {
      listener.rows(done, total);
    }
  }
}
