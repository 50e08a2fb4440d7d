package com.medflow.pipeline.silver;

import com.medflow.model.codes.Icd10Cm;
import com.medflow.model.mapping.PayerMapping;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;

/**
 * Spark function for payers whose mapping has a {@code roll_up}: the bronze lines of one claim
 * (grouped by payer, batch and claim key) to one {@link SilverSchema#STAGED} row per line through
 * {@link ClaimRollUp}, so every line stays accounted for.
 */
public final class RolledSilverRows implements FlatMapGroupsFunction<String, Row, Row>, Serializable {
  private static final long serialVersionUID = 1L;

  private final Map<String, PayerMapping> mappingsByPayer;
  private final Broadcast<Icd10Cm> icd10;
  private final LocalDate today;
  private final RowLimits limits;
  private transient Map<String, ClaimRollUp> rollUps;

  public RolledSilverRows(Map<String, PayerMapping> mappingsByPayer, Broadcast<Icd10Cm> icd10, LocalDate today) {
    this(mappingsByPayer, icd10, today, RowLimits.DEFAULT);
  }

  /** {@code limits}: a line breaking one (bad encoding, an over-long field) quarantines its whole claim. */
  public RolledSilverRows(Map<String, PayerMapping> mappingsByPayer, Broadcast<Icd10Cm> icd10, LocalDate today,
                          RowLimits limits) {
    this.mappingsByPayer = new HashMap<>(mappingsByPayer);
    this.icd10 = icd10;
    this.today = today;
    this.limits = java.util.Objects.requireNonNull(limits, "limits is null");
  }

  /** The grouping key of a bronze row of a roll-up payer. */
  public static String groupKey(Row b) {
    return SilverRows.duplicateKey(b.getString(b.fieldIndex("payer")), b.getString(b.fieldIndex("batch_id")),
        b.getString(b.fieldIndex("claim_key")));
  }

  @Override
  public Iterator<Row> call(String key, Iterator<Row> bronze) {
    List<Row> rows = new ArrayList<>();
    bronze.forEachRemaining(rows::add);
    String payer = rows.get(0).getString(rows.get(0).fieldIndex("payer"));
    if (rollUps == null) {
      rollUps = new HashMap<>();
    }
    ClaimRollUp rollUp = rollUps.computeIfAbsent(payer, p -> {
      PayerMapping m = mappingsByPayer.get(p);
      if (m == null) {
        throw new IllegalStateException("No payer mapping for payer " + p + " found in bronze");
      }
      return new ClaimRollUp(new ClaimStandardizer(m, icd10.value(), today));
    });
    Map<Long, Row> byLine = new HashMap<>();
    List<ClaimRollUp.Line> lines = new ArrayList<>(rows.size());
    for (Row b : rows) {
      long line = b.getLong(b.fieldIndex("source_line"));
      byLine.put(line, b);
      lines.add(new ClaimRollUp.Line(line, b.getJavaMap(b.fieldIndex("record"))));
    }
    List<String> hazards = new ArrayList<>();
    for (Row b : rows) {
      limits.reasons(b.getJavaMap(b.fieldIndex("record")), b.getString(b.fieldIndex("raw_line"))).stream()
          .filter(r -> !hazards.contains(r)).forEach(hazards::add);
    }
    List<Row> out = new ArrayList<>(rows.size());
    for (ClaimRollUp.Outcome o : rollUp.roll(lines)) {
      List<String> reasons = o.reasons();
      if (!hazards.isEmpty()) { // every line of the claim carries them: no part of it is published
        reasons = new ArrayList<>(reasons);
        for (String h : hazards) {
          if (!reasons.contains(h)) {
            reasons.add(h);
          }
        }
      }
      out.add(SilverRows.staged(byLine.get(o.sourceLine()), o.claim(), reasons, o.rolledInto(), o.claimId()));
    }
    return out.iterator();
  }
}
