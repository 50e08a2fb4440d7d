package com.medflow.assistant.agent;

import static java.util.Objects.requireNonNull;

import com.medflow.model.Role;
import java.util.Optional;

/** A question from a user in a role, optionally continuing a conversation. */
public record AskRequest(String question, Optional<String> conversationId, String username, Role role) {
  public AskRequest {
    requireNonNull(question, "question is null");
    requireNonNull(conversationId, "conversationId is null");
    requireNonNull(username, "username is null");
    requireNonNull(role, "role is null");
  }
}
