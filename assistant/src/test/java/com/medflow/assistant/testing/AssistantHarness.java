package com.medflow.assistant.testing;

import com.medflow.assistant.agent.Answer;
import com.medflow.assistant.agent.AskRequest;
import com.medflow.assistant.agent.AskService;
import com.medflow.assistant.llm.SqlWriter;
import com.medflow.assistant.nlq.LakeFacts;
import com.medflow.assistant.nlq.QuestionEngine;
import com.medflow.assistant.retrieval.HybridRetriever;
import com.medflow.assistant.retrieval.KnowledgeBase;
import com.medflow.assistant.semantic.SemanticModel;
import com.medflow.lake.TableVersions;
import com.medflow.model.Role;
import com.medflow.pipeline.testing.PipelineHarness;
import com.medflow.query.QueryService;
import com.medflow.query.cache.MemoryResultCache;
import com.medflow.query.engine.SparkQueryEngine;
import com.medflow.store.conversations.ConversationStore;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The assistant over the fixture batch run through the real pipeline, with the real guard, engine and cache. */
public final class AssistantHarness implements AutoCloseable {
  private static HybridRetriever sharedRetriever;

  public final PipelineHarness lake;
  public final QueryService queries;
  public final SemanticModel model = SemanticModel.load();
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final TableVersions versions;
  private final io.opentelemetry.api.trace.Tracer tracer;

  public AssistantHarness(Path home) {
    this(home, com.medflow.telemetry.Tracing.NOOP);
  }

  /** With the query service and the assistants made by {@link #ask(Optional)} tracing to {@code tracer}. */
  public AssistantHarness(Path home, io.opentelemetry.api.trace.Tracer tracer) {
    this.tracer = tracer;
    this.lake = new PipelineHarness(home, 0.6, Map.of());
    lake.land("b1");
    lake.run();
    this.versions = new TableVersions(lake.config.catalog());
    this.queries = new QueryService(lake.config.query(), new SparkQueryEngine(lake.spark, lake.lake, threads),
        Optional.empty(), new MemoryResultCache(100, Duration.ofMinutes(10)), versions::current,
        new com.medflow.query.run.RunningQueries(lake.config.query().maxConcurrent(),
            lake.config.query().maxConcurrentPerUser(), Clock.systemUTC()), tracer);
  }

  private static QuestionEngine sharedEngine;

  /** One offline engine for every test (the ICD-10-CM code set loads once). */
  public static synchronized QuestionEngine engine() {
    if (sharedEngine == null) {
      sharedEngine = new QuestionEngine(SemanticModel.load(), com.medflow.model.codes.Icd10Cm.load(),
          com.medflow.model.codes.Hcpcs.load());
    }
    return sharedEngine;
  }

  public static synchronized HybridRetriever retriever() {
    if (sharedRetriever == null) {
      System.setProperty("DJL_CACHE_DIR", Path.of("target", "djl").toAbsolutePath().toString());
      sharedRetriever = new HybridRetriever(KnowledgeBase.build(SemanticModel.load()),
          new AllMiniLmL6V2QuantizedEmbeddingModel());
    }
    return sharedRetriever;
  }

  public AskService ask(Optional<SqlWriter> llm) {
    return new AskService(engine(), new LakeFacts(lake.lake, versions::current, Clock.fixed(PipelineHarness.NOW,
        ZoneOffset.UTC)), queries, retriever(), llm, new ConversationStore(lake.db), Clock.systemUTC(), Optional.empty(),
        Optional.empty(), Optional.empty(), tracer);
  }

  public static AskRequest request(String question, Optional<String> conversation, Role role) {
    return new AskRequest(question, conversation, role.wireName() + "-user", role);
  }

  public Answer ask(AskService service, String question) {
    return service.ask(request(question, Optional.empty(), Role.ANALYST), e -> { });
  }

  @Override
  public void close() {
    threads.shutdownNow();
    versions.close();
    lake.close();
  }
}
