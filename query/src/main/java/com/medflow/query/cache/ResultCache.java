package com.medflow.query.cache;

import com.medflow.query.engine.QueryResult;
import java.util.Optional;

/** Results by key. Keys carry the table versions read, so entries never need to be flushed. */
public interface ResultCache {
  String name();

  Optional<QueryResult> get(String key);

  void put(String key, QueryResult result);

  /** Cache calls that failed and were answered as a miss (a remote cache being unreachable). */
  default long errors() {
    return 0;
  }

  /** Throws when the cache server is unreachable. */
  void ping();

  ResultCache NONE = new ResultCache() {
    @Override
    public String name() {
      return "none";
    }

    @Override
    public Optional<QueryResult> get(String key) {
      return Optional.empty();
    }

    @Override
    public void put(String key, QueryResult result) {}

    @Override
    public void ping() {}
  };
}
