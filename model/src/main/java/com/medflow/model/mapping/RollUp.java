package com.medflow.model.mapping;

import static com.medflow.model.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * How a line-level file (one line per claim line, claim-level fields repeated) becomes one claim
 * per claim id: lines of a claim are ordered by {@code lineNumberColumn}; every field comes from
 * the first line except the {@code sum} fields (added over the lines) and the {@code firstPresent}
 * fields (from the first line that carries a value). A line number seen twice in a claim is a
 * DUPLICATE_CLAIM_ID line. When a {@code totals} column is filled, the sum must equal it.
 *
 * @param lineNumberColumn source column with the line number within the claim
 * @param sum amount fields added over the lines of a claim
 * @param firstPresent fields taken from the first line that has a value
 * @param totals amount field to the claim-level source column its sum must equal
 */
public record RollUp(String lineNumberColumn, Set<StandardField> sum, Set<StandardField> firstPresent,
                     Map<StandardField, String> totals) implements Serializable {
  private static final Set<StandardField> AMOUNTS =
      EnumSet.of(StandardField.BILLED_AMOUNT, StandardField.ALLOWED_AMOUNT, StandardField.PAID_AMOUNT);

  public RollUp {
    requireNonNull(lineNumberColumn, "lineNumberColumn is null");
    sum = Set.copyOf(sum);
    firstPresent = Set.copyOf(firstPresent);
    totals = Map.copyOf(totals);
    for (StandardField f : sum) {
      checkArgument(AMOUNTS.contains(f), "roll_up.sum: %s is not an amount field", f.key());
    }
    for (StandardField f : totals.keySet()) {
      checkArgument(sum.contains(f), "roll_up.totals: %s is not summed", f.key());
    }
    checkArgument(!firstPresent.contains(StandardField.CLAIM_ID), "roll_up.first_present: claim_id is the roll-up key");
    for (StandardField f : firstPresent) {
      checkArgument(!sum.contains(f), "roll_up: %s is both summed and first_present", f.key());
    }
  }
}
