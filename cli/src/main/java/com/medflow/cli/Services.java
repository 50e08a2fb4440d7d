package com.medflow.cli;

import static java.util.Objects.requireNonNull;

import com.medflow.config.MedflowConfig;
import com.medflow.lake.Lake;
import com.medflow.lake.SparkSessions;
import com.medflow.model.codes.Icd10Cm;
import com.medflow.model.mapping.PayerMappings;
import com.medflow.pipeline.quality.QualityGate;
import com.medflow.pipeline.run.PipelineListener;
import com.medflow.pipeline.run.PipelineRunner;
import com.medflow.store.AppDatabase;
import com.medflow.store.runs.RunStore;
import com.medflow.assistant.agent.AskService;
import com.medflow.assistant.llm.ClaudeSqlWriter;
import com.medflow.assistant.llm.SqlWriter;
import com.medflow.assistant.nlq.LakeFacts;
import com.medflow.assistant.nlq.QuestionEngine;
import com.medflow.assistant.retrieval.HybridRetriever;
import com.medflow.assistant.retrieval.KnowledgeBase;
import com.medflow.assistant.semantic.SemanticModel;
import com.medflow.lake.TableVersions;
import com.medflow.store.conversations.ConversationStore;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.Optional;
import com.medflow.query.QueryService;
import com.medflow.query.cache.MemoryResultCache;
import com.medflow.query.cache.RedisResultCache;
import com.medflow.query.cache.ResultCache;
import com.medflow.query.engine.SparkQueryEngine;
import com.medflow.server.MedflowServer;
import com.medflow.server.audit.Auditor;
import com.medflow.server.auth.Accounts;
import com.medflow.server.auth.JwtSecret;
import com.medflow.server.auth.PasswordHasher;
import com.medflow.server.auth.TokenService;
import com.medflow.server.catalog.CatalogService;
import com.medflow.server.health.HealthService;
import com.medflow.server.limit.RateLimiter;
import com.medflow.server.pipeline.PipelineService;
import com.medflow.server.routes.ApiRoutes;
import com.medflow.store.audit.AuditStore;
import com.medflow.store.users.UserStore;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.sql.SparkSession;

/**
 * The composition root: builds each long-lived object once, on first use, from the typed
 * configuration, and hands them to the objects that need them. Only commands call it.
 */
public final class Services implements AutoCloseable {
  private final MedflowConfig config;
  private final Clock clock;
  private SparkSession spark;
  private Lake lake;
  private AppDatabase appDb;
  private PayerMappings mappings;
  private Icd10Cm icd10;
  private com.medflow.model.codes.Hcpcs hcpcs;
  private QueryService queryService;
  private ResultCache resultCache;
  private TableVersions tableVersions;
  private ExecutorService queryThreads;
  private ExecutorService pipelineThreads;
  private java.util.concurrent.ScheduledExecutorService schedulerThread;
  private Accounts accounts;
  private com.medflow.server.metrics.Metrics metrics;
  private AskService askService;
  private HybridRetriever retriever;
  private QuestionEngine questionEngine;
  private LakeFacts lakeFacts;
  private Telemetry telemetry;

  public Services(MedflowConfig config, Clock clock) {
    this.config = requireNonNull(config, "config is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  public MedflowConfig config() {
    return config;
  }

  public Clock clock() {
    return clock;
  }

  /** The tracer of this process: exporting to otel.endpoint when set, else a no-op one. */
  public synchronized io.opentelemetry.api.trace.Tracer tracer() {
    if (telemetry == null) {
      telemetry = Telemetry.open(config.orchestration().telemetry());
    }
    return telemetry.tracer();
  }

  public synchronized SparkSession spark() {
    if (spark == null) {
      spark = SparkSessions.create(config, "medflow");
    }
    return spark;
  }

  public synchronized Lake lake() {
    if (lake == null) {
      lake = new Lake(spark(), config.catalog().name());
    }
    return lake;
  }

  public synchronized AppDatabase appDb() {
    if (appDb == null) {
      appDb = AppDatabase.open(config.appDb());
    }
    return appDb;
  }

  public RunStore runStore() {
    return new RunStore(appDb());
  }

  public synchronized PayerMappings mappings() {
    if (mappings == null) {
      mappings = PayerMappings.load(config.pipeline().payersDir());
    }
    return mappings;
  }

  public synchronized com.medflow.model.codes.Hcpcs hcpcs() {
    if (hcpcs == null) {
      hcpcs = com.medflow.model.codes.Hcpcs.load();
    }
    return hcpcs;
  }

  public synchronized Icd10Cm icd10() {
    if (icd10 == null) {
      icd10 = Icd10Cm.load();
    }
    return icd10;
  }

  public PipelineRunner pipelineRunner(double threshold, PipelineListener listener) {
    // always given: a run's --landing may be an s3:// location even when the configured one is a folder
    var r = config.orchestration().retry();
    return new PipelineRunner(lake(), runStore(), mappings(), icd10(), new QualityGate(threshold), clock, listener,
        Optional.of(com.medflow.objectstore.S3Connection.of(config.s3())),
        new com.medflow.pipeline.run.RetryPolicy(r.maxAttempts(), r.initialBackoff(), r.multiplier(), r.maxBackoff()),
        com.medflow.pipeline.run.Sleeper.SYSTEM,
        new com.medflow.pipeline.quality.ArrivalChecks(config.orchestration().checks()),
        tracer(),
        new com.medflow.pipeline.silver.RowLimits(config.pipeline().maxFieldLength()));
  }

  /** The S3 store of the landing zone and warehouse when either is on S3 (credentials resolved now). */
  public Optional<com.medflow.objectstore.S3Connection> s3() {
    return config.catalog().onObjectStore() || MedflowConfig.isS3(config.pipeline().landing())
        ? Optional.of(com.medflow.objectstore.S3Connection.of(config.s3())) : Optional.empty();
  }

  public synchronized ResultCache resultCache() {
    if (resultCache == null) {
      MedflowConfig.Cache c = config.cache();
      resultCache = switch (c.type()) {
        case MEMORY -> new MemoryResultCache(c.maxEntries(), c.ttl());
        case REDIS -> new RedisResultCache(c.redisUrl(), c.ttl(), "medflow:" + config.catalog().name() + ":result:");
        case NONE -> ResultCache.NONE;
      };
    }
    return resultCache;
  }

  public synchronized QueryService queryService() {
    if (queryService == null) {
      queryThreads = Executors.newFixedThreadPool(config.query().maxConcurrent(), named("medflow-query"));
      tableVersions = new TableVersions(config.catalog());
      lake().createTables();
      queryService = new QueryService(config.query(), queryEngine(), queryFallback(), resultCache(),
          tableVersions::current, new com.medflow.query.run.RunningQueries(config.query().maxConcurrent(),
              config.query().maxConcurrentPerUser(), clock), tracer());
    }
    return queryService;
  }

  /** The engine of query.engine: the Spark session of this process, or Trino at trino.url. */
  private com.medflow.query.engine.QueryEngine queryEngine() {
    return config.engine().kind() == MedflowConfig.EngineKind.TRINO
        ? new com.medflow.query.engine.TrinoQueryEngine(config.engine().trino(), config.catalog().name(), queryThreads)
        : new SparkQueryEngine(spark(), lake(), queryThreads);
  }

  /** Spark while Trino is down, when query.engine-fallback=spark. */
  private Optional<com.medflow.query.engine.QueryEngine> queryFallback() {
    return config.engine().kind() == MedflowConfig.EngineKind.TRINO && config.engine().fallbackToSpark()
        ? Optional.of(new SparkQueryEngine(spark(), lake(), queryThreads)) : Optional.empty();
  }

  public synchronized Accounts accounts() {
    if (accounts == null) {
      accounts = new Accounts(new UserStore(appDb()), new PasswordHasher(), clock);
    }
    return accounts;
  }

  /** The assistant: semantic model, data facts, hybrid retrieval, Claude when a key is configured. */
  public synchronized AskService askService() {
    if (askService == null) {
      askService = newAskService(queryService());
    }
    return askService;
  }

  /** An assistant whose queries bypass the result cache (for measuring uncached latency). */
  public synchronized AskService uncachedAskService() {
    QueryService queries = queryService();
    return newAskService(new QueryService(config.query(), queries.engine(), queries.fallback(), ResultCache.NONE,
        tableVersions::current, queries.running(), tracer()));
  }

  private AskService newAskService(QueryService queries) {
    if (questionEngine == null) {
      SemanticModel model = SemanticModel.load(config.assistant().semanticModel());
      java.nio.file.Path djl = config.home().resolve("djl");
      if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
        System.setProperty("DJL_CACHE_DIR", djl.toString());
      }
      retriever = new HybridRetriever(KnowledgeBase.build(model), new AllMiniLmL6V2QuantizedEmbeddingModel());
      questionEngine = new QuestionEngine(model, icd10(), hcpcs());
      lakeFacts = new LakeFacts(lake(), tableVersions::current, clock);
    }
    Optional<SqlWriter> llm = config.assistant().llmEnabled()
        ? Optional.of(ClaudeSqlWriter.fromConfig(config.assistant(), questionEngine.model())) : Optional.empty();
    ConversationStore conversations = new ConversationStore(appDb());
    return new AskService(questionEngine, lakeFacts, queries, verifiedRetriever(retriever), llm, conversations, clock,
        Optional.of(verifications()), Optional.of(new com.medflow.store.feedback.FeedbackStore(appDb())),
        Optional.of(new com.medflow.assistant.notes.ScopeNotes(queries, mappings())), tracer());
  }

  /** What the data holds now (values of each dimension, first and latest service dates). */
  public synchronized com.medflow.assistant.nlq.DataFacts dataFacts() {
    askService();
    return lakeFacts.get();
  }

  /** Verified answers found by retrieval beside the model's documents and examples. */
  private com.medflow.assistant.retrieval.Retriever verifiedRetriever(HybridRetriever base) {
    com.medflow.store.verified.VerifiedAnswerStore store = new com.medflow.store.verified.VerifiedAnswerStore(appDb());
    return new com.medflow.assistant.retrieval.VerifiedExamples(base, base::embed, store::list);
  }

  public synchronized com.medflow.assistant.agent.Verifications verifications() {
    return new com.medflow.assistant.agent.Verifications(new com.medflow.store.verified.VerifiedAnswerStore(appDb()),
        new ConversationStore(appDb()), clock);
  }

  /**
   * Re-reads the semantic model (assistant.semantic-model, or the built-in one), checks it, and swaps it into
   * the running assistant with a new retrieval index: questions asked from now on use it.
   */
  public synchronized java.util.Map<String, Object> reloadSemanticModel() {
    SemanticModel model = SemanticModel.load(config.assistant().semanticModel());
    HybridRetriever fresh = new HybridRetriever(KnowledgeBase.build(model), new AllMiniLmL6V2QuantizedEmbeddingModel());
    questionEngine = new QuestionEngine(model, icd10(), hcpcs());
    retriever = fresh;
    askService().reload(questionEngine, verifiedRetriever(fresh));
    java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
    out.put("source", config.assistant().semanticModel().map(Object::toString).orElse("built-in"));
    out.put("version", model.version());
    out.put("metrics", model.metrics().size());
    out.put("dimensions", model.dimensions().size());
    out.put("conditions", model.conditions().size());
    return out;
  }

  /** Verified answers, feedback, the missed-questions report and model reload. */
  public com.medflow.server.routes.LearningRoutes learningRoutes() {
    return new com.medflow.server.routes.LearningRoutes(verifications(),
        new com.medflow.store.feedback.FeedbackStore(appDb()), new ConversationStore(appDb()), this::reloadSemanticModel,
        clock);
  }

  public synchronized com.medflow.server.metrics.Metrics metrics() {
    if (metrics == null) {
      metrics = new com.medflow.server.metrics.Metrics();
      RunStore runs = runStore();
      metrics.gauge("medflow_pipeline_runs", () -> {
        java.util.Map<String, Long> byState = new java.util.TreeMap<>();
        runs.list(1000).forEach(r -> byState.merge("state=\"" + r.state().name() + "\"", 1L, Long::sum));
        return byState;
      });
      metrics.gauge("medflow_cache_errors_total", () -> java.util.Map.of(
          "cache=\"" + resultCache().name() + "\"", resultCache().errors()));
    }
    return metrics;
  }

  /** The HTTP server with every route, not yet started. */
  public synchronized MedflowServer server(List<ApiRoutes.RouteGroup> extraRoutes) {
    SparkSession session = spark();
    ThreadFactory pipelineFactory = named("medflow-pipeline");
    pipelineThreads = Executors.newSingleThreadExecutor(r -> pipelineFactory.newThread(() -> {
      // Every Spark job of a pipeline run (and of the threads it starts) goes to the pipeline's FAIR pool.
      session.sparkContext().setLocalProperty("spark.scheduler.pool", SparkSessions.PIPELINE_POOL);
      r.run();
    }));
    QueryService queries = queryService();
    PipelineService pipelines = new PipelineService(
        () -> pipelineRunner(config.pipeline().gateThreshold(), PipelineListener.NONE), runStore(), lake(),
        config.pipeline().landing(), pipelineThreads, mappings(), new com.medflow.server.pipeline.ArrivalStatus(lake(),
            new com.medflow.pipeline.quality.ArrivalChecks(config.orchestration().checks()), clock));
    var orchestration = config.orchestration();
    if (orchestration.schedule().isPresent() || orchestration.sensor().enabled()) {
      var scheduler = new com.medflow.server.pipeline.PipelineScheduler(clock, orchestration.schedule(),
          orchestration.sensor(), com.medflow.server.pipeline.LandingListing.of(config.pipeline().landing(),
              com.medflow.objectstore.S3Connection.of(config.s3())), pipelines::busy, pipelines::start);
      pipelines.attach(scheduler);
      schedulerThread = Executors.newSingleThreadScheduledExecutor(named("medflow-scheduler"));
      schedulerThread.scheduleWithFixedDelay(() -> {
        try {
          scheduler.tick();
        } catch (RuntimeException e) {
          org.slf4j.LoggerFactory.getLogger(Services.class).warn("Scheduler tick failed: {}", e.getMessage());
        }
      }, 1, scheduler.tickInterval().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }
    HealthService health = new HealthService()
        .add("catalog", () -> queries.engine().ping())
        .fixed("query_engine", "ok", queries.engine().name() + queries.fallback().map(f -> " (falls back to " + f.name()
            + " while it is down)").orElse(""))
        .add("app_db", () -> appDb().ping())
        .add("cache", () -> resultCache().ping())
        .fixed("llm", config.assistant().llmEnabled() ? "ok" : "disabled",
            config.assistant().llmEnabled() ? "Claude " + config.assistant().model() : "offline engine only (no API key)");
    health.report("data_checks", pipelines::checks);
    if (s3().isPresent()) {
      health.add("object_store", this::pingObjectStore);
    } else {
      health.fixed("object_store", "disabled", "landing zone and warehouse on the local file system");
    }
    ApiRoutes routes = new ApiRoutes(accounts(),
        new TokenService(JwtSecret.resolve(config), config.server().tokenTtl(), clock),
        new RateLimiter(config.server().rateLimitPerMinute(), clock),
        new com.medflow.server.limit.LoginThrottle(config.server().loginMaxFailures(),
            config.server().loginMaxFailuresPerAddress(), config.server().loginWindow(), clock),
        new Auditor(new AuditStore(appDb()), clock), queries, new CatalogService(lake(), queries), pipelines, health,
        extraRoutes, metrics(), tracer());
    return new MedflowServer(config.server(), routes);
  }

  /** Every bucket of the landing zone and warehouse answers (a no-op when neither is on S3). */
  private void pingObjectStore() {
    s3().ifPresent(connection -> {
      try (com.medflow.objectstore.ObjectStore store = new com.medflow.objectstore.ObjectStore(connection)) {
        if (config.catalog().onObjectStore()) {
          store.checkBucket(com.medflow.objectstore.S3Location.parse(config.catalog().warehouse().toString()).bucket(),
              "catalog.warehouse");
        }
        if (MedflowConfig.isS3(config.pipeline().landing())) {
          store.checkBucket(com.medflow.objectstore.S3Location.parse(config.pipeline().landing()).bucket(), "landing.dir");
        }
      }
    });
  }

  private static ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public synchronized void close() {
    if (queryThreads != null) {
      queryThreads.shutdownNow();
    }
    if (schedulerThread != null) {
      schedulerThread.shutdownNow();
    }
    if (pipelineThreads != null) {
      pipelineThreads.shutdownNow();
    }
    if (tableVersions != null) {
      tableVersions.close();
    }
    if (retriever != null) {
      retriever.close();
    }
    if (resultCache instanceof AutoCloseable c) {
      try {
        c.close();
      } catch (Exception e) {
        throw new IllegalStateException("Cannot close the result cache: " + e.getMessage(), e);
      }
    }
    if (appDb != null) {
      appDb.close();
    }
    if (spark != null) {
      spark.stop();
    }
    if (telemetry != null) {
      telemetry.close(); // last: spans ended while the rest shut down are still sent
    }
  }
}
