package com.medflow.pipeline.demo;

import com.medflow.model.ClaimStatus;
import com.medflow.model.QualityCheck;
import com.medflow.model.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.SplittableRandom;

/**
 * Writes one payer's file: header, then the payer's clean claims with dirty rows dealt in between and a couple of
 * blank lines; or, for a follow-up batch, replays exactly the same generation and writes only the status changes
 * of claims that were clean (without any problem) in the base batch.
 */
final class PayerFileWriter {
  /** What was written: data lines, claims meant to become clean claims, dirty rows by check ordinal. */
  record Result(long dataLines, long claims, long[] dirtyByCheck) {}

  private static final int RECENT = 32;

  private final PayerFormat format;
  private final ClaimFactory factory;
  private final DirtyRowInjector injector;
  private final FollowUpPlanner planner;
  private final long claims;
  private final long seed;
  private final int payerIndex;
  private final boolean followUp;
  private final StringBuilder line = new StringBuilder(512);
  private char[] chars = new char[512];

  PayerFileWriter(PayerFormat format, ClaimFactory factory, ProviderPool providers, long claims, long seed,
      int payerIndex, boolean followUp) {
    this.format = format;
    this.factory = factory;
    this.injector = new DirtyRowInjector(format, factory, providers);
    this.planner = new FollowUpPlanner(factory);
    this.claims = claims;
    this.seed = seed;
    this.payerIndex = payerIndex;
    this.followUp = followUp;
  }

  Result write(Writer out, Progress progress) throws IOException {
    SplittableRandom claimRng = Seeds.stream(seed, payerIndex, Seeds.Purpose.CLAIMS);
    SplittableRandom dirtyRng = Seeds.stream(seed, payerIndex, Seeds.Purpose.DIRTY);
    SplittableRandom followRng = Seeds.stream(seed, payerIndex, Seeds.Purpose.FOLLOW_UP);
    ClaimIds ids = new ClaimIds(factory.payer(),
        factory.payer().firstSequence(Seeds.stream(seed, payerIndex, Seeds.Purpose.IDS)));
    DirtyDeck deck = new DirtyDeck(dirtyRng);
    String eol = format.lineEnd();
    if (format.byteOrderMark()) {
      out.write('\uFEFF');
    }
    out.write(format.header());
    out.write(eol);

    long[] dirty = new long[QualityCheck.values().length];
    long dataLines = 0;
    long written = 0;
    long quarantined = 0;
    int wantDenied = 0;
    int wantAllowed = 0;
    Claim[] recent = new Claim[RECENT];
    long recentCount = 0;
    long blank1 = claims / 3;
    long blank2 = 2 * claims / 3;
    int gap = deck.gap();
    for (long i = 0; i < claims; i++) {
      Claim c = factory.next(claimRng, ids);
      QualityCheck warned = null;
      if (wantDenied > 0 && DirtyRowInjector.canWarn(QualityCheck.DENIED_WITHOUT_REASON, c)) {
        warned = QualityCheck.DENIED_WITHOUT_REASON;
        wantDenied--;
      } else if (wantAllowed > 0 && DirtyRowInjector.canWarn(QualityCheck.ALLOWED_EXCEEDS_BILLED, c)) {
        warned = QualityCheck.ALLOWED_EXCEEDS_BILLED;
        wantAllowed--;
      }
      if (warned != null) {
        c = DirtyRowInjector.warn(warned, c, dirtyRng);
        dirty[warned.ordinal()]++;
      }
      if (!followUp) {
        writeClaim(out, c, eol);
        dataLines++;
        written++;
        if (claims >= 3 && (i == blank1 || i == blank2)) {
          out.write(eol);
        }
      } else if (warned == null) {
        Claim update = planner.update(c, followRng);
        if (update != null) {
          writeClaim(out, update, eol);
          dataLines++;
          written++;
        }
      }
      if (warned == null) {
        recent[(int) (recentCount++ % RECENT)] = c;
      }
      progress.advance();

      if (--gap == 0) {
        gap = deck.gap();
        QualityCheck code = deck.next();
        if (code.severity() == Severity.WARN) {
          if (code == QualityCheck.DENIED_WITHOUT_REASON) {
            wantDenied++;
          } else {
            wantAllowed++;
          }
        } else if (recentCount > 0 && quarantined + 1 <= DirtyDeck.MAX_QUARANTINE_SHARE * (i + 2 + quarantined)) {
          Claim fresh = factory.next(dirtyRng, ids);
          Claim earlier = recent[dirtyRng.nextInt((int) Math.min(recentCount, RECENT))];
          String bad = injector.line(code, fresh, earlier, dirtyRng);
          quarantined++;
          dirty[code.ordinal()]++;
          if (!followUp) {
            out.write(bad);
            out.write(eol);
            dataLines++;
          }
        }
      }
    }
    return new Result(dataLines, written, followUp ? new long[dirty.length] : dirty);
  }

  private void writeClaim(Writer out, Claim c, String eol) throws IOException {
    line.setLength(0);
    format.join(format.fields(c), -1, line);
    line.append(eol);
    int n = line.length();
    if (chars.length < n) {
      chars = new char[Math.max(n, chars.length * 2)];
    }
    line.getChars(0, n, chars, 0);
    out.write(chars, 0, n);
  }

  /** Whether a status is one a follow-up batch may move a claim to from {@code from}. */
  static boolean allowedTransition(ClaimStatus from, ClaimStatus to) {
    return from == ClaimStatus.PENDING && to.adjudicated()
        || from == ClaimStatus.DENIED && to == ClaimStatus.IN_REVIEW;
  }
}
