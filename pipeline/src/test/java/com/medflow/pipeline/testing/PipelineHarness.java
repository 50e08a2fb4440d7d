package com.medflow.pipeline.testing;

import com.medflow.config.MedflowConfig;
import com.medflow.lake.Lake;
import com.medflow.lake.testing.SparkTestSessions;
import com.medflow.model.TableId;
import com.medflow.model.codes.Icd10Cm;
import com.medflow.model.mapping.PayerMappings;
import com.medflow.objectstore.ObjectStore;
import com.medflow.objectstore.S3Connection;
import com.medflow.objectstore.S3Location;
import com.medflow.pipeline.quality.QualityGate;
import com.medflow.pipeline.run.PipelineListener;
import com.medflow.pipeline.run.PipelineRunner;
import com.medflow.pipeline.run.RunOutcome;
import com.medflow.store.AppDatabase;
import com.medflow.store.runs.RunStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** A pipeline on a temporary home with a fixed clock, fed from the fixture batches in test resources. */
public final class PipelineHarness implements AutoCloseable {
  private static final Icd10Cm ICD10 = Icd10Cm.load();
  public static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");

  public final MedflowConfig config;
  public final SparkSession spark;
  public final Lake lake;
  public final AppDatabase db;
  public final RunStore runs;
  public final Path landing;
  /** Where runs read: {@link #landing}, or the configured {@code s3://} landing zone that files are uploaded to. */
  public final String landingRoot;
  public final Optional<S3Connection> s3;
  private final double threshold;
  private PayerMappings mappings = PayerMappings.load(Optional.empty());

  public PipelineHarness(Path home, double threshold, Map<String, String> overrides) {
    this.config = MedflowConfig.forHome(home, overrides);
    this.spark = SparkTestSessions.session(config);
    this.lake = new Lake(spark, config.catalog().name());
    this.db = AppDatabase.open(config.appDb());
    this.runs = new RunStore(db);
    this.landing = home.resolve("landing");
    boolean onS3 = MedflowConfig.isS3(config.pipeline().landing()) || config.catalog().onObjectStore();
    this.s3 = onS3 ? Optional.of(S3Connection.of(config.s3())) : Optional.empty();
    this.landingRoot = MedflowConfig.isS3(config.pipeline().landing()) ? config.pipeline().landing() : landing.toString();
    this.threshold = threshold;
  }

  /** The repository's {@code payers/} folder of extra mapping files (CMS carrier, X12 837P). */
  public static final Path REPO_PAYERS = Path.of("..", "payers");

  /** Runs with the built-in mappings plus every mapping file in {@code dir}. */
  public PipelineHarness payers(Path dir) {
    this.mappings = PayerMappings.load(Optional.of(dir));
    return this;
  }

  public PayerMappings mappings() {
    return mappings;
  }

  public PipelineRunner runner() {
    return runner(PipelineListener.NONE);
  }

  /** A runner with the harness's configuration ({@code quality.max-field-length} among the overrides). */
  public PipelineRunner runner(PipelineListener listener) {
    return runner(listener, com.medflow.telemetry.Tracing.NOOP);
  }

  /** A runner whose run and task spans go to {@code tracer}. */
  public PipelineRunner runner(PipelineListener listener, io.opentelemetry.api.trace.Tracer tracer) {
    return new PipelineRunner(lake, runs, mappings, ICD10, new QualityGate(threshold),
        Clock.fixed(NOW, ZoneOffset.UTC), listener, s3, com.medflow.pipeline.run.RetryPolicy.NONE,
        com.medflow.pipeline.run.Sleeper.SYSTEM,
        new com.medflow.pipeline.quality.ArrivalChecks(com.medflow.config.OrchestrationConfig.DEFAULT_CHECKS),
        tracer, new com.medflow.pipeline.silver.RowLimits(config.pipeline().maxFieldLength()));
  }

  public RunOutcome run() {
    return runner().runNow(landingRoot, "test");
  }

  /** Copies fixture batch {@code name} (e.g. b1) into the landing zone. */
  public void land(String name) {
    try {
      java.net.URI uri = PipelineHarness.class.getResource("/fixtures/" + name).toURI();
      if (uri.getScheme().equals("jar")) { // fixtures read from the pipeline test-jar by other modules
        try (java.nio.file.FileSystem jar = java.nio.file.FileSystems.newFileSystem(uri, Map.of())) {
          copyTree(jar.getPath("/fixtures/" + name));
        }
      } else {
        copyTree(Path.of(uri));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private void copyTree(Path src) throws IOException {
    try (Stream<Path> files = Files.walk(src)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Path target = landing.resolve(src.relativize(f).toString());
        Files.createDirectories(target.getParent());
        Files.copy(f, target);
        upload(src.relativize(f).toString(), target);
      }
    }
  }

  /** Copies a classpath resource into the landing zone at {@code relative}. */
  public void landResource(String resource, String relative) {
    try (java.io.InputStream in = PipelineHarness.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("No resource " + resource);
      }
      write(relative, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void write(String relative, byte[] content) {
    try {
      Path target = landing.resolve(relative);
      Files.createDirectories(target.getParent());
      Files.write(target, content);
      upload(relative, target);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Removes the landing file at {@code relative} (and its S3 copy on an S3 landing zone). */
  public void delete(String relative) {
    try {
      Files.delete(landing.resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (MedflowConfig.isS3(landingRoot)) {
      try (ObjectStore store = new ObjectStore(s3.orElseThrow())) {
        store.deleteAll(S3Location.parse(landingRoot).resolve(relative.replace('\\', '/')));
      }
    }
  }

  /** On an S3 landing zone, puts the local copy at {@code relative} under it. */
  private void upload(String relative, Path local) {
    if (MedflowConfig.isS3(landingRoot)) {
      try (ObjectStore store = new ObjectStore(s3.orElseThrow())) {
        store.put(local, S3Location.parse(landingRoot).resolve(relative.replace('\\', '/')));
      }
    }
  }

  public List<Row> rows(String sql) {
    return spark.sql(sql).collectAsList();
  }

  /** Rows of a query as strings "a|b|c", for exact comparisons. */
  public List<String> lines(String sql) {
    return rows(sql).stream().map(r -> {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < r.length(); i++) {
        if (i > 0) {
          sb.append('|');
        }
        sb.append(r.isNullAt(i) ? "null" : String.valueOf(r.get(i)));
      }
      return sb.toString();
    }).toList();
  }

  public long snapshot(TableId id) {
    return lake.currentSnapshotId(id).orElse(-1L);
  }

  @Override
  public void close() {
    db.close();
  }
}
