package com.medflow.pipeline.demo;

import java.util.SplittableRandom;

/** Independent, reproducible random streams derived from the spec seed, one per payer and purpose. */
final class Seeds {
  /** What a stream is used for; each purpose gets a stream of its own so that one never shifts another. */
  enum Purpose { PROVIDERS, MEMBERS, CLAIMS, DIRTY, FOLLOW_UP, IDS }

  private Seeds() {}

  static SplittableRandom stream(long seed, int payer, Purpose purpose) {
    long key = mix64(seed) ^ mix64(0x9E3779B97F4A7C15L * (payer + 1) + purpose.ordinal() * 0xD1B54A32D192ED03L);
    return new SplittableRandom(mix64(key));
  }

  /** Stafford's variant 13 of the MurmurHash3 finalizer. */
  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A random step coprime to {@code modulus} for a collision-free affine walk (modulus a product of 2s, 3s and 5s). */
  static long coprimeStep(SplittableRandom rng, long modulus) {
    while (true) {
      long step = rng.nextLong(modulus / 3, modulus - 1);
      if (step % 2 != 0 && step % 3 != 0 && step % 5 != 0) {
        return step;
      }
    }
  }
}
