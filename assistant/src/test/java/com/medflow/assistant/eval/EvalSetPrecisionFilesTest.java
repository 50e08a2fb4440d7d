package com.medflow.assistant.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The precision evaluation sets (eval/precision/*.yaml) load with the project's loader and keep their invariants. */
class EvalSetPrecisionFilesTest {
  private static final Path DIR = Path.of("..", "eval", "precision");
  private static final Set<String> EXPECTATIONS = Set.of("refused", "unanswerable", "clarify");

  private static EvalSet load(String name) {
    Path file = DIR.resolve(name);
    assertThat(file).exists();
    return EvalSet.load(file);
  }

  @Test
  void everyFileLoadsWithQuestionsGoldSqlAndKnownExpectations() {
    for (String name : List.of("dev.yaml", "blind.yaml", "regression.yaml", "probe.yaml")) {
      EvalSet set = load(name);
      assertThat(set.questions()).as(name).isNotEmpty();
      Stream.concat(set.questions().stream(), set.conversations().stream().flatMap(c -> c.turns().stream()))
          .forEach(q -> {
            assertThat(q.question()).as(q.id()).isNotBlank();
            assertThat(q.sql().strip().toUpperCase(Locale.ROOT)).as(q.id()).matches("(?s)(SELECT|WITH)\\b.*");
          });
      set.mustRefuse().forEach(r -> assertThat(r.expect()).as(r.id()).isIn(EXPECTATIONS));
    }
  }

  @Test
  void devAndBlindShareNoIntentAndNoQuestion() {
    EvalSet dev = load("dev.yaml");
    EvalSet blind = load("blind.yaml");
    Set<String> devIntents = new HashSet<>();
    dev.questions().forEach(q -> devIntents.add(q.intent()));
    blind.questions().forEach(q -> assertThat(devIntents).as(q.id()).doesNotContain(q.intent()));
    Set<String> devTexts = new HashSet<>();
    allTexts(dev).forEach(t -> devTexts.add(t.toLowerCase(Locale.ROOT)));
    allTexts(load("regression.yaml")).forEach(t -> devTexts.add(t.toLowerCase(Locale.ROOT)));
    allTexts(blind).forEach(t -> assertThat(devTexts).doesNotContain(t.toLowerCase(Locale.ROOT)));
  }

  @Test
  void idsAreUniqueAcrossTheFiles() throws Exception {
    Set<String> ids = new HashSet<>();
    for (String name : List.of("dev.yaml", "blind.yaml", "regression.yaml", "probe.yaml")) {
      EvalSet set = load(name);
      List<String> fileIds = new ArrayList<>();
      set.questions().forEach(q -> fileIds.add(q.id()));
      set.conversations().forEach(c -> fileIds.add(c.id()));
      set.mustRefuse().forEach(r -> fileIds.add(r.id()));
      fileIds.forEach(id -> assertThat(ids.add(id)).as("duplicate id %s in %s", id, name).isTrue());
    }
    assertThat(Files.readString(DIR.resolve("blind.yaml"))).contains("NEVER TUNE ON blind.yaml");
  }

  private static List<String> allTexts(EvalSet set) {
    List<String> texts = new ArrayList<>();
    set.questions().forEach(q -> texts.add(q.question()));
    // follow-up turns ("by payer", "top 3 only") are generic on purpose; a conversation is its first turn
    set.conversations().forEach(c -> texts.add(c.turns().get(0).question()));
    set.mustRefuse().forEach(r -> texts.add(r.question()));
    return texts;
  }
}
