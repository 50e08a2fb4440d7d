package com.medflow.query.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.medflow.model.Role;
import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegexRiskTest {
  @ParameterizedTest(name = "{0} has ambiguity {1}")
  @CsvSource(delimiter = '|', value = {
      "a*b|0",
      "a*a*b|1",
      "a*a*a*a*a*a*a*b|6",
      "\\d+-\\d+|0",
      "\\w+\\s\\w+|0",
      ".*foo.*bar.*|2",
      "^[A-Z]\\d{2}(\\.\\d+)?$|0",
      "a+b+c+|0",
      "(?i)a+A+|1",
      "[a-z]+[0-9]*[a-z]+|1",
      "a*+a*+b|0",
      "(ab)+(ab)+|1"})
  void countsRepetitionsThatCanMatchTheSameCharactersAsAnEarlierOne(String pattern, int degree) {
    assertThat(RegexRisk.degree(pattern)).isEqualTo(degree);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"a*a*a*a*a*a*a*b", ".*a.*b.*c.*d"})
  void theGuardRefusesPatternsWithMoreThanTwoOverlappingRepetitions(String pattern) {
    assertThatThrownBy(() -> new SqlGuard(100, 1000).check("SELECT rlike(repeat('a', 1000), '" + pattern + "')",
        Role.ANALYST, OptionalInt.empty())).isInstanceOf(SqlRefusedException.class)
        .hasMessageContaining("repetitions in a row that can match the same characters");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {".*foo.*bar.*", "^C[0-9]+$", "a*a*b"})
  void theGuardLetsTwoOverlappingRepetitionsThrough(String pattern) {
    assertThatCode(() -> new SqlGuard(100, 1000).check("SELECT rlike(claim_id, '" + pattern + "')"
        + " FROM healthcare.claims_clean", Role.ANALYST, OptionalInt.empty())).doesNotThrowAnyException();
  }
}
