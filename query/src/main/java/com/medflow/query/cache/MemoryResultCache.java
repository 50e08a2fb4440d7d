package com.medflow.query.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.medflow.query.engine.QueryResult;
import java.time.Duration;
import java.util.Optional;

/** In-process cache (Caffeine), bounded by entries and time. */
public final class MemoryResultCache implements ResultCache {
  private final Cache<String, QueryResult> cache;

  public MemoryResultCache(int maxEntries, Duration ttl) {
    this.cache = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(ttl).build();
  }

  @Override
  public String name() {
    return "memory";
  }

  @Override
  public Optional<QueryResult> get(String key) {
    return Optional.ofNullable(cache.getIfPresent(key));
  }

  @Override
  public void put(String key, QueryResult result) {
    cache.put(key, result);
  }

  @Override
  public void ping() {}
}
