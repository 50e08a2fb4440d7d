package com.medflow.config;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every configuration key MedFlow reads, with its default and meaning. The one place they are defined. */
public final class Settings {
  private Settings() {}

  public static final Setting HOME = new Setting("home", "./.medflow",
      "Folder for everything the embedded mode writes: catalog, warehouse, app database, indexes, logs (env MEDFLOW_HOME).");

  public static final Setting PROFILE = new Setting("profile", "embedded",
      "Set of defaults: embedded (local files, SQLite, in-process cache) or production (PostgreSQL catalog and app"
          + " database, S3 landing zone and warehouse, Redis cache); explicit values still win (env MEDFLOW_PROFILE).");

  public static final Setting CATALOG_NAME = new Setting("catalog.name", "lake",
      "Iceberg catalog name registered in Spark (spark.sql.catalog.<name>).");
  public static final Setting CATALOG_URI = new Setting("catalog.uri", "jdbc:sqlite:${home}/catalog.db",
      "JDBC URL of the Iceberg catalog database: jdbc:sqlite:<file> (embedded) or jdbc:postgresql://host:5432/db.");
  public static final Setting CATALOG_USER = new Setting("catalog.user", null, "Catalog database user (PostgreSQL).");
  public static final Setting CATALOG_PASSWORD = new Setting("catalog.password", null, "Catalog database password.");
  public static final Setting WAREHOUSE = new Setting("catalog.warehouse", "file://${home}/warehouse",
      "Where table data and metadata files live: a file:///path or s3://bucket/prefix (Iceberg S3FileIO).");

  public static final Setting SPARK_MASTER = new Setting("spark.master", "local[4]",
      "Spark master when not started by spark-submit (spark-submit's --master wins). Four task slots on a two-core"
      + " machine, so one user's long tasks leave slots for the other users' queries (FAIR pools share them).");
  public static final Setting SPARK_SHUFFLE_PARTITIONS = new Setting("spark.shuffle-partitions", "4",
      "spark.sql.shuffle.partitions; small is right for one machine, raise it on a cluster.");
  public static final Setting SPARK_UI = new Setting("spark.ui", "false", "Start the Spark web UI (port 4040).");

  public static final Setting LANDING = new Setting("landing.dir", "${home}/landing",
      "Landing zone with one folder per payer: a directory, a file:// URI or s3://bucket/prefix.");
  public static final Setting PAYER_MAPPINGS = new Setting("payers.dir", null,
      "Extra folder of payer mapping files (*.yaml) added to the built-in ones.");
  public static final Setting GATE_THRESHOLD = new Setting("quality.gate-threshold", "0.10",
      "Quality gate: a batch fails when any payer's quarantine rate exceeds this fraction.");
  public static final Setting MAX_FIELD_LENGTH = new Setting("quality.max-field-length", "1000",
      "Longest field (characters) of a landing file's row; a row with a longer field is quarantined (FIELD_TOO_LONG).");

  public static final Setting APP_DB_URL = new Setting("app-db.url", "jdbc:sqlite:${home}/app.db",
      "JDBC URL of the application database (users, audit, runs, conversations).");
  public static final Setting APP_DB_USER = new Setting("app-db.user", null, "Application database user.");
  public static final Setting APP_DB_PASSWORD = new Setting("app-db.password", null, "Application database password.");

  public static final Setting SERVER_HOST = new Setting("server.host", "127.0.0.1",
      "Interface the HTTP server binds; use 0.0.0.0 only with TLS configured.");
  public static final Setting SERVER_PORT = new Setting("server.port", "8000", "HTTP(S) port.");
  public static final Setting TLS_KEYSTORE = new Setting("server.tls.keystore", null,
      "PKCS#12 keystore file; when set the server speaks HTTPS only.");
  public static final Setting TLS_KEYSTORE_PASSWORD = new Setting("server.tls.keystore-password", null,
      "Password of the TLS keystore.");
  public static final Setting JWT_SECRET = new Setting("auth.jwt-secret", null,
      "HMAC secret for tokens (>= 32 bytes); generated and stored under home on first start when unset.");
  public static final Setting TOKEN_TTL = new Setting("auth.token-ttl", "PT8H", "Token lifetime (ISO-8601 duration).");
  public static final Setting RATE_LIMIT = new Setting("rate-limit.per-minute", "60",
      "Requests per user per minute to /api/ask and /api/sql; 0 disables.");
  public static final Setting LOGIN_MAX_FAILURES = new Setting("auth.login-max-failures", "5",
      "Failed logins one user name may have within auth.login-window; further attempts for it are answered 429"
          + " LOGIN_THROTTLED with Retry-After (without checking the password) until the oldest failure leaves the"
          + " window; a successful login clears the user name's count; 0 disables.");
  public static final Setting LOGIN_MAX_FAILURES_PER_ADDRESS = new Setting("auth.login-max-failures-per-address", "20",
      "Failed logins one client address (the TCP peer; X-Forwarded-For is not trusted) may have within"
          + " auth.login-window, whatever the user names; then 429 LOGIN_THROTTLED as above; 0 disables.");
  public static final Setting LOGIN_WINDOW = new Setting("auth.login-window", "PT15M",
      "Sliding window in which failed logins are counted (ISO-8601 duration).");
  public static final Setting MAX_REQUEST_BYTES = new Setting("server.max-request-bytes", "1000000",
      "Most bytes of one request body, with or without Content-Length (chunked); larger bodies are answered 413"
          + " PAYLOAD_TOO_LARGE.");

  public static final Setting QUERY_TIMEOUT = new Setting("query.timeout", "PT30S", "Time limit of one query.");
  public static final Setting QUERY_MAX_ROWS = new Setting("query.max-rows", "10000",
      "Most rows a query may return; larger requested limits are lowered to this.");
  public static final Setting QUERY_DEFAULT_LIMIT = new Setting("query.default-limit", "1000",
      "LIMIT added to queries that have none.");

  public static final Setting QUERY_MAX_INTERMEDIATE_ROWS = new Setting("query.max-intermediate-rows", "100000000",
      "Most row pairs a join without an equality condition (or rows an explode) may produce, estimated from the"
      + " optimized plan before the query starts; above it the query is refused (QUERY_TOO_EXPENSIVE).");
  public static final Setting QUERY_MAX_RESULT_BYTES = new Setting("query.max-result-bytes", "16777216",
      "Most bytes of result values one query may return (estimated before it runs, counted while rows are read).");
  public static final Setting QUERY_BUSINESS_MAX_ROWS = new Setting("query.business.max-rows", "1000",
      "Most rows one answer to the business role may hold (/api/ask, table previews); more are cut and the answer"
      + " says truncated. Lowered to query.max-rows when that is smaller.");
  public static final Setting QUERY_BUSINESS_MAX_RESULT_BYTES = new Setting("query.business.max-result-bytes",
      "1048576", "Most bytes of result values one answer to the business role may hold (counted after masking, as"
      + " UTF-8 JSON); the rows after the cap are cut and the answer says truncated. Lowered to"
      + " query.max-result-bytes when that is smaller.");
  public static final Setting QUERY_MAX_VALUE_BYTES = new Setting("query.max-value-bytes", "1048576",
      "Most bytes one value (string, array) may have, estimated before the query runs and checked on every result.");
  public static final Setting QUERY_MAX_CONCURRENT = new Setting("query.max-concurrent", "8",
      "Queries running at once in this process (the query thread pool); more are answered 503 SERVER_BUSY.");
  public static final Setting QUERY_MAX_CONCURRENT_PER_USER = new Setting("query.max-concurrent-per-user", "2",
      "Queries one user may have running at once (a cancelled query counts until it has really stopped); more are"
      + " answered 429 TOO_MANY_QUERIES.");
  public static final Setting QUERY_CANCEL_GRACE = new Setting("query.cancel-grace", "PT2S",
      "How long a timed-out or cancelled query is waited for to stop before the answer says it is still stopping.");

  public static final Setting QUERY_ENGINE = new Setting("query.engine", "spark",
      "Engine of interactive queries (/api/sql, /api/ask, ./medflow sql): spark (the session in this process) or trino"
          + " (a Trino coordinator at trino.url over the same Iceberg catalog; ./medflow trino start runs one).");
  public static final Setting QUERY_ENGINE_FALLBACK = new Setting("query.engine-fallback", "none",
      "With query.engine=trino: none answers 503 ENGINE_UNAVAILABLE while Trino is down; spark runs the query on Spark"
          + " instead (its SQL printed again in Spark's dialect).");
  public static final Setting TRINO_URL = new Setting("trino.url", "http://127.0.0.1:8080",
      "Trino coordinator (http://host:port); ./medflow trino start listens on its port when the host is this machine.");
  public static final Setting TRINO_USER = new Setting("trino.user", "medflow", "User name MedFlow sends to Trino.");
  public static final Setting TRINO_INSTALL_DIR = new Setting("trino.install-dir", "${home}/trino/server",
      "Where ./medflow trino install unpacks Trino (server tarball and Iceberg plugin from Maven Central); share one"
          + " folder between homes to install once.");
  public static final Setting TRINO_DATA_DIR = new Setting("trino.data-dir", "${home}/trino",
      "Trino's generated configuration (etc/), data, log and pid file.");
  public static final Setting TRINO_JAVA_HOME = new Setting("trino.java-home", null,
      "Java 22+ that runs Trino; unset: the newest /usr/lib/jvm/temurin-2[2-9]* or JAVA_HOME when it is new enough.");
  public static final Setting TRINO_HEAP = new Setting("trino.heap", "1G", "Trino's JVM heap (-Xmx).");

  public static final Setting CACHE_TYPE = new Setting("cache.type", "memory",
      "Result cache: memory (in-process Caffeine), redis, or none.");
  public static final Setting CACHE_REDIS_URL = new Setting("cache.redis-url", "redis://127.0.0.1:6379",
      "Redis URL when cache.type=redis.");
  public static final Setting CACHE_TTL = new Setting("cache.ttl", "PT1H", "How long a cached result lives.");
  public static final Setting CACHE_MAX_ENTRIES = new Setting("cache.max-entries", "10000",
      "Most results kept by the in-process cache.");

  public static final Setting ANTHROPIC_API_KEY = new Setting("assistant.anthropic-api-key", null,
      "Claude API key (also read from ANTHROPIC_API_KEY); unset means the offline engine only.");
  public static final Setting ANTHROPIC_BASE_URL = new Setting("assistant.anthropic-base-url", "https://api.anthropic.com/v1/",
      "Claude API base URL.");
  public static final Setting ANTHROPIC_MODEL = new Setting("assistant.model", "claude-sonnet-4-5",
      "Claude model name.");
  public static final Setting LLM_TIMEOUT = new Setting("assistant.llm-timeout", "PT30S", "Time limit of one LLM call.");
  public static final Setting SEMANTIC_MODEL = new Setting("assistant.semantic-model", null,
      "A semantic model YAML file used instead of the built-in one; POST /api/semantic/reload re-reads it.");
  public static final Setting LLM_RETRIES = new Setting("assistant.llm-retries", "1", "Retries of a failed LLM call (0 or 1).");

  public static final Setting S3_ENDPOINT = new Setting("s3.endpoint", "http://127.0.0.1:9000",
      "S3 API endpoint (http or https URL), or aws for AWS's regional endpoint; the default is where"
          + " ./medflow s3 start runs the development server.");
  public static final Setting S3_REGION = new Setting("s3.region", "us-east-1", "S3 region (signing and AWS endpoints).");
  public static final Setting S3_PATH_STYLE = new Setting("s3.path-style", "true",
      "Path-style requests (endpoint/bucket/key), which S3Proxy and most S3-compatible stores need; false for"
          + " virtual-hosted AWS buckets.");
  public static final Setting S3_ACCESS_KEY = new Setting("s3.access-key", null,
      "S3 access key id; unset: the credentials ./medflow s3 start generated (endpoint on this machine), else the"
          + " AWS default chain (AWS_ACCESS_KEY_ID, ~/.aws, instance or container role).");
  public static final Setting S3_SECRET_KEY = new Setting("s3.secret-key", null, "S3 secret access key.");
  public static final Setting S3_SERVER_DIR = new Setting("s3.server-dir", "${home}/s3",
      "Folder of the development S3 server (./medflow s3 start): objects, settings, generated credentials, log.");

  public static final Setting MAINTAIN_RETENTION = new Setting("maintain.snapshot-retention", "P7D",
      "./medflow maintain expires snapshots older than this (ISO-8601 duration); time travel works within it.");
  public static final Setting MAINTAIN_MIN_SNAPSHOTS = new Setting("maintain.min-snapshots", "10",
      "./medflow maintain keeps at least this many snapshots of each table, however old.");
  public static final Setting MAINTAIN_ORPHAN_AGE = new Setting("maintain.orphan-min-age", "PT24H",
      "Files in a table's folder that no snapshot references are deleted once older than this (younger ones may"
          + " belong to a write in progress).");

  public static final List<Setting> ALL = all(PROFILE, HOME, CATALOG_NAME, CATALOG_URI, CATALOG_USER, CATALOG_PASSWORD,
      WAREHOUSE, SPARK_MASTER,
      SPARK_SHUFFLE_PARTITIONS, SPARK_UI, LANDING, PAYER_MAPPINGS, GATE_THRESHOLD, MAX_FIELD_LENGTH, APP_DB_URL, APP_DB_USER,
      APP_DB_PASSWORD, SERVER_HOST, SERVER_PORT, TLS_KEYSTORE, TLS_KEYSTORE_PASSWORD, JWT_SECRET, TOKEN_TTL,
      RATE_LIMIT, LOGIN_MAX_FAILURES, LOGIN_MAX_FAILURES_PER_ADDRESS, LOGIN_WINDOW, MAX_REQUEST_BYTES,
      QUERY_TIMEOUT, QUERY_MAX_ROWS, QUERY_DEFAULT_LIMIT, QUERY_MAX_INTERMEDIATE_ROWS, QUERY_MAX_RESULT_BYTES,
      QUERY_BUSINESS_MAX_ROWS, QUERY_BUSINESS_MAX_RESULT_BYTES, QUERY_MAX_VALUE_BYTES, QUERY_MAX_CONCURRENT, QUERY_MAX_CONCURRENT_PER_USER, QUERY_CANCEL_GRACE, QUERY_ENGINE, QUERY_ENGINE_FALLBACK,
      TRINO_URL, TRINO_USER, TRINO_INSTALL_DIR, TRINO_DATA_DIR, TRINO_JAVA_HOME, TRINO_HEAP, CACHE_TYPE,
      CACHE_REDIS_URL, CACHE_TTL, CACHE_MAX_ENTRIES, ANTHROPIC_API_KEY, ANTHROPIC_BASE_URL, ANTHROPIC_MODEL,
      LLM_TIMEOUT, LLM_RETRIES, SEMANTIC_MODEL, S3_ENDPOINT, S3_REGION, S3_PATH_STYLE, S3_ACCESS_KEY, S3_SECRET_KEY, S3_SERVER_DIR,
      MAINTAIN_RETENTION, MAINTAIN_MIN_SNAPSHOTS, MAINTAIN_ORPHAN_AGE, OrchestrationConfig.SETTINGS);

  private static List<Setting> all(Object... settings) { // single settings and lists of them, in order
    List<Setting> out = new java.util.ArrayList<>();
    for (Object o : settings) {
      if (o instanceof Setting s) {
        out.add(s);
      } else {
        ((List<?>) o).forEach(x -> out.add((Setting) x));
      }
    }
    return List.copyOf(out);
  }

  static final Map<String, Setting> BY_KEY = ALL.stream().collect(Collectors.toMap(Setting::key, Function.identity()));
}
