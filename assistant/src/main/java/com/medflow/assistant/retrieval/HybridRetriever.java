package com.medflow.assistant.retrieval;

import static java.util.Objects.requireNonNull;

import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

/**
 * Hybrid retrieval over the knowledge base, in process: Lucene BM25 on the words and Lucene KNN on
 * all-MiniLM-L6-v2 embeddings (ONNX, offline), fused by reciprocal rank.
 */
public final class HybridRetriever implements Retriever, AutoCloseable {
  private static final int RRF_K = 60;

  private final EmbeddingModel embeddings;
  private final Directory directory = new ByteBuffersDirectory();
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final StandardAnalyzer analyzer = new StandardAnalyzer();

  public HybridRetriever(List<KnowledgeBase.Document> docs, EmbeddingModel embeddings) {
    this.embeddings = requireNonNull(embeddings, "embeddings is null");
    try (IndexWriter w = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
      List<dev.langchain4j.data.segment.TextSegment> segments = docs.stream()
          .map(d -> dev.langchain4j.data.segment.TextSegment.from(d.title() + "\n" + d.text())).toList();
      List<dev.langchain4j.data.embedding.Embedding> vectors = embeddings.embedAll(segments).content();
      for (int i = 0; i < docs.size(); i++) {
        KnowledgeBase.Document d = docs.get(i);
        Document doc = new Document();
        doc.add(new StringField("id", d.id(), Field.Store.YES));
        doc.add(new StoredField("kind", d.kind()));
        doc.add(new StoredField("title", d.title()));
        doc.add(new TextField("text", d.title() + "\n" + d.text(), Field.Store.YES));
        doc.add(new KnnFloatVectorField("vector", vectors.get(i).vector(), VectorSimilarityFunction.COSINE));
        w.addDocument(doc);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot build the retrieval index", e);
    }
    try {
      this.reader = DirectoryReader.open(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the retrieval index", e);
    }
    this.searcher = new IndexSearcher(reader);
  }

  @Override
  public List<Hit> search(String question, int k) {
    if (question == null || question.isBlank()) {
      return List.of();
    }
    try {
      Map<Integer, Double> fused = new HashMap<>();
      Query bm25 = new QueryParser("text", analyzer).parse(QueryParser.escape(question));
      rank(searcher.search(bm25, k * 3).scoreDocs, fused);
      float[] v = embeddings.embed(question).content().vector();
      rank(searcher.search(new KnnFloatVectorQuery("vector", v, k * 3), k * 3).scoreDocs, fused);
      List<Map.Entry<Integer, Double>> best = new ArrayList<>(fused.entrySet());
      best.sort(Map.Entry.<Integer, Double>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry::getKey));
      List<Hit> out = new ArrayList<>();
      for (Map.Entry<Integer, Double> e : best.subList(0, Math.min(k, best.size()))) {
        var doc = searcher.storedFields().document(e.getKey());
        out.add(new Hit(doc.get("id"), doc.get("kind"), doc.get("title"), doc.get("text"), e.getValue()));
      }
      return out;
    } catch (IOException | org.apache.lucene.queryparser.classic.ParseException e) {
      throw new IllegalStateException("Retrieval failed: " + e.getMessage(), e);
    }
  }

  /** The embedding of {@code text} with the index's model (verified examples are compared with it). */
  public float[] embed(String text) {
    return embeddings.embed(text).content().vector();
  }

  private static void rank(ScoreDoc[] docs, Map<Integer, Double> fused) {
    for (int i = 0; i < docs.length; i++) {
      fused.merge(docs[i].doc, 1.0 / (RRF_K + i + 1), Double::sum);
    }
  }

  @Override
  public void close() {
    try {
      reader.close();
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot close the retrieval index", e);
    }
  }
}
