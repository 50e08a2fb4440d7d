package com.medflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.medflow.assistant.agent.Answer;
import com.medflow.assistant.agent.AskRequest;
import com.medflow.assistant.agent.TraceListener;
import com.medflow.cli.term.Terminal;
import com.medflow.cli.commands.GenerateCommand;
import com.medflow.config.ConfigLoader;
import com.medflow.config.MedflowConfig;
import com.medflow.config.Profile;
import com.medflow.model.Role;
import com.medflow.model.TableSpec;
import com.medflow.model.Tables;
import com.medflow.objectstore.testing.S3TestServer;
import com.medflow.pipeline.demo.DemoSpec;
import com.medflow.pipeline.demo.FileReport;
import com.medflow.pipeline.demo.GenerationReport;
import com.medflow.pipeline.run.PipelineListener;
import com.medflow.pipeline.run.RunOutcome;
import com.medflow.query.SqlAnswer;
import com.medflow.store.runs.RunState;
import com.medflow.testing.PostgresTestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production profile end to end in CI: files uploaded with {@code ./medflow upload} to S3
 * (S3Proxy), the pipeline with its warehouse on S3 and its catalog and run history on PostgreSQL,
 * queries cached in Redis, questions answered — every number equal to the embedded default's.
 */
class ProductionProfileTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 1, 15);
  private static final List<String> QUERIES = List.of(
      "SELECT payer, claim_status, COUNT(*) AS n, SUM(billed_amount) AS billed, SUM(paid_amount) AS paid"
          + " FROM healthcare.claims_clean GROUP BY payer, claim_status ORDER BY payer, claim_status",
      "SELECT payer, batch_id, COUNT(*) AS n FROM healthcare.claims_raw GROUP BY payer, batch_id ORDER BY payer, batch_id",
      "SELECT payer, array_join(reasons, ',') AS why, COUNT(*) AS n FROM healthcare.claims_quarantined"
          + " GROUP BY payer, array_join(reasons, ',') ORDER BY payer, why",
      "SELECT * FROM healthcare_gold.claims_monthly_summary ORDER BY 1, 2, 3",
      "SELECT * FROM healthcare_gold.claims_approval_funnel ORDER BY 1, 2, 3, 4",
      "SELECT provider_npi, payer, claim_count, total_paid_amount, denial_rate FROM healthcare_gold.provider_performance"
          + " ORDER BY total_paid_amount DESC, provider_npi, payer LIMIT 20",
      "SELECT diagnosis_category, COUNT(*) AS n, AVG(processing_days) AS days FROM healthcare.claims_clean"
          + " WHERE service_date >= DATE '2025-01-01' GROUP BY diagnosis_category ORDER BY diagnosis_category");
  private static final List<String> QUESTIONS = List.of(
      "How many claims did we have in Q3 2024?",
      "what is the denial rate by payer",
      "total billed amount by payer in 2025",
      "top 5 providers by paid amount",
      "what's our denial rate for diabetes claims in 2025?",
      "average processing days by diagnosis category");

  @Test
  void theWholeFlowOnS3PostgresAndRedisGivesTheEmbeddedNumbers(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("data");
    GenerationReport first = GenerateCommand.generate(Terminal.silent(), data.resolve("b1"),
        new DemoSpec(2_000, 11, "batch-0001", false, TODAY));
    GenerationReport followUp = GenerateCommand.generate(Terminal.silent(), data.resolve("b2"),
        new DemoSpec(2_000, 11, "batch-0002", true, TODAY));

    Path localHome = dir.resolve("embedded");
    MedflowConfig embedded = MedflowConfig.forHome(localHome, Map.of("spark.shuffle-partitions", "2"));
    Map<String, Object> expected = flow(embedded, List.of(first, followUp),
        report -> copyInto(report, Path.of(embedded.pipeline().landing())));

    S3TestServer s3 = S3TestServer.get();
    String bucket = s3.newBucket();
    try (PostgresTestDatabase pg = new PostgresTestDatabase()) {
      Path yaml = dir.resolve("medflow.yaml");
      Files.writeString(yaml, String.join("\n",
          "profile: production",
          "home: " + dir.resolve("production"),
          "catalog: {uri: '" + pg.url() + "', user: " + pg.user() + ", warehouse: 's3://" + bucket + "/warehouse'}",
          "app-db: {url: '" + pg.url() + "', user: " + pg.user() + "}",
          "landing.dir: 's3://" + bucket + "/landing/'",
          "s3: {endpoint: '" + s3.endpoint() + "', access-key: " + s3.credentials().accessKey() + ", secret-key: "
              + s3.credentials().secretKey() + "}",
          "spark.shuffle-partitions: 2", ""));
      MedflowConfig production = ConfigLoader.load(Optional.of(yaml), Map.of(), Map.of());
      assertThat(production.profile()).isEqualTo(Profile.PRODUCTION);
      assertThat(production.cache().type()).as("Redis from the profile").isEqualTo(MedflowConfig.CacheType.REDIS);

      Map<String, Object> actual = flow(production, List.of(first, followUp), report -> upload(yaml, report));
      assertThat(actual).containsExactlyEntriesOf(expected);
      assertThat(actual.get("clean rows")).isEqualTo(2_000L);
    }
  }

  private interface Landing {
    void land(GenerationReport report) throws Exception;
  }

  /** Both batches through the pipeline, then every number the comparison needs, in a fixed order. */
  private static Map<String, Object> flow(MedflowConfig config, List<GenerationReport> batches, Landing landing)
      throws Exception {
    Map<String, Object> out = new LinkedHashMap<>();
    try (Services services = new Services(config, Clock.systemUTC())) {
      for (GenerationReport batch : batches) {
        landing.land(batch);
        RunOutcome run = services.pipelineRunner(config.pipeline().gateThreshold(), PipelineListener.NONE)
            .runNow(config.pipeline().landing(), "test");
        assertThat(run.state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(run.payers()).allSatisfy(p -> assertThat(p.reconciled()).isTrue());
        out.put("run " + batch.files().get(0).file().getFileName() + " bronze", run.bronzeRows());
      }
      for (TableSpec spec : Tables.ALL) {
        out.put("rows " + spec.id(), services.lake().rowCount(spec.id()));
        String location = services.lake().location(spec.id());
        assertThat(location).startsWith(config.catalog().onObjectStore() ? "s3://" : "file:");
      }
      out.put("clean rows", services.lake().rowCount(Tables.CLAIMS_CLEAN));
      long firstPublish = services.lake().snapshots(Tables.CLAIMS_CLEAN).get(1).snapshotId();
      List<String> queries = new ArrayList<>(QUERIES);
      queries.add("SELECT claim_status, COUNT(*) AS n FROM healthcare.claims_clean VERSION AS OF " + firstPublish
          + " GROUP BY claim_status ORDER BY claim_status");
      for (int i = 0; i < queries.size(); i++) {
        SqlAnswer answer = services.queryService().run(queries.get(i), Role.ANALYST, OptionalInt.empty());
        out.put("query " + i, answer.result().rows().toString());
        SqlAnswer again = services.queryService().run(queries.get(i), Role.ANALYST, OptionalInt.empty());
        assertThat(again.cached()).as("second run of query %d is served from the %s cache", i,
            services.resultCache().name()).isTrue();
      }
      for (String q : QUESTIONS) {
        Answer a = services.askService().ask(new AskRequest(q, Optional.empty(), "ci", Role.ANALYST), TraceListener.NONE);
        assertThat(a.status()).as(q).isEqualTo(Answer.OK);
        out.put("ask " + q, a.sql() + " -> " + a.rows());
      }
    }
    return out;
  }

  private static void copyInto(GenerationReport report, Path landing) throws Exception {
    for (FileReport f : report.files()) {
      Path target = landing.resolve(f.file().getParent().getFileName().toString()).resolve(f.file().getFileName());
      Files.createDirectories(target.getParent());
      Files.copy(f.file(), target);
    }
  }

  /** {@code ./medflow --config medflow.yaml upload --payer P FILE}, as a user would. */
  private static void upload(Path yaml, GenerationReport report) {
    for (FileReport f : report.files()) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "--config", yaml.toString(), "upload",
          "--payer", f.payer(), f.file().toString());
      assertThat(code).as(err.toString()).isZero();
      assertThat(out.toString().strip()).endsWith("/landing/" + f.file().getParent().getFileName() + "/"
          + f.file().getFileName());
    }
  }
}
