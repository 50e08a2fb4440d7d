package com.medflow.pipeline.bronze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;

/**
 * Property-based fuzzing of the payer-file {@link LineSplitter}: any line gives fields or null (broken quoting),
 * never an exception, within a time bound; fields written with RFC 4180 quoting come back exactly.
 */
class LineSplitterFuzzTest {
  private static final Duration BOUND = Duration.ofSeconds(2);

  /** The delimiter and quote of a payer format. */
  record Format(char delimiter, Optional<Character> quote) {
    LineSplitter splitter() {
      return new LineSplitter(delimiter, quote);
    }

    @Override
    public String toString() {
      return "delimiter '" + delimiter + "' quote " + quote.map(q -> "'" + q + "'").orElse("none");
    }
  }

  @Provide
  Arbitrary<Format> formats() {
    return Arbitraries.of(new Format(',', Optional.of('"')), new Format('|', Optional.empty()),
        new Format('\t', Optional.of('"')), new Format(';', Optional.of('\'')), new Format('|', Optional.of('"')),
        new Format(',', Optional.empty()));
  }

  /** Text rich in the characters that matter: delimiters, quotes, spaces, line ends and non-ASCII letters. */
  @Provide
  Arbitrary<String> lines() {
    Arbitrary<String> tricky = Arbitraries.strings().withChars(",|;\t\"'  ab\\\r\nÿé€\u200B\uFEFF").ofMaxLength(300);
    Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(300);
    Arbitrary<String> long1 = Arbitraries.strings().withChars(",\"a").ofMinLength(5_000).ofMaxLength(20_000);
    return Arbitraries.frequencyOf(Tuple.of(6, tricky), Tuple.of(3, any),
        Tuple.of(1, long1));
  }

  @Property(tries = 500, shrinking = ShrinkingMode.BOUNDED)
  void anyLineGivesFieldsOrNullQuickly(@ForAll("lines") String line, @ForAll("formats") Format format) {
    List<String> fields = assertTimeoutPreemptively(BOUND, () -> format.splitter().split(line),
        () -> format + " took longer than " + BOUND);
    if (fields != null) {
      assertThat(fields).isNotEmpty().doesNotContainNull();
      int chars = fields.stream().mapToInt(String::length).sum();
      assertThat(chars).as("fields are never longer than the line").isLessThanOrEqualTo(line.length());
      if (format.quote().isEmpty()) {
        assertThat(String.join(String.valueOf(format.delimiter()), fields)).as("plain split joins back").isEqualTo(line);
      }
    } else {
      assertThat(format.quote()).as("only quoting can be broken").isPresent();
    }
  }

  @Provide
  Arbitrary<List<String>> fieldLists() {
    return Arbitraries.strings().withChars(",|;\t\"' ab1é\u00A0").ofMaxLength(20).list().ofMinSize(1).ofMaxSize(12);
  }

  @Property(tries = 500, shrinking = ShrinkingMode.BOUNDED)
  void quotedFieldsRoundTrip(@ForAll("fieldLists") List<String> fields, @ForAll("formats") Format format,
                             @ForAll("quoteAll") boolean quoteAll) {
    Optional<Character> quote = format.quote();
    String delimiter = String.valueOf(format.delimiter());
    List<String> expected = new ArrayList<>();
    List<String> written = new ArrayList<>();
    for (String f : fields) {
      if (quote.isEmpty()) {
        String plain = f.replace(delimiter, ""); // without quoting a field cannot hold the delimiter
        expected.add(plain);
        written.add(plain);
        continue;
      }
      String q = String.valueOf(quote.get());
      boolean mustQuote = f.contains(delimiter) || f.contains(q);
      expected.add(f);
      written.add(mustQuote || quoteAll ? q + f.replace(q, q + q) + q : f);
    }
    String line = String.join(delimiter, written);
    List<String> back = assertTimeoutPreemptively(BOUND, () -> format.splitter().split(line));
    assertThat(back).as("%s: %s", format, line).containsExactlyElementsOf(expected);
  }

  @Provide
  Arbitrary<Boolean> quoteAll() {
    return Arbitraries.of(true, false);
  }

  @Property(tries = 200)
  void aLineWithAnUnterminatedQuoteIsBroken(@ForAll("fieldLists") List<String> fields) {
    String line = String.join(",", fields.stream().map(x -> "\"" + x.replace("\"", "\"\"") + "\"").toList());
    String broken = line + ",\"unterminated";
    assertThat(new LineSplitter(',', Optional.of('"')).split(broken)).as(broken).isNull();
  }
}
