package com.medflow.server.auth;

import static java.util.Objects.requireNonNull;

import com.medflow.model.Role;
import com.medflow.server.http.ApiException;
import com.medflow.server.http.Principal;
import com.medflow.store.users.User;
import com.medflow.store.users.UserStore;
import java.time.Clock;
import java.util.List;

/** Users and logins: hashing on the way in, constant work on failed logins, demo users for the demo. */
public final class Accounts {
  public static final List<String> DEMO_USERS = List.of("admin", "analyst", "business");

  private final UserStore users;
  private final PasswordHasher hasher;
  private final Clock clock;
  private final String dummyHash;

  public Accounts(UserStore users, PasswordHasher hasher, Clock clock) {
    this.users = requireNonNull(users, "users is null");
    this.hasher = requireNonNull(hasher, "hasher is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.dummyHash = hasher.hash("not-a-password");
  }

  public void add(String username, String password, Role role) {
    if (password == null || password.length() < 5) {
      throw new IllegalArgumentException("Password of " + username + " must have at least 5 characters");
    }
    users.save(new User(username, role, hasher.hash(password), clock.instant()));
  }

  /** The principal for a correct username and password; 401 BAD_CREDENTIALS otherwise (same work either way). */
  public Principal login(String username, String password) {
    var user = username == null ? java.util.Optional.<User>empty() : users.find(username);
    boolean ok = hasher.matches(password, user.map(User::passwordHash).orElse(dummyHash));
    if (user.isEmpty() || !ok) {
      throw ApiException.unauthorized("BAD_CREDENTIALS", "Unknown user or wrong password");
    }
    return new Principal(user.get().username(), user.get().role());
  }

  /** The account as it is now (its current role), or empty when it has been removed. */
  public java.util.Optional<Principal> current(String username) {
    return users.find(username).map(u -> new Principal(u.username(), u.role()));
  }

  /** Creates admin/admin, analyst/analyst and business/business where missing. */
  public void ensureDemoUsers() {
    for (String name : DEMO_USERS) {
      if (users.find(name).isEmpty()) {
        add(name, name, Role.parse(name).orElseThrow());
      }
    }
  }

  public UserStore store() {
    return users;
  }
}
