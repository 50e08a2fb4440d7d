package com.medflow.pipeline.gold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.apache.spark.sql.functions.col;

import com.medflow.model.TableId;
import com.medflow.model.TableSpec;
import com.medflow.model.Tables;
import com.medflow.pipeline.testing.PipelineHarness;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incremental gold against a full rebuild: random batches (status changes, claims moved to another
 * month or provider, a provider's every claim moved away, new claims) merged into claims_clean, then
 * the touched groups replaced; every gold table must equal the table's SQL over all of claims_clean.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncrementalGoldTest {
  private static final String[] PAYERS = {"BlueCross", "Aetna", "UnitedHealth"};
  private static final String[] STATUSES = {"APPROVED", "DENIED", "PENDING", "IN_REVIEW"};
  private static final int PROVIDERS = 12;
  private static final int MONTHS = 12;

  @TempDir
  static Path home;
  private PipelineHarness h;
  private final Random random = new Random(20261202L);
  private final Map<String, Map<String, String>> claims = new HashMap<>();
  private int nextClaim;

  @BeforeAll
  void setUp() {
    h = new PipelineHarness(home, 0.10, Map.of());
    h.lake.createTables();
  }

  @AfterAll
  void tearDown() {
    h.close();
  }

  @Test
  void randomBatchesGiveExactlyTheFullRebuild() {
    List<Map<String, String>> base = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      base.add(newClaim("b0"));
    }
    List<GoldUpdate> first = round("r0", "b0", base);
    assertThat(first).allMatch(u -> u.mode() == GoldUpdate.Mode.FULL);

    int incremental = 0;
    for (int r = 1; r <= 4; r++) {
      String batch = "b" + r;
      List<Map<String, String>> rows = new ArrayList<>();
      List<String> ids = new ArrayList<>(claims.keySet());
      java.util.Collections.sort(ids);
      int changes = 1 + random.nextInt(4);
      for (String id : new java.util.LinkedHashSet<>(random.ints(changes, 0, ids.size()).mapToObj(ids::get).toList())) {
        Map<String, String> c = new HashMap<>(claims.get(id));
        switch (random.nextInt(3)) {
          case 0 -> c.put("claim_status", STATUSES[random.nextInt(STATUSES.length)]);
          case 1 -> c.put("service_date", serviceDate());
          default -> c.put("provider_npi", npi(random.nextInt(PROVIDERS)));
        }
        c.put("billed_amount", amount());
        c.put("batch_id", batch);
        rows.add(c);
      }
      rows.add(newClaim(batch));
      if (r == 2) { // every claim of one provider and payer moves away: that group's rows must go
        String npi = npi(3);
        Set<String> inBatch = new java.util.HashSet<>();
        rows.forEach(c -> inBatch.add(c.get("claim_id")));
        rows.stream().filter(c -> c.get("provider_npi").equals(npi) && c.get("payer").equals("Aetna"))
            .forEach(c -> c.put("provider_npi", npi(4)));
        claims.values().stream().filter(c -> c.get("provider_npi").equals(npi) && c.get("payer").equals("Aetna")
                && !inBatch.contains(c.get("claim_id"))).map(HashMap::new).forEach(c -> {
              c.put("provider_npi", npi(4));
              c.put("batch_id", batch);
              rows.add(c);
            });
      }
      if (r == 3) { // a provider never seen before, with a claim in a month never seen before
        Map<String, String> c = newClaim(batch);
        c.put("provider_npi", "1999999999");
        c.put("service_date", "2023-06-15");
        rows.add(c);
      }
      rows.forEach(c -> claims.put(c.get("payer") + "/" + c.get("claim_id"), c));
      List<GoldUpdate> updates = round("r" + r, batch, rows);
      incremental += (int) updates.stream().filter(u -> u.mode() == GoldUpdate.Mode.INCREMENTAL).count();
      if (r == 2) {
        assertThat(h.lines("SELECT COUNT(*) FROM " + h.lake.qualified(Tables.PROVIDER_PERFORMANCE)
            + " WHERE provider_npi = '" + npi(3) + "' AND payer = 'Aetna'")).containsExactly("0");
      }
    }
    assertThat(incremental).as("incremental table updates over 4 rounds of 3 tables").isGreaterThanOrEqualTo(8);
    assertThat(h.lines("SELECT claim_count FROM " + h.lake.qualified(Tables.PROVIDER_PERFORMANCE)
        + " WHERE provider_npi = '1999999999'")).containsExactly("1");
  }

  @Test
  void goldIsRebuiltWhenClaimsCleanWasPublishedWithoutIt() {
    if (!h.lake.table(Tables.MONTHLY_SUMMARY).refs().containsKey("main")
        || h.lake.rowCount(Tables.CLAIMS_CLEAN) == 0) {
      round("s0", "s0", List.of(newClaim("s0")));
    }
    // claims_clean moves on without gold (a run that died between publishing silver and gold)
    Map<String, String> c = newClaim("s1");
    append(Tables.CLAIMS_CLEAN, null, List.of(c));
    List<GoldUpdate> updates = round("s2", "s2", List.of(newClaim("s2")));
    assertThat(updates).allMatch(u -> u.mode() == GoldUpdate.Mode.FULL && u.reason().startsWith("built from claims_clean"));
    assertExactlyFullRebuild("main");
  }

  /** One run: branch, MERGE the batch into claims_clean, update gold, compare with a rebuild, publish. */
  private List<GoldUpdate> round(String branch, String batch, List<Map<String, String>> rows) {
    List<TableId> tables = new ArrayList<>(List.of(Tables.CLAIMS_CLEAN));
    Tables.GOLD.forEach(s -> tables.add(s.id()));
    tables.forEach(t -> h.lake.createBranch(t, branch));
    Dataset<Row> source = dataset(rows);
    String target = h.lake.qualified(Tables.CLAIMS_CLEAN, branch);
    source.mergeInto(target, col(target + ".payer").equalTo(source.col("payer"))
            .and(col(target + ".claim_id").equalTo(source.col("claim_id"))))
        .whenMatched().updateAll().whenNotMatched().insertAll().merge();
    List<GoldUpdate> updates = new IncrementalGold(h.lake).update(branch, Set.of(batch));
    assertExactlyFullRebuild(branch);
    tables.forEach(t -> h.lake.fastForward(t, branch));
    tables.forEach(t -> h.lake.dropBranch(t, branch));
    return updates;
  }

  private void assertExactlyFullRebuild(String branch) {
    String clean = branch.equals("main") ? h.lake.qualified(Tables.CLAIMS_CLEAN) : h.lake.qualified(Tables.CLAIMS_CLEAN, branch);
    for (TableSpec spec : Tables.GOLD) {
      String gold = branch.equals("main") ? h.lake.qualified(spec.id()) : h.lake.qualified(spec.id(), branch);
      List<String> actual = h.lines("SELECT * FROM " + gold);
      List<String> expected = h.lines(GoldBuilder.definition(spec).replace(GoldBuilder.SOURCE, clean));
      assertThat(actual).as(spec.id() + " on " + branch).isNotEmpty().containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  private void append(TableId table, String branch, List<Map<String, String>> rows) {
    h.lake.append(dataset(rows), branch == null ? h.lake.qualified(table) : h.lake.qualified(table, branch));
  }

  /** Rows as claims_clean rows: every value given as text, cast to the table's type. */
  private Dataset<Row> dataset(List<Map<String, String>> rows) {
    StructType target = h.spark.table(h.lake.qualified(Tables.CLAIMS_CLEAN)).schema();
    StructType text = new StructType();
    for (StructField f : target.fields()) {
      text = text.add(f.name(), DataTypes.StringType);
    }
    List<Row> out = new ArrayList<>();
    for (Map<String, String> c : rows) {
      out.add(RowFactory.create(java.util.Arrays.stream(target.fieldNames()).map(c::get).toArray()));
    }
    Column[] cast = java.util.Arrays.stream(target.fields()).map(f -> col(f.name()).cast(f.dataType()).as(f.name()))
        .toArray(Column[]::new);
    return h.spark.createDataFrame(out, text).select(cast);
  }

  private Map<String, String> newClaim(String batch) {
    Map<String, String> c = new HashMap<>();
    String payer = PAYERS[random.nextInt(PAYERS.length)];
    int p = random.nextInt(PROVIDERS);
    c.put("claim_id", String.format("C%06d", nextClaim++));
    c.put("payer", payer);
    c.put("member_id", "M" + random.nextInt(60));
    c.put("patient_age", Integer.toString(20 + random.nextInt(60)));
    c.put("patient_gender", random.nextBoolean() ? "F" : "M");
    c.put("provider_npi", npi(p));
    c.put("provider_name", "Provider " + p + (random.nextInt(4) == 0 ? " Group" : ""));
    c.put("provider_specialty", random.nextBoolean() ? "Cardiology" : "Family Medicine");
    c.put("service_date", serviceDate());
    c.put("submitted_date", "2025-02-01");
    String status = STATUSES[random.nextInt(STATUSES.length)];
    c.put("claim_status", status);
    c.put("processing_days", status.equals("APPROVED") || status.equals("DENIED") ? Integer.toString(random.nextInt(40)) : null);
    c.put("billed_amount", amount());
    c.put("allowed_amount", amount());
    c.put("paid_amount", status.equals("APPROVED") ? amount() : "0.00");
    c.put("primary_diagnosis", "E11.9");
    c.put("diagnosis_category", "Diabetes");
    c.put("procedure_code", "99213");
    c.put("place_of_service", "11");
    c.put("member_state", "CA");
    c.put("batch_id", batch);
    c.put("source_file", payer + "/" + batch + ".csv");
    c.put("source_line", Integer.toString(nextClaim));
    c.put("updated_at", "2026-01-15 12:00:00");
    claims.put(payer + "/" + c.get("claim_id"), c);
    return c;
  }

  private String serviceDate() {
    return String.format("2024-%02d-%02d", 1 + random.nextInt(MONTHS), 1 + random.nextInt(28));
  }

  private String amount() {
    return String.format(java.util.Locale.ROOT, "%d.%02d", 20 + random.nextInt(900), random.nextInt(100));
  }

  private static String npi(int p) {
    return String.format("10000000%02d", p);
  }
}
