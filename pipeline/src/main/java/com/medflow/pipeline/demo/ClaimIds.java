package com.medflow.pipeline.demo;

import java.time.LocalDate;

/** One payer's claim-id sequence: every row of a file, clean or dirty, takes the next number. */
final class ClaimIds {
  private final PayerProfile payer;
  private long next;

  ClaimIds(PayerProfile payer, long first) {
    this.payer = payer;
    this.next = first;
  }

  String next(int serviceDay) {
    return payer.claimId(LocalDate.ofEpochDay(serviceDay).getYear(), next++);
  }
}
