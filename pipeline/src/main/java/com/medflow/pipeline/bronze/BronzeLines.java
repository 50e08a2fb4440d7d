package com.medflow.pipeline.bronze;

import java.io.Serializable;
import java.time.Instant;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import scala.Tuple2;

/**
 * Turns the numbered lines of one file into bronze rows: the header and blank lines are skipped,
 * every other line becomes a row with its raw text and, when it splits into exactly the header's
 * fields, the column-to-value record (empty otherwise, which silver reports as MALFORMED_ROW).
 */
public final class BronzeLines implements FlatMapFunction<Tuple2<Row, Long>, Row>, Serializable {
  private static final long serialVersionUID = 1L;

  private final String payer;
  private final String sourceFile;
  private final String batchId;
  private final Instant ingestedAt;
  private final String sha256;
  private final List<String> header;
  private final long headerIndex;
  private final LineSplitter splitter;
  private final String claimColumn;
  private final String sourceUri;
  private final String sourceEtag;

  public BronzeLines(String payer, String sourceFile, String batchId, Instant ingestedAt, String sha256,
                     List<String> header, long headerIndex, LineSplitter splitter, String claimColumn) {
    this(payer, sourceFile, batchId, ingestedAt, sha256, header, headerIndex, splitter, claimColumn, null, null);
  }

  /** {@code sourceUri}: the full location read; {@code sourceEtag}: the object's ETag (null for files). */
  public BronzeLines(String payer, String sourceFile, String batchId, Instant ingestedAt, String sha256,
                     List<String> header, long headerIndex, LineSplitter splitter, String claimColumn,
                     String sourceUri, String sourceEtag) {
    this.payer = payer;
    this.sourceFile = sourceFile;
    this.batchId = batchId;
    this.ingestedAt = ingestedAt;
    this.sha256 = sha256;
    this.header = List.copyOf(header);
    this.headerIndex = headerIndex;
    this.splitter = splitter;
    this.claimColumn = claimColumn;
    this.sourceUri = sourceUri;
    this.sourceEtag = sourceEtag;
  }

  @Override
  public Iterator<Row> call(Tuple2<Row, Long> numbered) {
    long index = numbered._2();
    if (index <= headerIndex) {
      return Collections.emptyIterator();
    }
    String line = numbered._1().getString(0);
    if (isBlank(line)) {
      return Collections.emptyIterator();
    }
    Map<String, String> record = record(line);
    String claim = record.get(claimColumn);
    String claimKey = claim == null || claim.isBlank() ? null : claim.trim();
    return Collections.singletonList(RowFactory.create(payer, sourceFile, index + 1, batchId, ingestedAt,
        scala.jdk.javaapi.CollectionConverters.asScala(record), line, sha256, claimKey, sourceUri, sourceEtag)).iterator();
  }

  Map<String, String> record(String line) {
    List<String> fields = splitter.split(line);
    if (fields == null || fields.size() != header.size()) {
      return Collections.emptyMap();
    }
    Map<String, String> record = new LinkedHashMap<>(header.size() * 2);
    for (int i = 0; i < header.size(); i++) {
      record.put(header.get(i), fields.get(i));
    }
    return record;
  }

  static boolean isBlank(String line) {
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c > ' ' && c != '\uFEFF') {
        return false;
      }
    }
    return true;
  }
}
