package com.medflow.pipeline.bronze;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LineSplitterTest {
  private final LineSplitter csv = new LineSplitter(',', Optional.of('"'));
  private final LineSplitter pipe = new LineSplitter('|', Optional.empty());

  @Test
  void quotedFieldsMayHoldDelimitersAndDoubledQuotes() {
    assertThat(csv.split("BC-1,\"Lakeside Family Medicine, PC\",\"$1,240.00\",\"Dr. \"\"Joe\"\"\""))
        .containsExactly("BC-1", "Lakeside Family Medicine, PC", "$1,240.00", "Dr. \"Joe\"");
  }

  @Test
  void emptyFieldsAndATrailingDelimiterAreKept() {
    assertThat(csv.split("a,,c,")).containsExactly("a", "", "c", "");
    assertThat(csv.split("\"\",x")).containsExactly("", "x");
    assertThat(pipe.split("A||C|")).containsExactly("A", "", "C", "");
  }

  @Test
  void nonAsciiTextPassesThrough() {
    assertThat(csv.split("\"Clínica São José\",Zürich")).containsExactly("Clínica São José", "Zürich");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a,\"unterminated,b", "a,\"closed\"x,b", "a,b\"c,d", "\"a"})
  void brokenQuotingIsNull(String line) {
    assertThat(csv.split(line)).isNull();
  }

  @Test
  void withoutQuotingQuotesAreOrdinaryCharacters() {
    assertThat(pipe.split("\"A|B\"")).containsExactly("\"A", "B\"");
  }
}
