package com.medflow.pipeline.demo;

import static com.medflow.model.QualityCheck.ALLOWED_EXCEEDS_BILLED;
import static com.medflow.model.QualityCheck.DENIED_WITHOUT_REASON;
import static com.medflow.model.QualityCheck.DUPLICATE_CLAIM_ID;
import static com.medflow.model.QualityCheck.INVALID_AMOUNT;
import static com.medflow.model.QualityCheck.INVALID_DATE;
import static com.medflow.model.QualityCheck.INVALID_DATE_ORDER;
import static com.medflow.model.QualityCheck.INVALID_DIAGNOSIS;
import static com.medflow.model.QualityCheck.INVALID_GENDER;
import static com.medflow.model.QualityCheck.INVALID_NPI;
import static com.medflow.model.QualityCheck.INVALID_PROCEDURE;
import static com.medflow.model.QualityCheck.INVALID_STATUS;
import static com.medflow.model.QualityCheck.MALFORMED_ROW;
import static com.medflow.model.QualityCheck.MISSING_CLAIM_ID;
import static com.medflow.model.QualityCheck.MISSING_MEMBER_ID;

import com.medflow.model.QualityCheck;
import java.util.SplittableRandom;

/**
 * When the next dirty row comes and what is wrong with it. The problems are dealt like a shuffled deck holding
 * every quality check (common problems twice), so every file of a few hundred rows or more shows each of them;
 * gaps between dirty rows average about 31 clean claims, which makes about 3% of the data lines dirty.
 */
final class DirtyDeck {
  private static final QualityCheck[] CARDS = {
      MALFORMED_ROW, MALFORMED_ROW, MISSING_CLAIM_ID, MISSING_MEMBER_ID, DUPLICATE_CLAIM_ID, DUPLICATE_CLAIM_ID,
      INVALID_DATE, INVALID_DATE, INVALID_DATE, INVALID_DATE_ORDER, INVALID_DATE_ORDER, INVALID_NPI, INVALID_NPI,
      INVALID_DIAGNOSIS, INVALID_DIAGNOSIS, INVALID_PROCEDURE, INVALID_AMOUNT, INVALID_AMOUNT, INVALID_STATUS,
      INVALID_GENDER, DENIED_WITHOUT_REASON, ALLOWED_EXCEEDS_BILLED};
  /** Mean clean claims between two draws. */
  static final int MEAN_GAP = 31;
  /** Never let a file's quarantined share go above this, however small the file. */
  static final double MAX_QUARANTINE_SHARE = 0.04;

  private final SplittableRandom rng;
  private final QualityCheck[] deck = CARDS.clone();
  private int position = deck.length;

  DirtyDeck(SplittableRandom rng) {
    this.rng = rng;
  }

  QualityCheck next() {
    if (position == deck.length) {
      for (int i = deck.length - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        QualityCheck t = deck[i];
        deck[i] = deck[j];
        deck[j] = t;
      }
      position = 0;
    }
    return deck[position++];
  }

  /** Clean claims until the next draw: 1 to {@code 2 * MEAN_GAP - 1}. */
  int gap() {
    return 1 + rng.nextInt(2 * MEAN_GAP - 1);
  }
}
