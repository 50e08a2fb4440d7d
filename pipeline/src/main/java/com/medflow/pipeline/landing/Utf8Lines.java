package com.medflow.pipeline.landing;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks, byte by byte, that each line of a file is well-formed UTF-8 (no stray continuation bytes, no
 * overlong forms, no surrogates, nothing above U+10FFFF, no sequence cut by the line end), as a strict decoder
 * would; counts the lines that are not and keeps the first few 1-based line numbers for messages.
 */
final class Utf8Lines {
  static final int KEPT = 5;

  private int need;
  private int lo = 0x80;
  private int hi = 0xBF;
  private boolean lineBad;
  private long badLines;
  private final List<Long> first = new ArrayList<>(KEPT);

  /** A byte of the line's content (not its line end). */
  void accept(byte value) {
    int b = value & 0xFF;
    if (lineBad) {
      return;
    }
    if (need > 0) {
      if (b < lo || b > hi) {
        lineBad = true;
        return;
      }
      need--;
      lo = 0x80;
      hi = 0xBF;
      return;
    }
    if (b < 0x80) {
      return;
    }
    if (b >= 0xC2 && b <= 0xDF) {
      start(1, 0x80, 0xBF);
    } else if (b == 0xE0) {
      start(2, 0xA0, 0xBF);
    } else if (b == 0xED) {
      start(2, 0x80, 0x9F);
    } else if (b >= 0xE1 && b <= 0xEF) {
      start(2, 0x80, 0xBF);
    } else if (b == 0xF0) {
      start(3, 0x90, 0xBF);
    } else if (b >= 0xF1 && b <= 0xF3) {
      start(3, 0x80, 0xBF);
    } else if (b == 0xF4) {
      start(3, 0x80, 0x8F);
    } else {
      lineBad = true;
    }
  }

  private void start(int continuation, int low, int high) {
    need = continuation;
    lo = low;
    hi = high;
  }

  /** The end of line {@code number} (1-based); {@code counted}: whether it is a data line. */
  void endLine(long number, boolean counted) {
    if ((lineBad || need > 0) && counted) {
      badLines++;
      if (first.size() < KEPT) {
        first.add(number);
      }
    }
    need = 0;
    lo = 0x80;
    hi = 0xBF;
    lineBad = false;
  }

  long badLines() {
    return badLines;
  }

  List<Long> firstBadLines() {
    return List.copyOf(first);
  }
}
