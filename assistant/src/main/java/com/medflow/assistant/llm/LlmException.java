package com.medflow.assistant.llm;

/** The LLM call failed (timeout, transport, unusable answer); the assistant falls back to the offline engine. */
public final class LlmException extends RuntimeException {
  public LlmException(String message, Throwable cause) {
    super(message, cause);
  }

  public LlmException(String message) {
    super(message);
  }
}
