package com.medflow.store.users;

import static com.medflow.model.Preconditions.checkArgument;

import com.medflow.model.Role;
import com.medflow.store.AppDatabase;
import com.medflow.store.Jdbc;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Users in the application database. Passwords arrive already hashed. */
public final class UserStore {
  private final Jdbc jdbc;

  public UserStore(AppDatabase db) {
    this.jdbc = new Jdbc(db);
  }

  /** Creates the user, or replaces role and password of an existing one. */
  public void save(User user) {
    checkArgument(user.username().matches("[A-Za-z0-9._@-]{1,64}"), "Invalid username: %s", user.username());
    if (find(user.username()).isPresent()) {
      jdbc.update("update user " + user.username(), "UPDATE users SET password_hash = ?, role = ? WHERE username = ?",
          user.passwordHash(), user.role().wireName(), user.username());
    } else {
      jdbc.update("add user " + user.username(), "INSERT INTO users (username, password_hash, role, created_at) VALUES (?, ?, ?, ?)",
          user.username(), user.passwordHash(), user.role().wireName(), user.createdAt().toEpochMilli());
    }
  }

  public Optional<User> find(String username) {
    return jdbc.one("read user", "SELECT username, role, password_hash, created_at FROM users WHERE username = ?",
        rs -> new User(rs.getString(1), Role.parse(rs.getString(2)).orElseThrow(), rs.getString(3),
            Instant.ofEpochMilli(rs.getLong(4))), username);
  }

  public List<User> list() {
    return jdbc.query("list users", "SELECT username, role, password_hash, created_at FROM users ORDER BY username",
        rs -> new User(rs.getString(1), Role.parse(rs.getString(2)).orElseThrow(), rs.getString(3),
            Instant.ofEpochMilli(rs.getLong(4))));
  }

  public boolean remove(String username) {
    return jdbc.update("remove user " + username, "DELETE FROM users WHERE username = ?", username) > 0;
  }
}
