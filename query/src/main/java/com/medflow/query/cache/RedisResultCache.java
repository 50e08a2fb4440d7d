package com.medflow.query.cache;

import static java.util.Objects.requireNonNull;

import com.medflow.query.engine.QueryResult;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import redis.clients.jedis.JedisPooled;

/** Results in Redis as JSON under {@code medflow:result:<key>} with a TTL; shared by every server instance. */
public final class RedisResultCache implements ResultCache, AutoCloseable {
  private final JedisPooled redis;
  private final Duration ttl;
  private final String prefix;

  public RedisResultCache(URI url, Duration ttl, String prefix) {
    this.redis = new JedisPooled(requireNonNull(url, "url is null"));
    this.ttl = requireNonNull(ttl, "ttl is null");
    this.prefix = requireNonNull(prefix, "prefix is null");
  }

  @Override
  public String name() {
    return "redis";
  }

  @Override
  public Optional<QueryResult> get(String key) {
    String json = redis.get(prefix + key);
    return json == null ? Optional.empty() : Optional.of(ResultCodec.decode(json));
  }

  @Override
  public void put(String key, QueryResult result) {
    redis.setex(prefix + key, ttl.toSeconds(), ResultCodec.encode(result));
  }

  @Override
  public void ping() {
    redis.ping();
  }

  @Override
  public void close() {
    redis.close();
  }
}
