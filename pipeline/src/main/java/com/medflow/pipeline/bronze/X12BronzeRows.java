package com.medflow.pipeline.bronze;

import com.medflow.pipeline.bronze.x12.X12ClaimReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.input.PortableDataStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import scala.Tuple2;

/**
 * Turns one X12 837P file into bronze rows, one per claim: {@code source_line} is the position of
 * the claim's CLM segment in the file, {@code record} its loop/element keys, {@code raw_line} its
 * segments as read. Runs where bronze reads the file (a Spark task), like {@link BronzeLines}.
 */
public final class X12BronzeRows implements FlatMapFunction<Tuple2<String, PortableDataStream>, Row>, Serializable {
  private static final long serialVersionUID = 1L;

  private final String payer;
  private final String sourceFile;
  private final String batchId;
  private final Instant ingestedAt;
  private final String sha256;
  private final String claimKey;
  private final String sourceUri;
  private final String sourceEtag;

  public X12BronzeRows(String payer, String sourceFile, String batchId, Instant ingestedAt, String sha256,
                       String claimKey, String sourceUri, String sourceEtag) {
    this.payer = payer;
    this.sourceFile = sourceFile;
    this.batchId = batchId;
    this.ingestedAt = ingestedAt;
    this.sha256 = sha256;
    this.claimKey = claimKey;
    this.sourceUri = sourceUri;
    this.sourceEtag = sourceEtag;
  }

  @Override
  public Iterator<Row> call(Tuple2<String, PortableDataStream> file) {
    return rows(file._2().open());
  }

  /** The bronze rows of the file read from {@code input} (closed afterwards). */
  public Iterator<Row> rows(InputStream input) {
    List<Row> rows = new ArrayList<>();
    try (InputStream in = input) {
      X12ClaimReader.read(in, c -> {
        String claim = c.record().get(claimKey);
        String key = claim == null || claim.isBlank() ? null : claim.trim();
        rows.add(RowFactory.create(payer, sourceFile, c.segment(), batchId, ingestedAt,
            scala.jdk.javaapi.CollectionConverters.asScala(c.record()), c.raw(), sha256, key, sourceUri, sourceEtag));
      });
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + sourceFile + ": " + e.getMessage(), e);
    }
    return rows.iterator();
  }
}
