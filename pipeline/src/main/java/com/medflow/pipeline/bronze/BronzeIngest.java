package com.medflow.pipeline.bronze;

import static java.util.Objects.requireNonNull;

import com.medflow.lake.Lake;
import com.medflow.model.Tables;
import com.medflow.model.mapping.PayerMapping;
import com.medflow.model.mapping.PayerMappings;
import com.medflow.pipeline.landing.FilePreflight;
import com.medflow.pipeline.landing.LandingFile;
import com.medflow.pipeline.landing.LandingZone;
import com.medflow.pipeline.landing.ObjectLines;
import com.medflow.objectstore.S3Location;
import com.medflow.pipeline.landing.PreflightResult;
import com.medflow.pipeline.landing.RefusedFile;
import com.medflow.pipeline.landing.UnreadableFileException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Bronze: every data line of every new landing file, with lineage, appended to
 * {@code healthcare.claims_raw} in one commit. A file whose content was ingested before is skipped.
 */
public final class BronzeIngest {
  private final Lake lake;
  private final PayerMappings mappings;

  public BronzeIngest(Lake lake, PayerMappings mappings) {
    this.lake = requireNonNull(lake, "lake is null");
    this.mappings = requireNonNull(mappings, "mappings is null");
  }

  /**
   * Reads every landing file once (hash, header, line count) and decides what to ingest. A file that cannot be
   * read as its payer's format, or that lies in no payer's folder, is refused with its reason and nothing of it
   * is written; the other new files of a payer with a refused file are held back (batches reach bronze in
   * arrival order, so a later batch must not overtake an earlier one that is being fixed). Other payers' files
   * are ingested as usual. A file with a header and no data line is skipped (nothing to ingest).
   */
  public IngestPlan plan(LandingZone zone) {
    List<LandingFile> files = zone.list();
    Set<String> knownShas = new HashSet<>();
    Set<String> knownObjects = new HashSet<>();
    Map<String, String> batchSha = new HashMap<>();
    for (Row r : lake.spark().table(lake.qualified(Tables.CLAIMS_RAW))
        .select("payer", "batch_id", "file_sha256", "source_uri", "source_etag").distinct().collectAsList()) {
      knownShas.add(r.getString(2));
      batchSha.put(r.getString(0) + "\u0000" + r.getString(1), r.getString(2));
      if (!r.isNullAt(4)) {
        knownObjects.add(r.getString(3) + "\u0000" + r.getString(4));
      }
    }
    List<IngestedFile> ingest = new ArrayList<>();
    List<SkippedFile> skipped = new ArrayList<>();
    List<RefusedFile> refused = new ArrayList<>(zone.strays());
    int strays = refused.size();
    for (LandingFile f : files) {
      PayerMapping mapping = mappings.byFolder(f.payerFolder()).orElseThrow();
      if (f.etag().isPresent() && knownObjects.contains(f.uri() + "\u0000" + f.etag().get())) {
        // the same object (location and ETag) was ingested before: skipped without reading it again
        skipped.add(new SkippedFile(f.displayName(), "already ingested (same object and ETag)"));
        continue;
      }
      PreflightResult pre;
      try {
        pre = FilePreflight.check(zone.open(f), f, mapping);
      } catch (UnreadableFileException e) {
        refused.add(new RefusedFile(mapping.payer(), f.displayName(), f.stem(), e.reason()));
        continue;
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot open " + f.displayName(), e);
      }
      if (knownShas.contains(pre.sha256())) {
        skipped.add(new SkippedFile(f.displayName(), "already ingested (same content)"));
        continue;
      }
      if (pre.dataLines() == 0) {
        skipped.add(new SkippedFile(f.displayName(), "header only: no data lines"));
        continue;
      }
      knownShas.add(pre.sha256());
      String batch = f.stem();
      String key = mapping.payer() + "\u0000" + batch;
      if (batchSha.containsKey(key) && !batchSha.get(key).equals(pre.sha256())) {
        batch = batch + "-" + pre.sha256().substring(0, 8);
      }
      batchSha.put(mapping.payer() + "\u0000" + batch, pre.sha256());
      ingest.add(new IngestedFile(pre, mapping.payer(), batch));
    }
    Map<String, String> refusedOfPayer = new HashMap<>(); // of a mapped payer: a stray folder holds nothing back
    refused.subList(strays, refused.size()).forEach(r -> refusedOfPayer.putIfAbsent(r.payer(), r.file()));
    List<RefusedFile> held = new ArrayList<>();
    List<IngestedFile> load = new ArrayList<>();
    for (IngestedFile f : ingest) {
      String blocker = refusedOfPayer.get(f.payer());
      if (blocker == null) {
        load.add(f);
      } else {
        held.add(new RefusedFile(f.payer(), f.preflight().file().displayName(), f.batchId(), "held back: " + blocker
            + " of the same payer was refused, and batches load in arrival order; fix or remove it, then run again"));
      }
    }
    return new IngestPlan(load, skipped, refused, held, zone.s3());
  }

  /** Appends the planned files to bronze in one commit; returns the rows written. */
  public long write(IngestPlan plan, Instant now) {
    if (plan.files().isEmpty()) {
      return 0;
    }
    SparkSession spark = lake.spark();
    Instant ingestedAt = now;
    JavaRDD<Row> all = null;
    for (IngestedFile f : plan.files()) {
      PreflightResult pre = f.preflight();
      PayerMapping mapping = mappings.byPayer(f.payer()).orElseThrow();
      if (mapping.options().fileFormat() == com.medflow.model.mapping.FileFormat.X12_837P) {
        X12BronzeRows x12 = new X12BronzeRows(f.payer(), pre.file().displayName(), f.batchId(), ingestedAt, pre.sha256(),
            mapping.column(com.medflow.model.mapping.StandardField.CLAIM_ID).orElseThrow(), pre.file().uri(),
            pre.file().etag().orElse(null));
        JavaRDD<Row> claims = pre.file().onObjectStore()
            ? org.apache.spark.api.java.JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(List.of(com.medflow.objectstore.S3Location.parse(pre.file().uri())), 1)
                .flatMap(new com.medflow.pipeline.landing.ObjectRows(plan.s3().orElseThrow(), pre.file().etag().orElse(null),
                    x12))
            : spark.sparkContext().binaryFiles(pre.file().uri(), 1).toJavaRDD().flatMap(x12);
        all = all == null ? claims : all.union(claims);
        continue;
      }
      BronzeLines lines = new BronzeLines(f.payer(), pre.file().displayName(), f.batchId(), ingestedAt, pre.sha256(),
          pre.header(), pre.headerLineIndex(), new LineSplitter(mapping.delimiter(), mapping.quoteChar()),
          mapping.column(com.medflow.model.mapping.StandardField.CLAIM_ID).orElseThrow(), pre.file().uri(),
          pre.file().etag().orElse(null));
      JavaRDD<Row> rows = numberedLines(spark, plan, pre.file()).flatMap(lines);
      all = all == null ? rows : all.union(rows);
    }
    Dataset<Row> df = spark.createDataFrame(all, BronzeSchema.SCHEMA);
    lake.append(df, lake.qualified(Tables.CLAIMS_RAW));
    return plan.dataLines();
  }

  /**
   * The file's physical lines numbered from 0: Spark's text reader for files, or one task per
   * object streaming it from S3 at the ETag the preflight hashed (same lines, same numbers).
   */
  private static JavaRDD<scala.Tuple2<Row, Long>> numberedLines(SparkSession spark, IngestPlan plan, LandingFile file) {
    if (file.onObjectStore()) {
      return org.apache.spark.api.java.JavaSparkContext.fromSparkContext(spark.sparkContext())
          .parallelize(List.of(S3Location.parse(file.uri())), 1)
          .flatMap(new ObjectLines(plan.s3().orElseThrow(), file.etag().orElse(null)));
    }
    return spark.read().text(file.uri()).javaRDD().zipWithIndex().rdd().toJavaRDD();
  }
}
