package com.medflow.pipeline.silver;

import static java.util.Objects.requireNonNull;

import com.medflow.model.QualityCheck;
import com.medflow.model.mapping.RollUp;
import com.medflow.model.mapping.StandardField;
import com.medflow.model.rules.Amounts;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Rolls the lines of one claim (same payer, batch and claim id) into one claim with the payer's
 * {@link RollUp}: lines in line-number order, amounts summed, {@code first_present} fields from the
 * first line that has them, everything else from the first line, then every rule of the standardizer.
 * Every line gets an outcome: the first line carries the claim; the others are rolled into it, or
 * quarantined with the claim's reasons when the claim breaks a rule; a repeated line number is a
 * DUPLICATE_CLAIM_ID line on its own.
 */
public final class ClaimRollUp implements Serializable {
  private static final long serialVersionUID = 1L;

  /** A bronze line of the claim. */
  public record Line(long sourceLine, Map<String, String> record) {
    public Line {
      requireNonNull(record, "record is null");
    }
  }

  /**
   * What became of a line: {@code claim} is set on the line that carries the claim, {@code rolledInto}
   * (the claim's source line) on the other lines of the claim; {@code reasons} empty unless quarantined.
   */
  public record Outcome(long sourceLine, String claimId, StandardizedClaim claim, Long rolledInto, List<String> reasons) {
    public Outcome {
      reasons = List.copyOf(reasons);
    }
  }

  private final ClaimStandardizer standardizer;
  private final RollUp rollUp;

  public ClaimRollUp(ClaimStandardizer standardizer) {
    this.standardizer = requireNonNull(standardizer, "standardizer is null");
    this.rollUp = standardizer.mapping().options().rollUpLines()
        .orElseThrow(() -> new IllegalArgumentException("Payer " + standardizer.mapping().payer() + " has no roll_up"));
  }

  /** Outcomes of the lines of one claim, in line order. */
  public List<Outcome> roll(List<Line> lines) {
    List<Line> ordered = new ArrayList<>(lines);
    ordered.sort(Comparator.comparingLong((Line l) -> lineNumber(l).orElse(Long.MAX_VALUE)).thenComparingLong(Line::sourceLine));
    List<Line> kept = new ArrayList<>();
    List<Line> duplicates = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    for (Line l : ordered) {
      Optional<Long> n = lineNumber(l);
      if (n.isPresent() && !seen.add(n.get())) {
        duplicates.add(l);
      } else {
        kept.add(l);
      }
    }
    Line first = kept.get(0);
    Map<String, String> combined = new LinkedHashMap<>(first.record());
    for (StandardField f : rollUp.firstPresent()) {
      String column = standardizer.mapping().column(f).orElse(null);
      if (column != null) {
        for (Line l : kept) {
          String v = l.record().get(column);
          if (v != null && !v.isBlank()) {
            combined.put(column, v);
            break;
          }
        }
      }
    }
    Map<StandardField, BigDecimal> sums = new EnumMap<>(StandardField.class);
    for (StandardField f : rollUp.sum()) {
      if (anyValue(kept, f)) { // else the first line's empty value goes through the usual rules
        sums.put(f, sum(kept, f));
      }
    }
    StandardizedClaim claim = standardizer.standardize(combined, sums);
    List<String> reasons = new ArrayList<>(claim.quarantineReasons());
    if (!reasons.contains(QualityCheck.INVALID_AMOUNT.name()) && !totalsMatch(first, sums)) {
      reasons.add(QualityCheck.INVALID_AMOUNT.name());
      reasons.sort(Comparator.comparing(QualityCheck::valueOf));
    }
    List<Outcome> out = new ArrayList<>(lines.size());
    out.add(new Outcome(first.sourceLine(), claim.claimId(), claim, null, reasons));
    for (int i = 1; i < kept.size(); i++) {
      out.add(new Outcome(kept.get(i).sourceLine(), claim.claimId(), null, first.sourceLine(), reasons));
    }
    for (Line d : duplicates) {
      out.add(new Outcome(d.sourceLine(), claim.claimId(), null, null, List.of(QualityCheck.DUPLICATE_CLAIM_ID.name())));
    }
    return out;
  }

  private Optional<Long> lineNumber(Line l) {
    String v = l.record().get(rollUp.lineNumberColumn());
    if (v == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(v.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The sum over the lines, or null when a line's amount is unparseable or negative (an empty amount counts 0). */
  private BigDecimal sum(List<Line> kept, StandardField field) {
    String column = standardizer.mapping().column(field).orElse(null);
    BigDecimal total = BigDecimal.ZERO.setScale(2);
    for (Line l : kept) {
      String v = column == null ? null : l.record().get(column);
      if (v == null || v.isBlank()) {
        continue;
      }
      Optional<BigDecimal> a = Amounts.parse(v, standardizer.mapping().amountFormat());
      if (a.isEmpty() || a.get().signum() < 0) {
        return null;
      }
      total = total.add(a.get());
    }
    return total;
  }

  private boolean anyValue(List<Line> kept, StandardField field) {
    String column = standardizer.mapping().column(field).orElse(null);
    return column != null && kept.stream().anyMatch(l -> {
      String v = l.record().get(column);
      return v != null && !v.isBlank();
    });
  }

  private boolean totalsMatch(Line first, Map<StandardField, BigDecimal> sums) {
    for (Map.Entry<StandardField, String> t : rollUp.totals().entrySet()) {
      String v = first.record().get(t.getValue());
      BigDecimal sum = sums.get(t.getKey());
      if (v == null || v.isBlank() || sum == null) {
        continue;
      }
      Optional<BigDecimal> total = Amounts.parse(v, standardizer.mapping().amountFormat());
      if (total.isEmpty() || total.get().compareTo(sum) != 0) {
        return false;
      }
    }
    return true;
  }
}
