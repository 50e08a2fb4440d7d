package com.medflow.server.http;

import static java.util.Objects.requireNonNull;

import com.medflow.model.Role;

/** The authenticated caller of a request. */
public record Principal(String username, Role role) {
  public Principal {
    requireNonNull(username, "username is null");
    requireNonNull(role, "role is null");
  }
}
