package com.medflow.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.medflow.config.MedflowConfig;
import com.medflow.model.Role;
import com.medflow.store.audit.AuditEntry;
import com.medflow.store.audit.AuditStore;
import com.medflow.store.users.User;
import com.medflow.store.users.UserStore;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class UserAndAuditStoreTest extends BothDatabases {
  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void usersAreAddedUpdatedListedAndRemoved(String name, MedflowConfig.Database config) {
    try (AppDatabase db = AppDatabase.open(config)) {
      UserStore users = new UserStore(db);
      Instant t = Instant.parse("2026-01-01T00:00:00Z");
      users.save(new User("ana-" + name, Role.ANALYST, "hash1", t));
      users.save(new User("ana-" + name, Role.BUSINESS, "hash2", t));
      assertThat(users.find("ana-" + name)).hasValueSatisfying(u -> {
        assertThat(u.role()).isEqualTo(Role.BUSINESS);
        assertThat(u.passwordHash()).isEqualTo("hash2");
      });
      assertThat(users.list()).extracting(User::username).contains("ana-" + name);
      assertThat(users.remove("ana-" + name)).isTrue();
      assertThat(users.find("ana-" + name)).isEmpty();
      assertThatThrownBy(() -> users.save(new User("bad name", Role.ADMIN, "h", t))).hasMessageContaining("bad name");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void auditEntriesComeBackNewestFirst(String name, MedflowConfig.Database config) {
    try (AppDatabase db = AppDatabase.open(config)) {
      AuditStore audit = new AuditStore(db);
      audit.record(new AuditEntry(name + "1", Instant.parse("2026-01-01T00:00:00Z"), "ana", "analyst", "sql", null,
          "SELECT 1", "ok", 1L, 12L, null));
      audit.record(new AuditEntry(name + "2", Instant.parse("2026-01-01T00:00:05Z"), "bob", "business", "ask",
          "denial rate?", null, "refused", null, 3L, "unsafe"));
      assertThat(audit.recent(10)).extracting(AuditEntry::id).startsWith(name + "2", name + "1");
      assertThat(audit.recent(10).get(0).rows()).isNull();
      assertThat(audit.recent(10).get(1).latencyMs()).isEqualTo(12L);
    }
  }
}
