package com.medflow.query.trino;

import static java.util.Objects.requireNonNull;

import com.medflow.config.MedflowConfig;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Trino's configuration generated from MedFlow's own: one coordinator that also works, on the port of
 * {@code trino.url}, and an Iceberg catalog named like MedFlow's ({@code catalog.name}) over the same JDBC
 * catalog database (SQLite or PostgreSQL, schema version V1) and the same warehouse (local files or S3).
 * Every value comes from the typed configuration; nothing is read from the user at run time.
 */
public final class TrinoCatalogFiles {
  /** The SQLite driver class; Trino's Iceberg plugin ships only PostgreSQL's, so install copies sqlite-jdbc in. */
  static final String SQLITE_DRIVER = "org.sqlite.JDBC";

  private TrinoCatalogFiles() {}

  /** {@code etc/config.properties}: a single-node coordinator on {@code port}. */
  static Map<String, String> server(int port, String heap) {
    requireNonNull(heap, "heap is null");
    long heapMb = heapMegabytes(heap);
    Map<String, String> p = new LinkedHashMap<>();
    p.put("coordinator", "true");
    p.put("node-scheduler.include-coordinator", "true");
    p.put("http-server.http.port", Integer.toString(port));
    p.put("discovery.uri", "http://127.0.0.1:" + port);
    p.put("query.max-memory", Math.max(128, heapMb * 6 / 10) + "MB");
    p.put("query.max-memory-per-node", Math.max(128, heapMb * 6 / 10) + "MB");
    // a lake on one machine: a few task threads, and no spilling
    p.put("task.concurrency", "2");
    p.put("task.max-worker-threads", "4");
    return p;
  }

  /** {@code etc/catalog/<catalog.name>.properties}: Iceberg over MedFlow's JDBC catalog and warehouse. */
  static Map<String, String> iceberg(MedflowConfig.Catalog catalog, Optional<Map<String, String>> s3) {
    requireNonNull(catalog, "catalog is null");
    requireNonNull(s3, "s3 is null");
    Map<String, String> p = new LinkedHashMap<>();
    p.put("connector.name", "iceberg");
    p.put("iceberg.catalog.type", "jdbc");
    p.put("iceberg.jdbc-catalog.catalog-name", catalog.name());
    p.put("iceberg.jdbc-catalog.connection-url", catalog.uri());
    if (catalog.isEmbedded()) {
      p.put("iceberg.jdbc-catalog.driver-class", SQLITE_DRIVER);
    } else {
      p.put("iceberg.jdbc-catalog.driver-class", "org.postgresql.Driver");
    }
    catalog.user().ifPresent(u -> p.put("iceberg.jdbc-catalog.connection-user", u));
    catalog.password().ifPresent(pw -> p.put("iceberg.jdbc-catalog.connection-password", pw));
    String warehouse = catalog.warehouse().toString();
    p.put("iceberg.jdbc-catalog.default-warehouse-dir", warehouse);
    p.put("iceberg.jdbc-catalog.schema-version", "V1");
    // MedFlow's tables are read, never written, through Trino
    p.put("iceberg.register-table-procedure.enabled", "false");
    if (catalog.onObjectStore()) {
      Map<String, String> io = s3.orElseThrow(() -> new IllegalArgumentException(
          "catalog.warehouse is on S3 but no S3 connection was given"));
      p.put("fs.native-s3.enabled", "true");
      Optional.ofNullable(io.get("s3.endpoint")).ifPresent(e -> p.put("s3.endpoint", e));
      p.put("s3.path-style-access", io.getOrDefault("s3.path-style-access", "true"));
      p.put("s3.region", io.getOrDefault("client.region", "us-east-1"));
      Optional.ofNullable(io.get("s3.access-key-id")).ifPresent(k -> p.put("s3.aws-access-key", k));
      Optional.ofNullable(io.get("s3.secret-access-key")).ifPresent(k -> p.put("s3.aws-secret-key", k));
    } else {
      p.put("fs.native-local.enabled", "true");
      p.put("local.location", "/");
      if (!"file".equals(URI.create(warehouse).getScheme())) {
        throw new IllegalArgumentException("Invalid warehouse for Trino: " + warehouse);
      }
    }
    return p;
  }

  /** {@code etc/jvm.config}: one option per line (also a Java argument file). */
  static String jvm(String heap) {
    return String.join("\n", "-server", "-Xmx" + heap, "-XX:+UseG1GC", "-XX:+ExitOnOutOfMemoryError",
        "-XX:+HeapDumpOnOutOfMemoryError", "-XX:-OmitStackTraceInFastThrow", "-XX:ReservedCodeCacheSize=256M",
        "-Djdk.attach.allowAttachSelf=true", "-Dfile.encoding=UTF-8", "-XX:+EnableDynamicAgentLoading",
        "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow") + "\n";
  }

  static long heapMegabytes(String heap) {
    long n = Long.parseLong(heap.substring(0, heap.length() - 1));
    char unit = Character.toUpperCase(heap.charAt(heap.length() - 1));
    return unit == 'G' ? n * 1024 : n;
  }
}
