package com.medflow.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.medflow.config.MedflowConfig;
import com.medflow.query.cache.MemoryResultCache;
import com.medflow.server.testing.ServerHarness;
import com.medflow.server.testing.ServerHarness.Reply;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failed logins are limited per user name (3 here) and per client address (6 here) within a 10-minute window,
 * against a real server over HTTP. Every test starts after the previous test's window has passed.
 */
class LoginLimitsApiTest {
  static final Duration WINDOW = Duration.ofMinutes(10);
  @TempDir
  static Path home;
  static ServerHarness h;

  @BeforeAll
  static void start() {
    h = new ServerHarness(home, Map.of(), new MemoryResultCache(1000, Duration.ofHours(1)),
        new MedflowConfig.Server("127.0.0.1", 0, Optional.empty(), Optional.empty(), Duration.ofHours(1), 1000,
            3, 6, WINDOW, MedflowConfig.Server.DEFAULT_MAX_REQUEST_BYTES));
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  @BeforeEach
  void previousWindowHasPassed() {
    h.clock.advance(WINDOW.plusSeconds(1));
  }

  static Reply login(String user, String password) {
    return h.call("POST", "/api/auth/login", null,
        "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}");
  }

  @Test
  void afterThreeWrongPasswordsTheUserNameIsRefused429WithRetryAfterUntilTheWindowHasPassed() {
    for (int i = 0; i < 3; i++) {
      assertThat(login("analyst", "wrong" + i).status()).isEqualTo(401);
    }
    Reply locked = login("analyst", "analyst");
    assertThat(locked.status()).as("even the right password while locked").isEqualTo(429);
    assertThat(locked.error()).isEqualTo("LOGIN_THROTTLED");
    assertThat(locked.body().path("error").path("message").asText()).contains("try again in 600 s");
    assertThat(locked.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    assertThat(locked.raw().headers().firstValue("Retry-After")).contains("600");

    h.clock.advance(Duration.ofMinutes(4));
    assertThat(login("analyst", "analyst").raw().headers().firstValue("Retry-After")).contains("360");
    assertThat(login("admin", "admin").status()).as("another user name from the same address").isEqualTo(200);

    h.clock.advance(Duration.ofMinutes(6).plusSeconds(1));
    Reply after = login("analyst", "analyst");
    assertThat(after.status()).as("after the window").isEqualTo(200);
    assertThat(after.body().path("token").asText()).contains(".");
  }

  @Test
  void manyUserNamesFromOneAddressAreLimitedTogether() {
    for (int i = 0; i < 6; i++) {
      assertThat(login("nobody" + i, "x" + i).status()).isEqualTo(401);
    }
    Reply next = login("nobody-else", "x");
    assertThat(next.status()).isEqualTo(429);
    assertThat(next.error()).isEqualTo("LOGIN_THROTTLED");
    assertThat(next.raw().headers().firstValue("Retry-After")).contains("600");
    assertThat(login("admin", "admin").status()).as("the address is limited for every user name").isEqualTo(429);

    h.clock.advance(WINDOW.plusSeconds(1));
    assertThat(login("admin", "admin").status()).isEqualTo(200);
  }

  @Test
  void aSuccessfulLoginClearsTheFailuresOfItsUserName() {
    assertThat(login("business", "bad1").status()).isEqualTo(401);
    assertThat(login("business", "bad2").status()).isEqualTo(401);
    assertThat(login("business", "business").status()).isEqualTo(200);
    assertThat(login("business", "bad3").status()).isEqualTo(401);
    assertThat(login("business", "bad4").status()).isEqualTo(401);
    assertThat(login("business", "business").status()).as("two failures since the last success").isEqualTo(200);
  }

  @Test
  void userNamesAreCountedWithoutRegardToCase() {
    assertThat(login("Analyst", "bad").status()).isEqualTo(401);
    assertThat(login("ANALYST", "bad").status()).isEqualTo(401);
    assertThat(login("analyst", "bad").status()).isEqualTo(401);
    assertThat(login("analyst", "analyst").status()).isEqualTo(429);
  }
}
