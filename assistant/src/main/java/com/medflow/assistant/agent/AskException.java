package com.medflow.assistant.agent;

/** A request the assistant cannot take (for example a conversation that belongs to someone else). */
public final class AskException extends RuntimeException {
  private final int status;
  private final String code;

  public AskException(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }
}
