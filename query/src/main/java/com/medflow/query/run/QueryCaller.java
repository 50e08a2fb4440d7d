package com.medflow.query.run;

import static java.util.Objects.requireNonNull;

import com.medflow.model.Role;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who asks for a query and through what: the user (their fair-share pool and concurrency limit), the
 * role (what the guard allows), the source ({@code sql}, {@code ask}, {@code preview}, {@code cli}) and
 * an optional id chosen by the client so it can cancel the query while it runs.
 */
public record QueryCaller(String user, Role role, String source, Optional<String> requestedId) {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");

  public QueryCaller {
    requireNonNull(user, "user is null");
    requireNonNull(role, "role is null");
    requireNonNull(source, "source is null");
    requireNonNull(requestedId, "requestedId is null");
    if (user.isBlank()) {
      throw new IllegalArgumentException("user is blank");
    }
    requestedId.ifPresent(id -> {
      if (!ID.matcher(id).matches()) {
        throw new IllegalArgumentException("query_id must be 8 to 64 letters, digits, '-' or '_': " + id);
      }
    });
  }

  public static QueryCaller of(String user, Role role, String source) {
    return new QueryCaller(user, role, source, Optional.empty());
  }
}
