package com.medflow.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.medflow.config.MedflowConfig;
import com.medflow.model.Role;
import com.medflow.server.http.ApiException;
import com.medflow.store.AppDatabase;
import com.medflow.store.users.UserStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Logins do the same bcrypt work whether the user exists or not (so timing does not tell which names exist), and
 * bcrypt's own comparison is constant-time (Spring's {@code BCrypt.checkpw} compares without an early return).
 * Timings are only bounded from below: a missing dummy hash would make unknown-user logins take microseconds.
 */
class PasswordChecksTakeConstantWorkTest {
  @Test
  void anUnknownUserCostsABcryptCheckLikeAWrongPassword(@TempDir Path dir) {
    try (AppDatabase db = AppDatabase.open(new MedflowConfig.Database("jdbc:sqlite:" + dir.resolve("app.db"),
        Optional.empty(), Optional.empty()))) {
      PasswordHasher hasher = new PasswordHasher(10);
      Accounts accounts = new Accounts(new UserStore(db), hasher, Clock.systemUTC());
      accounts.add("dana", "correct-horse", Role.ANALYST);
      long oneCheck = Long.MAX_VALUE;
      for (int i = 0; i < 3; i++) {
        long t = System.nanoTime();
        hasher.matches("x", hasher.hash("y"));
        oneCheck = Math.min(oneCheck, (System.nanoTime() - t) / 2);
      }
      long unknown = Long.MAX_VALUE;
      long wrong = Long.MAX_VALUE;
      for (int i = 0; i < 3; i++) {
        unknown = Math.min(unknown, timeFailedLogin(accounts, "nobody-" + i));
        wrong = Math.min(wrong, timeFailedLogin(accounts, "dana"));
      }
      assertThat(unknown).as("unknown user (ns) vs one bcrypt check %s ns", oneCheck).isGreaterThan(oneCheck / 3);
      assertThat(wrong).as("wrong password (ns) vs one bcrypt check %s ns", oneCheck).isGreaterThan(oneCheck / 3);
      assertThat(accounts.login("dana", "correct-horse").role()).isEqualTo(Role.ANALYST);
    }
  }

  private static long timeFailedLogin(Accounts accounts, String user) {
    long t = System.nanoTime();
    assertThatThrownBy(() -> accounts.login(user, "wrong-password")).isInstanceOf(ApiException.class)
        .hasMessageContaining("Unknown user or wrong password");
    return System.nanoTime() - t;
  }
}
