package com.medflow.pipeline.silver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowLimitsTest {
  private final RowLimits limits = new RowLimits(5);

  @Test
  void aFieldLongerThanTheLimitIsFieldTooLongOnce() {
    assertThat(limits.reasons(Map.of("a", "12345", "b", "x"), "12345,x")).isEmpty();
    assertThat(limits.reasons(Map.of("a", "123456", "b", "1234567"), "123456,1234567"))
        .containsExactly("FIELD_TOO_LONG");
  }

  @Test
  void aReplacementCharacterInTheLineIsInvalidEncoding() {
    assertThat(limits.reasons(Map.of(), "Cl\uFFFDnica")).containsExactly("INVALID_ENCODING");
    assertThat(limits.reasons(Map.of("a", "\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD"), "\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD"))
        .containsExactly("INVALID_ENCODING", "FIELD_TOO_LONG");
  }

  @Test
  void addToKeepsTheRulesAlreadyBrokenAndAddsNoneTwice() {
    assertThat(limits.addTo(List.of("MALFORMED_ROW"), Map.of(), "ok")).containsExactly("MALFORMED_ROW");
    assertThat(limits.addTo(List.of("INVALID_ENCODING"), Map.of("a", "toolong"), "\uFFFD"))
        .containsExactly("INVALID_ENCODING", "FIELD_TOO_LONG");
  }

  @Test
  void theLimitMustBePositive() {
    assertThatThrownBy(() -> new RowLimits(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid maxFieldLength: 0");
    assertThat(RowLimits.DEFAULT.maxFieldLength()).isEqualTo(1000);
  }
}
