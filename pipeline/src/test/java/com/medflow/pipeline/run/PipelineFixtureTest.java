package com.medflow.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.medflow.model.Tables;
import com.medflow.pipeline.testing.PipelineHarness;
import com.medflow.store.runs.RunDetail;
import com.medflow.store.runs.RunState;
import com.medflow.store.runs.TaskState;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fixture batches through every layer, with the exact rows each layer must hold. */
class PipelineFixtureTest {
  private static final String CLEAN = "healthcare.claims_clean";

  @Test
  void firstBatchLandsInEveryLayerWithExactRows(@TempDir Path home) {
    try (PipelineHarness h = new PipelineHarness(home, 0.6, Map.of())) {
      h.land("b1");
      RunOutcome out = h.run();

      assertThat(out.state()).isEqualTo(RunState.SUCCEEDED);
      assertThat(out.bronzeRows()).isEqualTo(20);
      assertThat(out.cleanRows()).isEqualTo(10);
      assertThat(out.quarantinedRows()).isEqualTo(10);

      assertThat(h.lines("SELECT payer, source_line, batch_id, size(record), raw_line LIKE 'BC-2025-0000005%'"
          + " FROM healthcare.claims_raw WHERE payer = 'BlueCross' ORDER BY source_line")).containsExactly(
          "BlueCross|2|b1|20|false", "BlueCross|3|b1|20|false", "BlueCross|4|b1|20|false", "BlueCross|6|b1|20|false",
          "BlueCross|7|b1|20|false", "BlueCross|8|b1|0|true", "BlueCross|9|b1|20|false", "BlueCross|10|b1|20|false");

      assertThat(h.lines("SELECT payer, claim_id, member_id, patient_birth_date, patient_age, patient_gender, provider_npi,"
          + " provider_name, provider_specialty, service_date, submitted_date, processed_date, processing_days,"
          + " primary_diagnosis, secondary_diagnosis, diagnosis_category, procedure_code, place_of_service,"
          + " billed_amount, allowed_amount, paid_amount, claim_status, denial_reason_code, denial_reason, member_state,"
          + " batch_id, source_line FROM " + CLEAN + " ORDER BY payer, claim_id")).containsExactly(
          "Aetna|AET-000001|AETM000001|1961-03-14|63|M|1700000015|Riverside Internal Medicine|Internal Medicine|2025-01-10|2025-01-12|2025-01-20|8|E11.9|I10|Diabetes|83036|11|1240.00|900.00|720.00|APPROVED|null|null|NY|b1|2",
          "Aetna|AET-000002|AETM000002|1948-12-01|76|F|1700000015|Riverside Internal Medicine|Internal Medicine|2025-02-10|2025-02-12|null|null|I50.9|null|Heart Failure|99214|11|400.00|0.00|0.00|IN_REVIEW|null|null|NY|b1|3",
          "Aetna|AET-000006|AETM000006|1985-08-15|39|M|1333333338|North Ortho Group|Orthopedic Surgery|2025-03-03|2025-03-04|2025-03-15|11|M17.11|M54.5|Osteoarthritis of Knee|20610|11|500.00|650.00|450.00|APPROVED|null|null|CA|b1|7",
          "BlueCross|BC-2025-0000001|BCM100000001|1961-03-14|63|F|1234567893|Lakeside Family Medicine, PC|Family Medicine|2025-01-07|2025-01-09|2025-01-21|12|E11.9|I10|Diabetes|99213|11|1240.00|310.55|248.44|APPROVED|null|null|OH|b1|2",
          "BlueCross|BC-2025-0000002|BCM100000002|1950-07-04|74|M|1987654328|Heartland Cardiology|Cardiology|2025-01-15|2025-01-20|2025-02-10|21|I21.4|null|Ischemic Heart Disease|93000|22|2500.00|0.00|0.00|DENIED|50|Not deemed a medical necessity|TX|b1|3",
          "BlueCross|BC-2025-0000003|BCM100000003|1990-11-30|34|F|1234567893|Lakeside Family Medicine, PC|Family Medicine|2025-02-03|2025-02-05|null|null|J45.909|null|Asthma|99214|11|180.00|0.00|0.00|PENDING|null|null|OH|b1|4",
          "BlueCross|BC-2025-0000006|BCM100000006|1975-05-05|49|F|1555555550|Clínica São José \"Centro\"|Obstetrics and Gynecology|2025-03-01|2025-03-02|2025-03-20|18|O09.90|null|Pregnancy|59400|22|5000.00|4000.00|3500.00|APPROVED|null|null|FL|b1|9",
          "BlueCross|BC-2025-0000007|BCM100000007|1999-09-09|25|M|1987654328|Heartland Cardiology|Cardiology|2025-03-05|2025-03-06|2025-03-25|19|I10|null|Hypertension|93000|11|300.00|0.00|0.00|DENIED|null|null|TX|b1|10",
          "UnitedHealth|UHC000000001|UHM000000001|1961-03-14|63|F|1987654328|Heartland Cardiology, PC|Cardiology|2025-01-07|2025-01-09|2025-01-21|12|E11.9|I10|Diabetes|99285|23|1240.00|310.55|248.44|APPROVED|null|null|OH|b1|2",
          "UnitedHealth|UHC000000002|UHM000000002|1955-01-01|70|M|1987654328|Heartland Cardiology, PC|Cardiology|2025-02-01|2025-02-03|2025-03-01|26|I25.10|null|Ischemic Heart Disease|93000|11|500.00|0.00|0.00|DENIED|197|Precertification or authorization absent|OH|b1|3");

      assertThat(h.lines("SELECT payer, source_line, coalesce(claim_id, '-'), array_join(reasons, ',')"
          + " FROM healthcare.claims_quarantined ORDER BY payer, source_line")).containsExactly(
          "Aetna|4|AET-000003|INVALID_DATE",
          "Aetna|5|-|MISSING_CLAIM_ID",
          "Aetna|6|-|MALFORMED_ROW",
          "Aetna|8|AET-000007|INVALID_STATUS,INVALID_GENDER",
          "BlueCross|6|BC-2025-0000004|INVALID_NPI,INVALID_DIAGNOSIS",
          "BlueCross|7|BC-2025-0000001|DUPLICATE_CLAIM_ID",
          "BlueCross|8|-|MALFORMED_ROW",
          "UnitedHealth|4|UHC000000003|INVALID_AMOUNT",
          "UnitedHealth|5|UHC000000004|INVALID_DATE_ORDER",
          "UnitedHealth|6|UHC000000005|MISSING_MEMBER_ID,INVALID_PROCEDURE");

      assertThat(h.lines("SELECT * FROM healthcare_gold.claims_monthly_summary WHERE payer = 'BlueCross'"
          + " ORDER BY service_month")).containsExactly(
          "2025-01-01|BlueCross|2|1|1|0|0|3740.00|310.55|248.44|1870.00|124.22|0.5|0.5|16.5|2|2",
          "2025-02-01|BlueCross|1|0|0|1|0|180.00|0.00|0.00|180.00|0.00|null|null|null|1|1",
          "2025-03-01|BlueCross|2|1|1|0|0|5300.00|4000.00|3500.00|2650.00|1750.00|0.5|0.5|18.5|2|2");
      assertThat(h.lines("SELECT stage, stage_order, claim_count, pct_of_submitted, pct_of_previous"
          + " FROM healthcare_gold.claims_approval_funnel WHERE payer = 'BlueCross' AND service_month = DATE '2025-01-01'"
          + " ORDER BY stage_order")).containsExactly(
          "SUBMITTED|1|2|1.0|1.0", "ADJUDICATED|2|2|1.0|1.0", "APPROVED|3|1|0.5|0.5", "PAID|4|1|0.5|1.0");
      assertThat(h.lines("SELECT provider_npi, provider_name, provider_specialty, payer, claim_count, approved_count,"
          + " denied_count, total_billed_amount, total_paid_amount, avg_billed_amount, avg_paid_amount, approval_rate,"
          + " denial_rate, avg_processing_days, unique_members, first_service_date, last_service_date"
          + " FROM healthcare_gold.provider_performance WHERE provider_npi = '1987654328' ORDER BY payer")).containsExactly(
          "1987654328|Heartland Cardiology|Cardiology|BlueCross|2|0|2|2800.00|0.00|1400.00|0.00|0.0|1.0|20.0|2|2025-01-15|2025-03-05",
          "1987654328|Heartland Cardiology, PC|Cardiology|UnitedHealth|2|1|1|1740.00|248.44|870.00|124.22|0.5|0.5|19.0|2|2025-01-07|2025-02-01");

      assertThat(h.lines("SELECT payer, check_name, severity, rows_checked, rows_failed, passed"
          + " FROM healthcare.data_quality_log WHERE check_name IN ('DENIED_WITHOUT_REASON', 'ALLOWED_EXCEEDS_BILLED',"
          + " 'QUARANTINE_RATE', 'SILVER_RECONCILIATION', 'BRONZE_RECONCILIATION') AND rows_failed > 0 OR check_name = 'QUARANTINE_RATE'"
          + " ORDER BY payer, check_name")).containsExactly(
          "Aetna|ALLOWED_EXCEEDS_BILLED|WARN|7|1|true",
          "Aetna|QUARANTINE_RATE|QUARANTINE|7|4|true",
          "BlueCross|DENIED_WITHOUT_REASON|WARN|8|1|true",
          "BlueCross|QUARANTINE_RATE|QUARANTINE|8|3|true",
          "UnitedHealth|QUARANTINE_RATE|QUARANTINE|5|3|true");
      assertThat(h.rows("SELECT * FROM healthcare.data_quality_log")).hasSize(3 * (16 + 1 + 1 + 2 + 1)); // 16 rules, gate, CLAIM_REPLACED_IN_RUN, 2 reconciliations, FRESHNESS (a first batch has no VOLUME row)

      RunDetail detail = h.runs.get(out.runId()).orElseThrow();
      assertThat(detail.tasks()).allSatisfy(t -> assertThat(t.state()).isEqualTo(TaskState.SUCCEEDED));
      assertThat(detail.payers()).allSatisfy(p -> {
        assertThat(p.reconciled()).isTrue();
        assertThat(p.unaccounted()).isZero();
      });
      for (var t : Tables.ALL) {
        assertThat(h.lake.branches(t.id())).as(t.id().toString()).isEmpty();
      }
    }
  }

  @Test
  void theSameFilesTwiceChangeNothing(@TempDir Path home) {
    try (PipelineHarness h = new PipelineHarness(home, 0.6, Map.of())) {
      h.land("b1");
      h.run();
      Map<String, Long> before = snapshots(h);
      String clean = String.join("\n", h.lines("SELECT * FROM " + CLEAN + " ORDER BY payer, claim_id"));

      RunOutcome again = h.run();

      assertThat(again.state()).isEqualTo(RunState.NOTHING_TO_DO);
      assertThat(again.skippedFiles()).hasSize(3).allSatisfy(s -> assertThat(s.reason()).contains("already ingested"));
      assertThat(snapshots(h)).isEqualTo(before);
      assertThat(String.join("\n", h.lines("SELECT * FROM " + CLEAN + " ORDER BY payer, claim_id"))).isEqualTo(clean);
      assertThat(h.rows("SELECT * FROM healthcare.claims_raw")).hasSize(20);
    }
  }

  @Test
  void aFollowUpBatchUpdatesEarlierClaims(@TempDir Path home) {
    try (PipelineHarness h = new PipelineHarness(home, 0.6, Map.of())) {
      h.land("b1");
      h.run();
      h.land("b2");
      RunOutcome out = h.run();

      assertThat(out.state()).isEqualTo(RunState.SUCCEEDED);
      assertThat(h.lines("SELECT claim_id, claim_status, processed_date, processing_days, paid_amount,"
          + " denial_reason_code, batch_id FROM " + CLEAN + " WHERE claim_id IN ('BC-2025-0000003', 'UHC000000002')"
          + " ORDER BY claim_id")).containsExactly(
          "BC-2025-0000003|APPROVED|2025-02-25|20|120.00|null|b2",
          "UHC000000002|IN_REVIEW|null|null|0.00|null|b2");
      assertThat(h.rows("SELECT * FROM " + CLEAN)).hasSize(10);
      assertThat(h.lines("SELECT claim_count, approved_count, pending_count FROM healthcare_gold.claims_monthly_summary"
          + " WHERE payer = 'BlueCross' AND service_month = DATE '2025-02-01'")).containsExactly("1|1|0");
    }
  }

  @Test
  void twoBatchesInOneRunApplyInArrivalOrder(@TempDir Path home) {
    try (PipelineHarness h = new PipelineHarness(home, 0.6, Map.of())) {
      h.land("b1");
      h.land("b2");
      RunOutcome out = h.run();

      assertThat(out.state()).isEqualTo(RunState.SUCCEEDED);
      assertThat(h.lines("SELECT claim_id, claim_status, batch_id FROM " + CLEAN
          + " WHERE claim_id IN ('BC-2025-0000003', 'UHC000000002') ORDER BY claim_id")).containsExactly(
          "BC-2025-0000003|APPROVED|b2", "UHC000000002|IN_REVIEW|b2");
    }
  }

  @Test
  void aBatchFailingTheGateLeavesSilverAndGoldUnchanged(@TempDir Path home) {
    try (PipelineHarness h = new PipelineHarness(home, 0.6, Map.of())) {
      h.land("b1");
      h.run();
      long clean = h.snapshot(Tables.CLAIMS_CLEAN);
      long gold = h.snapshot(Tables.MONTHLY_SUMMARY);
      long funnel = h.snapshot(Tables.APPROVAL_FUNNEL);

      h.land("b3");
      RunOutcome out = h.run();

      assertThat(out.state()).isEqualTo(RunState.GATE_FAILED);
      assertThat(out.gateFailures()).singleElement().asString()
          .contains("batch b3").contains("Aetna").contains("66.7%").contains("60.0%");
      assertThat(h.snapshot(Tables.CLAIMS_CLEAN)).isEqualTo(clean);
      assertThat(h.snapshot(Tables.MONTHLY_SUMMARY)).isEqualTo(gold);
      assertThat(h.snapshot(Tables.APPROVAL_FUNNEL)).isEqualTo(funnel);
      assertThat(h.rows("SELECT * FROM " + CLEAN + " WHERE claim_id = 'AET-000010'")).isEmpty();
      assertThat(h.lines("SELECT array_join(reasons, ',') FROM healthcare.claims_quarantined WHERE batch_id = 'b3'"
          + " ORDER BY source_line")).containsExactly("INVALID_AMOUNT", "INVALID_NPI");
      assertThat(h.lines("SELECT rows_failed, passed FROM healthcare.data_quality_log WHERE batch_id = 'b3'"
          + " AND check_name = 'QUARANTINE_RATE'")).containsExactly("2|false");
      RunDetail detail = h.runs.get(out.runId()).orElseThrow();
      assertThat(detail.summary().gatePassed()).isFalse();
      assertThat(detail.tasks()).filteredOn(t -> t.name().equals("aggregate")).singleElement()
          .satisfies(t -> assertThat(t.state()).isEqualTo(TaskState.SKIPPED));

      assertThat(h.run().state()).as("a rejected batch is not retried").isEqualTo(RunState.NOTHING_TO_DO);
    }
  }

  @Test
  void anUnreadableFileIsRefusedAndNothingOfItsPayerIsWritten(@TempDir Path home) {
    // Was anUnreadableFileFailsTheRunBeforeAnythingIsWritten: an unreadable file no longer stops the other payers'
    // files (issue 15); it is refused with its reason, its payer's other new files are held, nothing of them written.
    try (PipelineHarness h = new PipelineHarness(home, 0.6, Map.of())) {
      h.land("b1");
      h.write("aetna/scan.csv", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
      h.write("unitedhealth/wrong.csv", "CLM_ID;MBR_ID;MBR_BIRTH_DT\nA;B;C\n".getBytes());

      RunOutcome out = h.run();

      assertThat(out.refusedFiles()).extracting(f -> f.describe()).satisfiesExactly(
          f -> assertThat(f).contains("aetna/scan.csv").contains("binary"),
          f -> assertThat(f).contains("unitedhealth/wrong.csv").contains("delimiter"));
      assertThat(out.heldFiles()).extracting(f -> f.file()).containsExactly("aetna/b1.csv", "unitedhealth/b1.csv");
      assertThat(h.rows("SELECT * FROM healthcare.claims_raw WHERE payer <> 'BlueCross'")).isEmpty();
      assertThat(h.rows("SELECT * FROM healthcare.claims_raw")).hasSize(8);
      assertThat(h.runs.list(1).get(0).state()).isEqualTo(RunState.SUCCEEDED);
      assertThat(h.runs.currentHolder()).isEmpty();
    }
  }

  private static Map<String, Long> snapshots(PipelineHarness h) {
    Map<String, Long> out = new java.util.TreeMap<>();
    for (var t : Tables.ALL) {
      out.put(t.id().toString(), h.snapshot(t.id()));
    }
    return out;
  }
}
