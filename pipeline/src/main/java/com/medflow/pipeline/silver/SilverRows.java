package com.medflow.pipeline.silver;

import com.medflow.model.QualityCheck;
import com.medflow.model.codes.Icd10Cm;
import com.medflow.model.mapping.PayerMapping;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/** Spark function: bronze rows to {@link SilverSchema#STAGED} rows through each payer's {@link ClaimStandardizer}. */
public final class SilverRows implements MapPartitionsFunction<Row, Row>, Serializable {
  private static final long serialVersionUID = 1L;

  private final Map<String, PayerMapping> mappingsByPayer;
  private final Broadcast<Icd10Cm> icd10;
  private final Broadcast<Map<String, Long>> repeatedClaims;
  private final LocalDate today;
  private final RowLimits limits;

  public SilverRows(Map<String, PayerMapping> mappingsByPayer, Broadcast<Icd10Cm> icd10,
                    Broadcast<Map<String, Long>> repeatedClaims, LocalDate today) {
    this(mappingsByPayer, icd10, repeatedClaims, today, RowLimits.DEFAULT);
  }

  /**
   * @param repeatedClaims for each claim id seen more than once in a payer's batch
   *     ({@link #duplicateKey}), the source line of its first occurrence
   * @param limits the checks on the row's bytes (encoding, field length)
   */
  public SilverRows(Map<String, PayerMapping> mappingsByPayer, Broadcast<Icd10Cm> icd10,
                    Broadcast<Map<String, Long>> repeatedClaims, LocalDate today, RowLimits limits) {
    this.mappingsByPayer = new HashMap<>(mappingsByPayer);
    this.icd10 = icd10;
    this.repeatedClaims = repeatedClaims;
    this.today = today;
    this.limits = java.util.Objects.requireNonNull(limits, "limits is null");
  }

  public static String duplicateKey(String payer, String batchId, String claimId) {
    return payer + '\u0000' + batchId + '\u0000' + claimId;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> bronze) {
    Map<String, ClaimStandardizer> standardizers = new HashMap<>();
    Map<String, Long> repeated = repeatedClaims.value();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return bronze.hasNext();
      }

      @Override
      public Row next() {
        Row b = bronze.next();
        String payer = b.getString(b.fieldIndex("payer"));
        ClaimStandardizer std = standardizers.computeIfAbsent(payer, p -> {
          PayerMapping m = mappingsByPayer.get(p);
          if (m == null) {
            throw new IllegalStateException("No payer mapping for payer " + p + " found in bronze");
          }
          return new ClaimStandardizer(m, icd10.value(), today);
        });
        Map<String, String> record = b.getJavaMap(b.fieldIndex("record"));
        StandardizedClaim c = std.standardize(record);
        List<String> reasons = c.quarantineReasons();
        String batchId = b.getString(b.fieldIndex("batch_id"));
        long line = b.getLong(b.fieldIndex("source_line"));
        if (c.claimId() != null && !repeated.isEmpty()) {
          Long first = repeated.get(duplicateKey(payer, batchId, c.claimId()));
          if (first != null && line > first) {
            reasons = new java.util.ArrayList<>(reasons);
            reasons.add(QualityCheck.DUPLICATE_CLAIM_ID.name());
          }
        }
        reasons = limits.addTo(reasons, record, b.getString(b.fieldIndex("raw_line")));
        return staged(b, c, reasons, null, c.claimId());
      }
    };
  }

  /**
   * The {@link SilverSchema#STAGED} row of bronze row {@code b}: the claim's values when {@code c} is
   * given (null for a line rolled into another line's claim), lineage, reasons, and the raw values when quarantined.
   */
  static Row staged(Row b, StandardizedClaim c, List<String> reasons, Long rolledInto, String claimId) {
    String payer = b.getString(b.fieldIndex("payer"));
    String batchId = b.getString(b.fieldIndex("batch_id"));
    long line = b.getLong(b.fieldIndex("source_line"));
    List<String> warnings = c == null ? List.of() : c.demotedWarnings();
    return RowFactory.create(payer, batchId, b.getString(b.fieldIndex("source_file")), line, claimId,
        c == null ? null : c.memberId(), c == null ? null : date(c.patientBirthDate()), c == null ? null : c.patientAge(),
        c == null ? null : c.patientGender(), c == null ? null : c.providerNpi(), c == null ? null : c.providerName(),
        c == null ? null : c.providerSpecialty(), c == null ? null : date(c.serviceDate()),
        c == null ? null : date(c.submittedDate()), c == null ? null : date(c.processedDate()),
        c == null ? null : c.processingDays(), c == null ? null : c.primaryDiagnosis(),
        c == null ? null : c.secondaryDiagnosis(), c == null ? null : c.diagnosisCategory(),
        c == null ? null : c.procedureCode(), c == null ? null : c.placeOfService(), c == null ? null : c.billedAmount(),
        c == null ? null : c.allowedAmount(), c == null ? null : c.paidAmount(), c == null ? null : c.claimStatus(),
        c == null ? null : c.denialReasonCode(), c == null ? null : c.denialReason(), c == null ? null : c.memberState(),
        scala.jdk.javaapi.CollectionConverters.asScala(reasons).toSeq(),
        c != null && c.warns(QualityCheck.DENIED_WITHOUT_REASON), c != null && c.warns(QualityCheck.ALLOWED_EXCEEDS_BILLED),
        reasons.isEmpty() ? null : b.getMap(b.fieldIndex("record")),
        reasons.isEmpty() ? null : b.getString(b.fieldIndex("raw_line")),
        rolledInto, scala.jdk.javaapi.CollectionConverters.asScala(warnings).toSeq());
  }

  /** Sessions run with spark.sql.datetime.java8API.enabled: dates are LocalDate. */
  private static LocalDate date(LocalDate d) {
    return d;
  }
}
