package com.medflow.server.auth;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** Salted bcrypt hashes of passwords (cost 10). */
public final class PasswordHasher {
  private final BCryptPasswordEncoder bcrypt;

  public PasswordHasher() {
    this(10);
  }

  public PasswordHasher(int cost) {
    this.bcrypt = new BCryptPasswordEncoder(cost);
  }

  public String hash(String password) {
    return bcrypt.encode(password);
  }

  public boolean matches(String password, String hash) {
    return password != null && hash != null && bcrypt.matches(password, hash);
  }
}
