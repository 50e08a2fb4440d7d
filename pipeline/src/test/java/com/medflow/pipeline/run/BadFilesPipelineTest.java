package com.medflow.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.medflow.model.Tables;
import com.medflow.pipeline.bronze.SkippedFile;
import com.medflow.pipeline.landing.RefusedFile;
import com.medflow.pipeline.testing.PipelineHarness;
import com.medflow.store.runs.RunEvent;
import com.medflow.store.runs.RunState;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad landing files through the real pipeline: each is refused as a whole with its reason (run outcome, run
 * events, FILE_REFUSED in data_quality_log) or its bad lines are quarantined with a reason naming the line, and
 * every data line is accounted for. Issue 15, item 7.
 */
class BadFilesPipelineTest {
  static final String AETNA_HEADER = "claim_number,patient_id,date_of_birth,sex,rendering_npi,provider_name,specialty,"
      + "service_from_date,received_date,adjudication_date,diagnosis_codes,cpt_hcpcs,pos_code,charge_amount,"
      + "allowed_amount,payment_amount,claim_status,denial_code,member_state";
  static final String GOOD_1 = "AET-000001,AETM000001,1961-03-14,male,1700000015,Riverside Internal Medicine,"
      + "Internal Medicine,2025-01-10,2025-01-12,2025-01-20,E119|I10,83036,11,1240.00,900.00,720.00,PAID,,NY";
  static final String GOOD_6 = "AET-000006,AETM000006,1985-08-15,male,1333333338,North Ortho Group,Orthopedic Surgery,"
      + "2025-03-03,2025-03-04,2025-03-15,M17.11|M54.5,20610,11,500.00,650.00,450.00,PAID,,CA";
  static final String QUARANTINE = "SELECT batch_id, source_line, coalesce(claim_id, '-'), array_join(reasons, ',')"
      + " FROM healthcare.claims_quarantined ORDER BY batch_id, source_line";
  static final String LANDING_LOG = "SELECT payer, batch_id, check_name, severity, rows_checked, rows_failed, passed,"
      + " detail FROM healthcare.data_quality_log WHERE layer = 'landing' ORDER BY payer, batch_id, check_name";

  static byte[] lines(String... lines) {
    return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  static byte[] png() {
    return new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
  }

  @Test
  void aBinaryFileIsRefusedAloneAndTheOtherPayersFilesLoad(@TempDir Path home) {
    try (PipelineHarness h = new PipelineHarness(home, 0.6, Map.of())) {
      h.land("b1");
      h.write("aetna/scan.csv", png());

      RunOutcome out = h.run();

      assertThat(out.state()).isEqualTo(RunState.SUCCEEDED);
      assertThat(out.refusedFiles()).containsExactly(
          new RefusedFile("Aetna", "aetna/scan.csv", "scan", "binary content (NUL bytes); not a text file"));
      assertThat(out.heldFiles()).singleElement().satisfies(f -> {
        assertThat(f.file()).isEqualTo("aetna/b1.csv");
        assertThat(f.reason()).startsWith("held back: aetna/scan.csv of the same payer was refused");
      });
      assertThat(h.lines("SELECT payer, count(*) FROM healthcare.claims_raw GROUP BY payer ORDER BY payer"))
          .containsExactly("BlueCross|8", "UnitedHealth|5");
      assertThat(h.lines("SELECT payer, count(*) FROM healthcare.claims_clean GROUP BY payer ORDER BY payer"))
          .containsExactly("BlueCross|5", "UnitedHealth|2");
      assertThat(h.lines(LANDING_LOG)).containsExactly(
          "Aetna|b1|FILE_HELD|WARN|1|1|false|aetna/b1.csv: held back: aetna/scan.csv of the same payer was refused,"
              + " and batches load in arrival order; fix or remove it, then run again",
          "Aetna|scan|FILE_REFUSED|QUARANTINE|1|1|false|aetna/scan.csv: binary content (NUL bytes); not a text file");
      assertThat(h.runs.log().events(out.runId())).extracting(RunEvent::kind, RunEvent::detail).contains(
          org.assertj.core.groups.Tuple.tuple(RunEvent.FILE_REFUSED,
              "aetna/scan.csv: binary content (NUL bytes); not a text file"));
      assertThat(h.runs.get(out.runId()).orElseThrow().tasks()).filteredOn(t -> t.name().equals("ingest"))
          .singleElement().satisfies(t -> assertThat(t.detail()).contains("2 file(s) ingested")
              .contains("1 refused: aetna/scan.csv: binary content").contains("1 held back: aetna/b1.csv"));

      Map<String, Long> before = snapshots(h);
      RunOutcome again = h.run();
      assertThat(again.state()).as("still refused: reported again, nothing changes").isEqualTo(RunState.NOTHING_TO_DO);
      assertThat(again.refusedFiles()).extracting(RefusedFile::file).containsExactly("aetna/scan.csv");
      assertThat(snapshots(h)).isEqualTo(before);

      h.delete("aetna/scan.csv");
      RunOutcome fixed = h.run();
      assertThat(fixed.state()).isEqualTo(RunState.SUCCEEDED);
      assertThat(fixed.refusedFiles()).isEmpty();
      assertThat(fixed.ingestedFiles()).containsExactly("aetna/b1.csv");
      assertThat(h.lines("SELECT payer, count(*) FROM healthcare.claims_clean GROUP BY payer ORDER BY payer"))
          .as("the held file loads once its payer has no refused file").containsExactly("Aetna|3", "BlueCross|5",
              "UnitedHealth|2");
      assertThat(h.lines("SELECT count(*) FROM healthcare.claims_quarantined WHERE payer = 'Aetna'")).containsExactly("4");
    }
  }

  @Test
  void anEmptyFileIsRefusedNamingIt(@TempDir Path home) {
    try (PipelineHarness h = new PipelineHarness(home, 0.6, Map.of())) {
      h.landResource("/fixtures/b1/bluecross/b1.csv", "bluecross/b1.csv");
      h.write("aetna/empty.csv", new byte[0]);

      RunOutcome out = h.run();

      assertThat(out.state()).isEqualTo(RunState.SUCCEEDED);
      assertThat(out.refusedFiles()).containsExactly(
          new RefusedFile("Aetna", "aetna/empty.csv", "empty", "empty file: no header row"));
      assertThat(out.heldFiles()).isEmpty();
      assertThat(out.ingestedFiles()).containsExactly("bluecross/b1.csv");
      assertThat(h.lines(LANDING_LOG)).containsExactly(
          "Aetna|empty|FILE_REFUSED|QUARANTINE|1|1|false|aetna/empty.csv: empty file: no header row");
    }
  }

  @Test
  void aHeaderOnlyFileIsSkippedAsHavingNoDataLines(@TempDir Path home) {
    try (PipelineHarness h = new PipelineHarness(home, 0.6, Map.of())) {
      h.write("aetna/none.csv", lines(AETNA_HEADER, "", "  "));

      RunOutcome out = h.run();

      assertThat(out.state()).isEqualTo(RunState.NOTHING_TO_DO);
      assertThat(out.skippedFiles()).containsExactly(new SkippedFile("aetna/none.csv", "header only: no data lines"));
      assertThat(out.refusedFiles()).isEmpty();
      assertThat(h.rows("SELECT * FROM healthcare.claims_raw")).isEmpty();
    }
  }

  @Test
  void aWrongDelimiterInTheHeaderRefusesTheFileAndInDataLinesQuarantinesThem(@TempDir Path home) {
    try (PipelineHarness h = new PipelineHarness(home, 0.6, Map.of())) {
      h.write("aetna/semicolons.csv", lines(AETNA_HEADER.replace(',', ';'), GOOD_1.replace(',', ';')));
      h.write("bluecross/pipes.csv", lines(
          "ClaimID,MemberID,PatientDOB,PatientGender,ProviderNPI,ProviderName,ProviderSpecialty,ServiceDate,"
              + "SubmittedDate,ProcessedDate,PrimaryDiagnosis,SecondaryDiagnosis,ProcedureCode,PlaceOfService,"
              + "BilledAmount,AllowedAmount,PaidAmount,Status,DenialReason,State",
          "BC-1|BCM1|03/14/1961|F|1234567893|Lakeside|Family Medicine|01/07/2025|01/09/2025|01/21/2025|E11.9||99213"
              + "|11|$10.00|$5.00|$4.00|A||OH",
          "BC-2|BCM2|03/14/1961|F|1234567893|Lakeside|Family Medicine|01/07/2025|01/09/2025|01/21/2025|E11.9||99213"
              + "|11|$10.00|$5.00|$4.00|A||OH"));

      RunOutcome out = h.run();

      assertThat(out.refusedFiles()).singleElement().satisfies(f -> {
        assertThat(f.file()).isEqualTo("aetna/semicolons.csv");
        assertThat(f.reason()).startsWith("header (line 1) does not match the Aetna format; missing columns [claim_number,")
            .endsWith("(the header has one field: is the delimiter ','?)");
      });
      assertThat(out.state()).as("every row of the pipe file is malformed: 100% fails the gate")
          .isEqualTo(RunState.GATE_FAILED);
      assertThat(h.lines(QUARANTINE)).containsExactly("pipes|2|-|MALFORMED_ROW", "pipes|3|-|MALFORMED_ROW");
      assertThat(h.rows("SELECT * FROM healthcare.claims_clean")).isEmpty();
    }
  }

  @Test
  void invalidUtf8BytesQuarantineTheirLineAsInvalidEncoding(@TempDir Path home) throws Exception {
    try (PipelineHarness h = new PipelineHarness(home, 0.6, Map.of())) {
      ByteArrayOutputStream file = new ByteArrayOutputStream();
      file.write(lines(AETNA_HEADER, GOOD_1));
      String latin1 = GOOD_6.replace("AET-000006", "AET-000009").replace("North Ortho Group", "Cl\u00e9nica Norte");
      file.write(latin1.getBytes(StandardCharsets.ISO_8859_1)); // é as the single byte 0xE9: not UTF-8
      file.write(lines("", GOOD_6));
      h.write("aetna/latin1.csv", file.toByteArray());

      RunOutcome out = h.run();

      assertThat(out.state()).isEqualTo(RunState.SUCCEEDED);
      assertThat(h.lines("SELECT claim_id FROM healthcare.claims_clean ORDER BY claim_id"))
          .containsExactly("AET-000001", "AET-000006");
      assertThat(h.lines(QUARANTINE)).containsExactly("latin1|3|AET-000009|INVALID_ENCODING");
      assertThat(h.lines("SELECT source_file, record['provider_name'] FROM healthcare.claims_quarantined"))
          .containsExactly("aetna/latin1.csv|Cl\uFFFDnica Norte");
      assertThat(h.lines("SELECT rows_checked, rows_failed FROM healthcare.data_quality_log"
          + " WHERE check_name = 'INVALID_ENCODING'")).containsExactly("3|1");
      assertThat(out.bronzeRows()).isEqualTo(out.cleanRows() + out.quarantinedRows()).isEqualTo(3);
      assertThat(h.runs.get(out.runId()).orElseThrow().tasks()).filteredOn(t -> t.name().equals("ingest"))
          .singleElement().satisfies(t -> assertThat(t.detail()).endsWith(
              "; aetna/latin1.csv: 1 data line(s) not valid UTF-8 (line 3), quarantined as INVALID_ENCODING"));
    }
  }

  @Test
  void aFiveMegabyteFieldIsQuarantinedAndReachesNeitherSilverNorGold(@TempDir Path home) {
    try (PipelineHarness h = new PipelineHarness(home, 0.6, Map.of())) {
      String huge = "X".repeat(5 * 1024 * 1024);
      h.write("aetna/huge.csv", lines(AETNA_HEADER, GOOD_1,
          GOOD_6.replace("AET-000006", "AET-000011").replace("North Ortho Group", huge),
          huge, GOOD_6));

      RunOutcome out = h.run();

      assertThat(out.state()).isEqualTo(RunState.SUCCEEDED);
      assertThat(h.lines(QUARANTINE)).containsExactly("huge|3|AET-000011|FIELD_TOO_LONG", "huge|4|-|MALFORMED_ROW");
      assertThat(h.lines("SELECT claim_id FROM healthcare.claims_clean ORDER BY claim_id"))
          .containsExactly("AET-000001", "AET-000006");
      assertThat(h.lines("SELECT max(length(provider_name)) FROM healthcare_gold.provider_performance"))
          .containsExactly("27");
      assertThat(h.lines("SELECT length(raw_line) FROM healthcare.claims_raw WHERE source_line = 4"))
          .as("bronze keeps the line exactly as read").containsExactly(String.valueOf(huge.length()));
      assertThat(h.lines("SELECT rows_checked, rows_failed FROM healthcare.data_quality_log"
          + " WHERE check_name = 'FIELD_TOO_LONG'")).containsExactly("4|1");
    }
  }

  @Test
  void theFieldLengthLimitIsConfigured(@TempDir Path home) {
    try (PipelineHarness h = new PipelineHarness(home, 0.6, Map.of("quality.max-field-length", "20"))) {
      h.write("aetna/short.csv", lines(AETNA_HEADER, GOOD_1, GOOD_6));

      h.run();

      assertThat(h.lines(QUARANTINE)).as("'Riverside Internal Medicine' has 27 characters")
          .containsExactly("short|2|AET-000001|FIELD_TOO_LONG");
      assertThat(h.lines("SELECT claim_id FROM healthcare.claims_clean")).containsExactly("AET-000006");
    }
  }

  @Test
  void halfGarbageQuarantinesEachGarbageLineAndKeepsTheGoodRows(@TempDir Path home) {
    try (PipelineHarness h = new PipelineHarness(home, 0.6, Map.of())) {
      h.write("aetna/half.csv", lines(AETNA_HEADER, GOOD_1, "%%% \u0001\u0002 garbage %%%", GOOD_6, "x,y,,\"z",
          "", "AET-000012,AETM000012,1961-03-14,male"));

      RunOutcome out = h.run();

      assertThat(out.state()).isEqualTo(RunState.SUCCEEDED);
      assertThat(h.lines(QUARANTINE)).containsExactly("half|3|-|MALFORMED_ROW", "half|5|-|MALFORMED_ROW",
          "half|7|-|MALFORMED_ROW");
      assertThat(h.lines("SELECT claim_id FROM healthcare.claims_clean ORDER BY claim_id"))
          .containsExactly("AET-000001", "AET-000006");
      assertThat(h.lines("SELECT rows_checked, rows_failed, passed FROM healthcare.data_quality_log"
          + " WHERE check_name IN ('QUARANTINE_RATE', 'SILVER_RECONCILIATION') ORDER BY check_name"))
          .containsExactly("5|3|true", "5|0|true");
    }
  }

  @Test
  void extraAndReorderedColumnsAreReadByName(@TempDir Path home) {
    try (PipelineHarness h = new PipelineHarness(home, 0.6, Map.of())) {
      String[] columns = AETNA_HEADER.split(",");
      String[] values = GOOD_1.split(",", -1);
      StringBuilder header = new StringBuilder("note");
      StringBuilder row = new StringBuilder("\"free text, with a comma\"");
      for (int i = columns.length - 1; i >= 0; i--) { // every column, in reverse order, after an extra one
        header.append(',').append(columns[i]);
        row.append(',').append(values[i]);
      }
      h.write("aetna/reordered.csv", lines(header.toString(), row.toString()));

      RunOutcome out = h.run();

      assertThat(out.state()).isEqualTo(RunState.SUCCEEDED);
      assertThat(h.lines("SELECT claim_id, member_id, patient_birth_date, provider_npi, provider_name, service_date,"
          + " primary_diagnosis, secondary_diagnosis, billed_amount, paid_amount, claim_status, member_state"
          + " FROM healthcare.claims_clean")).containsExactly(
          "AET-000001|AETM000001|1961-03-14|1700000015|Riverside Internal Medicine|2025-01-10|E11.9|I10|1240.00|720.00"
              + "|APPROVED|NY");
      assertThat(h.lines("SELECT size(record), record['note'] FROM healthcare.claims_raw"))
          .containsExactly("20|free text, with a comma");
    }
  }

  @Test
  void filesOfAnUnknownPayerFolderAreRefusedNotIgnored(@TempDir Path home) {
    try (PipelineHarness h = new PipelineHarness(home, 0.6, Map.of())) {
      h.land("b1");
      h.write("cigna/claims.csv", lines("id,member", "C1,M1"));
      h.write("loose.csv", lines(AETNA_HEADER, GOOD_1));
      h.write("Aetna/old.csv", lines(AETNA_HEADER, GOOD_6)); // folders are case-sensitive

      RunOutcome out = h.run();

      assertThat(out.state()).isEqualTo(RunState.SUCCEEDED);
      assertThat(out.ingestedFiles()).hasSize(3);
      assertThat(out.heldFiles()).as("a folder that is no payer's holds no payer's files back").isEmpty();
      assertThat(out.refusedFiles()).extracting(RefusedFile::payer, RefusedFile::file).containsExactly(
          org.assertj.core.groups.Tuple.tuple("Aetna", "Aetna/old.csv"),
          org.assertj.core.groups.Tuple.tuple("cigna", "cigna/claims.csv"),
          org.assertj.core.groups.Tuple.tuple("(landing zone)", "loose.csv"));
      assertThat(h.lines(LANDING_LOG)).containsExactly(
          "(landing zone)|loose|FILE_REFUSED|QUARANTINE|1|1|false|loose.csv: not in a payer folder; files go in"
              + " <payer folder>/ (known: aetna, bluecross, unitedhealth)",
          "Aetna|old|FILE_REFUSED|QUARANTINE|1|1|false|Aetna/old.csv: unknown payer folder 'Aetna/': no payer"
              + " mapping names it (known: aetna, bluecross, unitedhealth); add a mapping file to payers.dir or move"
              + " the file",
          "cigna|claims|FILE_REFUSED|QUARANTINE|1|1|false|cigna/claims.csv: unknown payer folder 'cigna/': no payer"
              + " mapping names it (known: aetna, bluecross, unitedhealth); add a mapping file to payers.dir or move"
              + " the file");
      assertThat(h.lines("SELECT count(*) FROM healthcare.claims_clean")).containsExactly("10");
    }
  }

  @Test
  void theSameClaimInTwoFilesOfOneRunIsWarnedAboutAndCountedOnce(@TempDir Path home) {
    try (PipelineHarness h = new PipelineHarness(home, 0.6, Map.of())) {
      h.write("aetna/a1.csv", lines(AETNA_HEADER, GOOD_1, GOOD_6));
      h.write("aetna/a2.csv", lines(AETNA_HEADER, GOOD_1.replace("720.00,PAID", "710.00,PAID")));

      RunOutcome out = h.run();

      assertThat(out.state()).isEqualTo(RunState.SUCCEEDED);
      assertThat(h.lines("SELECT claim_id, paid_amount, batch_id FROM healthcare.claims_clean ORDER BY claim_id"))
          .containsExactly("AET-000001|710.00|a2", "AET-000006|450.00|a1");
      assertThat(out.cleanRows()).as("AET-000001 is one claim").isEqualTo(2);
      assertThat(h.runs.get(out.runId()).orElseThrow().summary().cleanRows()).isEqualTo(2);
      assertThat(h.lines("SELECT batch_id, severity, rows_checked, rows_failed, passed FROM healthcare.data_quality_log"
          + " WHERE check_name = 'CLAIM_REPLACED_IN_RUN' ORDER BY batch_id"))
          .containsExactly("a1|WARN|2|1|false", "a2|WARN|1|0|true");
      assertThat(h.runs.get(out.runId()).orElseThrow().tasks()).filteredOn(t -> t.name().equals("verify_silver"))
          .singleElement().satisfies(t -> assertThat(t.detail())
              .contains("WARN 1 clean claim(s) of Aetna/a1 are also in a later batch of this run, which replaces them"));
    }
  }

  @Test
  void onAnS3LandingZoneUnknownFoldersAndBinaryObjectsAreRefusedToo(@TempDir Path home) {
    com.medflow.objectstore.testing.S3TestServer s3 = com.medflow.objectstore.testing.S3TestServer.get();
    Map<String, String> overrides = new java.util.HashMap<>(s3.overrides(s3.newBucket()));
    overrides.remove("catalog.warehouse"); // the landing zone on S3 is what is tested; the warehouse stays local
    try (PipelineHarness h = new PipelineHarness(home, 0.6, overrides)) {
      h.land("b1");
      h.write("unitedhealth/scan.csv", png());
      h.write("cigna/2025/claims.csv", lines("id,member", "C1,M1"));

      RunOutcome out = h.run();

      assertThat(out.state()).isEqualTo(RunState.SUCCEEDED);
      assertThat(out.refusedFiles()).extracting(RefusedFile::describe).containsExactly(
          "cigna/2025/claims.csv: unknown payer folder 'cigna/': no payer mapping names it (known: aetna, bluecross,"
              + " unitedhealth); add a mapping file to payers.dir or move the file",
          "unitedhealth/scan.csv: binary content (NUL bytes); not a text file");
      assertThat(out.heldFiles()).extracting(RefusedFile::file).containsExactly("unitedhealth/b1.csv");
      assertThat(h.lines("SELECT payer, count(*) FROM healthcare.claims_raw GROUP BY payer ORDER BY payer"))
          .containsExactly("Aetna|7", "BlueCross|8");
    }
  }

  private static Map<String, Long> snapshots(PipelineHarness h) {
    Map<String, Long> out = new TreeMap<>();
    for (var t : Tables.ALL) {
      out.put(t.id().toString(), h.snapshot(t.id()));
    }
    return out;
  }
}
