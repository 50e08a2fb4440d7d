package com.medflow.config;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The whole typed configuration. Built once by {@link ConfigLoader} in {@code main} and passed to
 * constructors; every value is validated when it is built, never later.
 */
public record MedflowConfig(
    Path home,
    Catalog catalog,
    Spark spark,
    Pipeline pipeline,
    Database appDb,
    Server server,
    Query query,
    Cache cache,
    Assistant assistant,
    S3 s3,
    Profile profile,
    Engine engine,
    Maintenance maintenance,
    OrchestrationConfig orchestration) {

  public MedflowConfig {
    requireNonNull(home, "home is null");
    requireNonNull(catalog, "catalog is null");
    requireNonNull(spark, "spark is null");
    requireNonNull(pipeline, "pipeline is null");
    requireNonNull(appDb, "appDb is null");
    requireNonNull(server, "server is null");
    requireNonNull(query, "query is null");
    requireNonNull(cache, "cache is null");
    requireNonNull(assistant, "assistant is null");
    requireNonNull(s3, "s3 is null");
    requireNonNull(profile, "profile is null");
    requireNonNull(engine, "engine is null");
    requireNonNull(maintenance, "maintenance is null");
    requireNonNull(orchestration, "orchestration is null");
  }

  /** Table maintenance ({@code ./medflow maintain}): snapshot retention and the age of removable orphan files. */
  public record Maintenance(Duration snapshotRetention, int minSnapshots, Duration orphanMinAge) {
    public Maintenance {
      requireNonNull(snapshotRetention, "snapshotRetention is null");
      requireNonNull(orphanMinAge, "orphanMinAge is null");
      com.medflow.model.Preconditions.checkArgument(!snapshotRetention.isNegative(), "Invalid snapshot retention: %s",
          snapshotRetention);
      com.medflow.model.Preconditions.checkArgument(minSnapshots >= 1, "Invalid minimum snapshots: %s", minSnapshots);
      com.medflow.model.Preconditions.checkArgument(!orphanMinAge.isNegative(), "Invalid orphan file age: %s", orphanMinAge);
    }
  }

  /** Which engine runs interactive queries, and how to reach and run Trino. */
  public record Engine(EngineKind kind, boolean fallbackToSpark, Trino trino) {
    public Engine {
      requireNonNull(kind, "kind is null");
      requireNonNull(trino, "trino is null");
    }
  }

  public enum EngineKind { SPARK, TRINO }

  /** A Trino coordinator: its URL, the user MedFlow sends, and where ./medflow trino installs and runs it. */
  public record Trino(URI url, String user, Path installDir, Path dataDir, Optional<Path> javaHome, String heap) {
    public Trino {
      requireNonNull(url, "url is null");
      requireNonNull(user, "user is null");
      requireNonNull(installDir, "installDir is null");
      requireNonNull(dataDir, "dataDir is null");
      requireNonNull(javaHome, "javaHome is null");
      requireNonNull(heap, "heap is null");
    }
  }

  /** Iceberg JDBC catalog and warehouse location. */
  public record Catalog(String name, String uri, Optional<String> user, Optional<String> password, URI warehouse) {
    public boolean isEmbedded() {
      return uri.startsWith("jdbc:sqlite:");
    }

    /** The warehouse is an s3:// location (Iceberg S3FileIO) rather than a file system path. */
    public boolean onObjectStore() {
      return isS3(warehouse.toString());
    }
  }

  /** True for an {@code s3://bucket/...} location. */
  public static boolean isS3(String location) {
    return location.regionMatches(true, 0, "s3://", 0, 5);
  }

  /**
   * How to reach the S3 store of the landing zone and the warehouse. {@code endpoint} empty means
   * AWS's own regional endpoint; {@code keys} empty means the development server's generated
   * credentials (for an endpoint on this machine) or else the AWS default credentials chain.
   */
  public record S3(Optional<URI> endpoint, String region, boolean pathStyle, Optional<S3Keys> keys, Path serverDir) {
    public S3 {
      requireNonNull(endpoint, "endpoint is null");
      requireNonNull(region, "region is null");
      requireNonNull(keys, "keys is null");
      requireNonNull(serverDir, "serverDir is null");
    }

    /** The endpoint is on this machine (loopback), where {@code ./medflow s3 start} can run the server. */
    public boolean localEndpoint() {
      return endpoint.map(URI::getHost).map(h -> h.equals("127.0.0.1") || h.equals("localhost") || h.equals("[::1]")
          || h.equals("::1")).orElse(false);
    }
  }

  /** Static S3 credentials and where they were configured (for error messages; never the secret). */
  public record S3Keys(String accessKey, String secretKey, String origin) {
    public S3Keys {
      requireNonNull(accessKey, "accessKey is null");
      requireNonNull(secretKey, "secretKey is null");
      requireNonNull(origin, "origin is null");
    }

    @Override
    public String toString() {
      return "S3Keys[" + accessKey + ", (hidden), " + origin + "]";
    }
  }

  public record Spark(String master, int shufflePartitions, boolean ui) {}

  /** {@code maxFieldLength}: the longest field of a landing file's row, in characters (longer: FIELD_TOO_LONG). */
  public record Pipeline(String landing, Optional<Path> payersDir, double gateThreshold, int maxFieldLength) {
    public Pipeline {
      com.medflow.model.Preconditions.checkArgument(maxFieldLength > 0, "Invalid maxFieldLength: %s", maxFieldLength);
    }
  }

  public record Database(String url, Optional<String> user, Optional<String> password) {
    public boolean isEmbedded() {
      return url.startsWith("jdbc:sqlite:");
    }
  }

  public record Tls(Path keystore, String password) {}

  /**
   * The HTTP server: where it listens, tokens, the per-user request limit, the failed-login limits (per user name
   * and per client address within {@code loginWindow}; 0 disables one) and the largest request body.
   */
  public record Server(String host, int port, Optional<Tls> tls, Optional<String> jwtSecret, Duration tokenTtl,
                       int rateLimitPerMinute, int loginMaxFailures, int loginMaxFailuresPerAddress, Duration loginWindow,
                       long maxRequestBytes) {
    public static final int DEFAULT_LOGIN_MAX_FAILURES = 5;
    public static final int DEFAULT_LOGIN_MAX_FAILURES_PER_ADDRESS = 20;
    public static final Duration DEFAULT_LOGIN_WINDOW = Duration.ofMinutes(15);
    public static final long DEFAULT_MAX_REQUEST_BYTES = 1_000_000L;

    public Server {
      requireNonNull(loginWindow, "loginWindow is null");
      com.medflow.model.Preconditions.checkArgument(loginMaxFailures >= 0, "Invalid login failure limit: %s",
          loginMaxFailures);
      com.medflow.model.Preconditions.checkArgument(loginMaxFailuresPerAddress >= 0,
          "Invalid login failure limit per address: %s", loginMaxFailuresPerAddress);
      com.medflow.model.Preconditions.checkArgument(!loginWindow.isNegative() && !loginWindow.isZero(), "Invalid login window: %s", loginWindow);
      com.medflow.model.Preconditions.checkArgument(maxRequestBytes >= 1_024, "Invalid request size limit: %s",
          maxRequestBytes);
    }

    /** The documented defaults for the login limits and the request size (tests, older callers). */
    public Server(String host, int port, Optional<Tls> tls, Optional<String> jwtSecret, Duration tokenTtl,
                  int rateLimitPerMinute) {
      this(host, port, tls, jwtSecret, tokenTtl, rateLimitPerMinute, DEFAULT_LOGIN_MAX_FAILURES,
          DEFAULT_LOGIN_MAX_FAILURES_PER_ADDRESS, DEFAULT_LOGIN_WINDOW, DEFAULT_MAX_REQUEST_BYTES);
    }
  }

  /**
   * Limits of interactive queries: rows, time, the cost estimated before a query runs, result bytes, concurrency,
   * and the smaller answers of the business role ({@code business}: {@code query.business.*}).
   */
  public record Query(Duration timeout, int maxRows, int defaultLimit, long maxIntermediateRows, long maxResultBytes,
                      long maxValueBytes, int maxConcurrent, int maxConcurrentPerUser, Duration cancelGrace,
                      ResponseCap business) {
    public Query {
      requireNonNull(timeout, "timeout is null");
      requireNonNull(cancelGrace, "cancelGrace is null");
      requireNonNull(business, "business is null");
    }

    /** The same limits with another timeout (tests, benchmarks). */
    public Query withTimeout(Duration t) {
      return new Query(t, maxRows, defaultLimit, maxIntermediateRows, maxResultBytes, maxValueBytes, maxConcurrent,
          maxConcurrentPerUser, cancelGrace, business);
    }

    /** The most rows and result bytes one answer to {@code role} may hold (a role's cap, at most the limits). */
    public ResponseCap cap(com.medflow.model.Role role) {
      requireNonNull(role, "role is null");
      return role != com.medflow.model.Role.BUSINESS ? new ResponseCap(maxRows, maxResultBytes)
          : new ResponseCap(Math.min(business.maxRows(), maxRows), Math.min(business.maxResultBytes(), maxResultBytes));
    }
  }

  public enum CacheType { MEMORY, REDIS, NONE }

  public record Cache(CacheType type, URI redisUrl, Duration ttl, int maxEntries) {}

  public record Assistant(Optional<String> anthropicApiKey, URI anthropicBaseUrl, String model, Duration llmTimeout,
                          int llmRetries, Optional<Path> semanticModel) {
    public Assistant(Optional<String> anthropicApiKey, URI anthropicBaseUrl, String model, Duration llmTimeout,
                     int llmRetries) {
      this(anthropicApiKey, anthropicBaseUrl, model, llmTimeout, llmRetries, Optional.empty());
    }

    public boolean llmEnabled() {
      return anthropicApiKey.isPresent();
    }
  }

  static MedflowConfig from(RawConfig raw) {
    Path home = raw.path(Settings.HOME);
    raw.home(home.toString());

    String catalogUri = raw.string(Settings.CATALOG_URI);
    if (!catalogUri.startsWith("jdbc:sqlite:") && !catalogUri.startsWith("jdbc:postgresql:")) {
      throw raw.bad(Settings.CATALOG_URI, catalogUri, "jdbc:sqlite:<file> or jdbc:postgresql://host:port/db");
    }
    URI warehouse = raw.uri(Settings.WAREHOUSE);
    String scheme = warehouse.getScheme() == null ? "" : warehouse.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("s3")) {
      checkBucket(raw, Settings.WAREHOUSE, warehouse.toString());
    } else if (scheme.equals("s3a") || scheme.equals("s3n")) {
      throw raw.bad(Settings.WAREHOUSE, warehouse.toString(), "s3://bucket/prefix (Iceberg S3FileIO; not " + scheme + "://)");
    } else if (!scheme.equals("file")) {
      throw raw.bad(Settings.WAREHOUSE, warehouse.toString(), "a file:///path or s3://bucket/prefix URI");
    }
    Catalog catalog = new Catalog(identifier(raw, Settings.CATALOG_NAME), catalogUri,
        raw.optional(Settings.CATALOG_USER), raw.optional(Settings.CATALOG_PASSWORD), warehouse);

    Spark spark = new Spark(raw.string(Settings.SPARK_MASTER), raw.integer(Settings.SPARK_SHUFFLE_PARTITIONS, 1, 10_000),
        raw.bool(Settings.SPARK_UI));

    Optional<Path> payersDir = raw.optional(Settings.PAYER_MAPPINGS).map(v -> raw.path(Settings.PAYER_MAPPINGS));
    payersDir.ifPresent(dir -> {
      if (!Files.isDirectory(dir)) {
        throw raw.bad(Settings.PAYER_MAPPINGS, dir.toString(), "an existing folder of payer mapping files");
      }
    });
    String landing = raw.string(Settings.LANDING);
    if (isS3(landing)) {
      checkBucket(raw, Settings.LANDING, landing);
    } else if (landing.matches("(?i)^s3[an]://.*")) {
      throw raw.bad(Settings.LANDING, landing, "s3://bucket/prefix (read with the AWS SDK; s3a:// needs hadoop-aws,"
          + " which is not shipped)");
    }
    Pipeline pipeline = new Pipeline(landing, payersDir, raw.fraction(Settings.GATE_THRESHOLD),
        raw.integer(Settings.MAX_FIELD_LENGTH, 1, 100_000_000));

    String appDbUrl = raw.string(Settings.APP_DB_URL);
    if (!appDbUrl.startsWith("jdbc:sqlite:") && !appDbUrl.startsWith("jdbc:postgresql:")) {
      throw raw.bad(Settings.APP_DB_URL, appDbUrl, "jdbc:sqlite:<file> or jdbc:postgresql://host:port/db");
    }
    Database appDb = new Database(appDbUrl, raw.optional(Settings.APP_DB_USER), raw.optional(Settings.APP_DB_PASSWORD));

    Optional<Tls> tls = raw.optional(Settings.TLS_KEYSTORE).map(v -> {
      Path ks = raw.path(Settings.TLS_KEYSTORE);
      if (!Files.isReadable(ks)) {
        throw raw.bad(Settings.TLS_KEYSTORE, v, "a readable PKCS#12 keystore file");
      }
      String password = raw.optional(Settings.TLS_KEYSTORE_PASSWORD).orElseThrow(() -> new ConfigException(
          "server.tls.keystore is set but server.tls.keystore-password is missing"));
      return new Tls(ks, password);
    });
    Optional<String> jwtSecret = raw.optional(Settings.JWT_SECRET);
    jwtSecret.ifPresent(secret -> {
      if (secret.getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 32) {
        throw raw.bad(Settings.JWT_SECRET, "(hidden)", "at least 32 bytes");
      }
    });
    Server server = new Server(raw.string(Settings.SERVER_HOST), raw.integer(Settings.SERVER_PORT, 0, 65_535), tls,
        jwtSecret, raw.duration(Settings.TOKEN_TTL), raw.integer(Settings.RATE_LIMIT, 0, 1_000_000),
        raw.integer(Settings.LOGIN_MAX_FAILURES, 0, 1_000_000),
        raw.integer(Settings.LOGIN_MAX_FAILURES_PER_ADDRESS, 0, 1_000_000), raw.duration(Settings.LOGIN_WINDOW),
        raw.longInteger(Settings.MAX_REQUEST_BYTES, 1_024, 1L << 31));

    int maxRows = raw.integer(Settings.QUERY_MAX_ROWS, 1, 10_000_000);
    int defaultLimit = raw.integer(Settings.QUERY_DEFAULT_LIMIT, 1, 10_000_000);
    if (defaultLimit > maxRows) {
      throw raw.bad(Settings.QUERY_DEFAULT_LIMIT, Integer.toString(defaultLimit), "at most query.max-rows (" + maxRows + ")");
    }
    int maxConcurrent = raw.integer(Settings.QUERY_MAX_CONCURRENT, 1, 1_000);
    int perUser = raw.integer(Settings.QUERY_MAX_CONCURRENT_PER_USER, 1, 1_000);
    if (perUser > maxConcurrent) {
      throw raw.bad(Settings.QUERY_MAX_CONCURRENT_PER_USER, Integer.toString(perUser),
          "at most query.max-concurrent (" + maxConcurrent + ")");
    }
    Query query = new Query(raw.duration(Settings.QUERY_TIMEOUT), maxRows, defaultLimit,
        raw.longInteger(Settings.QUERY_MAX_INTERMEDIATE_ROWS, 1, Long.MAX_VALUE),
        raw.longInteger(Settings.QUERY_MAX_RESULT_BYTES, 1_024, 1L << 40),
        raw.longInteger(Settings.QUERY_MAX_VALUE_BYTES, 1_024, 1L << 40), maxConcurrent, perUser,
        raw.duration(Settings.QUERY_CANCEL_GRACE), ResponseCap.parseBusiness(raw));

    Cache cache = new Cache(raw.choice(Settings.CACHE_TYPE, CacheType.class), raw.uri(Settings.CACHE_REDIS_URL),
        raw.duration(Settings.CACHE_TTL), raw.integer(Settings.CACHE_MAX_ENTRIES, 1, 100_000_000));

    Assistant assistant = new Assistant(raw.optional(Settings.ANTHROPIC_API_KEY), raw.uri(Settings.ANTHROPIC_BASE_URL),
        raw.string(Settings.ANTHROPIC_MODEL), raw.duration(Settings.LLM_TIMEOUT), raw.integer(Settings.LLM_RETRIES, 0, 1),
        raw.optional(Settings.SEMANTIC_MODEL).map(v -> raw.path(Settings.SEMANTIC_MODEL)));

    return new MedflowConfig(home, catalog, spark, pipeline, appDb, server, query, cache, assistant, s3(raw),
        Profile.parse(raw.string(Settings.PROFILE)).orElseThrow(() -> raw.bad(Settings.PROFILE,
            raw.string(Settings.PROFILE), "embedded or production")), engine(raw),
        new Maintenance(raw.duration(Settings.MAINTAIN_RETENTION), raw.integer(Settings.MAINTAIN_MIN_SNAPSHOTS, 1, 1_000_000),
            raw.duration(Settings.MAINTAIN_ORPHAN_AGE)), OrchestrationConfig.from(raw));
  }

  private static Engine engine(RawConfig raw) {
    EngineKind kind = raw.choice(Settings.QUERY_ENGINE, EngineKind.class);
    String fallback = raw.string(Settings.QUERY_ENGINE_FALLBACK).trim().toLowerCase(Locale.ROOT);
    if (!fallback.equals("none") && !fallback.equals("spark")) {
      throw raw.bad(Settings.QUERY_ENGINE_FALLBACK, fallback, "none or spark");
    }
    URI url = raw.uri(Settings.TRINO_URL);
    if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()) || url.getHost() == null || url.getPort() < 1) {
      throw raw.bad(Settings.TRINO_URL, url.toString(), "an http(s)://host:port URL");
    }
    String heap = raw.string(Settings.TRINO_HEAP).trim();
    if (!heap.matches("[1-9][0-9]{0,5}[mMgG]")) {
      throw raw.bad(Settings.TRINO_HEAP, heap, "a heap size such as 1G or 1536M");
    }
    Optional<Path> java = raw.optional(Settings.TRINO_JAVA_HOME).map(v -> raw.path(Settings.TRINO_JAVA_HOME));
    return new Engine(kind, fallback.equals("spark"), new Trino(url, raw.string(Settings.TRINO_USER),
        raw.path(Settings.TRINO_INSTALL_DIR), raw.path(Settings.TRINO_DATA_DIR), java, heap.toUpperCase(Locale.ROOT)));
  }

  private static S3 s3(RawConfig raw) {
    String e = raw.string(Settings.S3_ENDPOINT).trim();
    Optional<URI> endpoint = Optional.empty();
    if (!e.equalsIgnoreCase("aws")) {
      URI u = raw.uri(Settings.S3_ENDPOINT);
      String sch = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      if (!(sch.equals("http") || sch.equals("https")) || u.getHost() == null) {
        throw raw.bad(Settings.S3_ENDPOINT, e, "an http(s)://host:port URL or aws");
      }
      endpoint = Optional.of(u);
    }
    String region = raw.string(Settings.S3_REGION).trim();
    if (!region.matches("[a-z0-9-]+")) {
      throw raw.bad(Settings.S3_REGION, region, "a region name such as us-east-1");
    }
    Optional<String> access = raw.optional(Settings.S3_ACCESS_KEY);
    Optional<String> secret = raw.optional(Settings.S3_SECRET_KEY);
    if (access.isPresent() != secret.isPresent()) {
      Setting missing = access.isPresent() ? Settings.S3_SECRET_KEY : Settings.S3_ACCESS_KEY;
      Setting given = access.isPresent() ? Settings.S3_ACCESS_KEY : Settings.S3_SECRET_KEY;
      throw new ConfigException(given.key() + " is set (from " + raw.origin(given) + ") but " + missing.key()
          + " is missing (set it in medflow.yaml or " + missing.envVar() + ")");
    }
    Optional<S3Keys> keys = access.map(a -> new S3Keys(a, secret.get(), "s3.access-key (from "
        + raw.origin(Settings.S3_ACCESS_KEY) + ")"));
    return new S3(endpoint, region, raw.bool(Settings.S3_PATH_STYLE), keys, raw.path(Settings.S3_SERVER_DIR));
  }

  /** {@code s3://bucket/...} with a bucket name S3 accepts (3-63 lower-case letters, digits, dots, dashes). */
  private static void checkBucket(RawConfig raw, Setting s, String location) {
    String rest = location.substring(5);
    String bucket = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
    if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
      throw raw.bad(s, location, "s3://bucket/prefix with a valid bucket name (3-63 characters: a-z 0-9 . -)");
    }
  }

  private static String identifier(RawConfig raw, Setting s) {
    String v = raw.string(s);
    if (!v.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw raw.bad(s, v, "a simple identifier");
    }
    return v;
  }

  /** A copy with a different home (and every default derived from it); used by tests and {@code --home}. */
  public static MedflowConfig forHome(Path home, java.util.Map<String, String> overrides) {
    java.util.Map<String, String> env = new java.util.HashMap<>();
    env.put(Settings.HOME.envVar(), home.toString());
    return ConfigLoader.isolated(env, overrides);
  }
}
