package com.medflow.store.users;

import static java.util.Objects.requireNonNull;

import com.medflow.model.Role;
import java.time.Instant;

/** An account: name, role and the salted password hash (never the password). */
public record User(String username, Role role, String passwordHash, Instant createdAt) {
  public User {
    requireNonNull(username, "username is null");
    requireNonNull(role, "role is null");
    requireNonNull(passwordHash, "passwordHash is null");
    requireNonNull(createdAt, "createdAt is null");
  }
}
