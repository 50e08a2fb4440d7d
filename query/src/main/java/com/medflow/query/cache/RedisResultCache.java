package com.medflow.query.cache;

import static java.util.Objects.requireNonNull;

import com.medflow.query.engine.QueryResult;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Results in Redis as JSON under {@code <prefix><key>} with a TTL; shared by every server instance.
 * An unreachable Redis makes queries uncached, not failed: each failed call is counted in
 * {@link #errors()} and logged at most once a minute, and {@link #ping()} reports the outage to health.
 */
public final class RedisResultCache implements ResultCache, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RedisResultCache.class);
  private static final long WARN_EVERY_NANOS = Duration.ofMinutes(1).toNanos();

  private final JedisPooled redis;
  private final Duration ttl;
  private final String prefix;
  private final AtomicLong errors = new AtomicLong();
  private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

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
    String json;
    try {
      json = redis.get(prefix + key);
    } catch (JedisException e) {
      failed("read", e);
      return Optional.empty();
    }
    return json == null ? Optional.empty() : Optional.of(ResultCodec.decode(json));
  }

  @Override
  public void put(String key, QueryResult result) {
    String json = ResultCodec.encode(result);
    try {
      redis.setex(prefix + key, ttl.toSeconds(), json);
    } catch (JedisException e) {
      failed("write", e);
    }
  }

  @Override
  public long errors() {
    return errors.get();
  }

  @Override
  public void ping() {
    redis.ping();
  }

  @Override
  public void close() {
    redis.close();
  }

  private void failed(String what, JedisException e) {
    long n = errors.incrementAndGet();
    long now = System.nanoTime();
    long last = lastWarning.get();
    if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
      LOG.warn("Result cache {} failed, queries run uncached ({} cache errors so far): {}", what, n, e.getMessage());
    }
  }
}
