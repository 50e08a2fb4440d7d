package com.medflow.query.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.medflow.query.engine.QueryResult;
import com.medflow.query.engine.ResultColumn;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Against the real Redis on 127.0.0.1:6379 (scripts/services starts it), and against a port nobody serves. */
class RedisResultCacheTest {
  private static final QueryResult RESULT = new QueryResult(
      List.of(new ResultColumn("payer", "string"), new ResultColumn("paid", "decimal"), new ResultColumn("day", "date")),
      List.of(Arrays.asList("aetna", new BigDecimal("1250.50"), LocalDate.of(2025, 3, 1)),
          Arrays.asList("bluecross", null, null)),
      false, 12);

  @Test
  void storesAndReturnsResultsWithTheirTypes() {
    String prefix = "medflow:test:" + UUID.randomUUID() + ":";
    try (RedisResultCache cache = new RedisResultCache(URI.create("redis://127.0.0.1:6379"), Duration.ofMinutes(1), prefix)) {
      assertThat(cache.get("k")).isEmpty();
      cache.put("k", RESULT);
      assertThat(cache.get("k")).contains(RESULT);
      assertThat(cache.errors()).isZero();
    }
  }

  @Test
  void anUnreachableRedisIsACountedMissNotAFailedQuery() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    try (RedisResultCache cache = new RedisResultCache(URI.create("redis://127.0.0.1:" + port), Duration.ofMinutes(1), "p:")) {
      assertThat(cache.get("k")).isEmpty();
      cache.put("k", RESULT);
      assertThat(cache.errors()).isEqualTo(2);
      assertThatThrownBy(cache::ping).isInstanceOf(redis.clients.jedis.exceptions.JedisException.class);
    }
  }
}
