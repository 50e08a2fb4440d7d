package com.medflow.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.medflow.config.MedflowConfig;
import com.medflow.store.feedback.Feedback;
import com.medflow.store.feedback.FeedbackStore;
import com.medflow.store.feedback.LoggedAnswer;
import com.medflow.store.feedback.MissedQuestions;
import com.medflow.store.verified.VerifiedAnswer;
import com.medflow.store.verified.VerifiedAnswerStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class VerifiedAndFeedbackStoreTest extends BothDatabases {
  private static final Instant T = Instant.parse("2026-01-05T10:00:00Z");

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void verifiedAnswersAreFoundByQueryKeyEditedReplacedAndRemoved(String name, MedflowConfig.Database config) {
    try (AppDatabase db = AppDatabase.open(config)) {
      VerifiedAnswerStore store = new VerifiedAnswerStore(db);
      String key = "{\"key\":\"" + name + "\"}";
      store.save(new VerifiedAnswer(name + "-v1", key, "Denial rate by payer", "{\"q\":1}", "SELECT 1", "ana", T,
          Optional.of("checked against finance"), T));
      assertThat(store.byQueryKey(key)).hasValueSatisfying(v -> {
        assertThat(v.verifiedBy()).isEqualTo("ana");
        assertThat(v.verifiedAt()).isEqualTo(T);
        assertThat(v.note()).contains("checked against finance");
        assertThat(v.sql()).isEqualTo("SELECT 1");
      });
      VerifiedAnswer edited = store.edit(name + "-v1", "Denial rate per payer", Optional.empty(), T.plusSeconds(60));
      assertThat(edited.verifiedBy()).isEqualTo("ana");
      assertThat(store.find(name + "-v1")).hasValueSatisfying(v -> {
        assertThat(v.question()).isEqualTo("Denial rate per payer");
        assertThat(v.note()).isEmpty();
        assertThat(v.updatedAt()).isEqualTo(T.plusSeconds(60));
      });
      // verifying the same semantic query again replaces the first verification
      store.save(new VerifiedAnswer(name + "-v2", key, "Denial rate by payer?", "{\"q\":1}", "SELECT 1", "admin",
          T.plusSeconds(120), Optional.empty(), T.plusSeconds(120)));
      assertThat(store.list()).filteredOn(v -> v.queryKey().equals(key)).extracting(VerifiedAnswer::id)
          .containsExactly(name + "-v2");
      assertThat(store.remove(name + "-v2")).isTrue();
      assertThat(store.remove(name + "-v2")).isFalse();
      assertThat(store.byQueryKey(key)).isEmpty();
      assertThatThrownBy(() -> store.edit("missing", "q", Optional.empty(), T)).hasMessageContaining("missing");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void missedQuestionsGroupUnanswerableClarifyAndThumbsDownWithCountsAndLeftoverWords(String name,
                                                                                      MedflowConfig.Database config) {
    try (AppDatabase db = AppDatabase.open(config)) {
      FeedbackStore store = new FeedbackStore(db);
      store.log(new LoggedAnswer(name + "a1", T, "bob", "Denial rate by zodiac sign?", "unanswerable", Optional.empty(),
          List.of("zodiac", "sign")));
      store.log(new LoggedAnswer(name + "a2", T.plusSeconds(10), "carl", "denial rate by  zodiac sign", "unanswerable",
          Optional.empty(), List.of("zodiac", "sign")));
      store.log(new LoggedAnswer(name + "a3", T.plusSeconds(20), "bob", "Oncology claims in 2025", "clarify",
          Optional.empty(), List.of()));
      store.log(new LoggedAnswer(name + "a4", T.plusSeconds(30), "bob", "Denial rate by payer", "ok",
          Optional.of("SELECT payer"), List.of()));
      store.log(new LoggedAnswer(name + "a5", T.plusSeconds(40), "dora", "Claims by horoscope", "unanswerable",
          Optional.empty(), List.of("horoscope")));
      store.save(new Feedback(name + "a4", "bob", Feedback.Rating.UP, Optional.empty(), "Denial rate by payer", "ok",
          Optional.of("SELECT payer"), T.plusSeconds(50)));
      // the same user changes their mind: the thumbs-up is replaced by a thumbs-down with a comment
      store.save(new Feedback(name + "a4", "bob", Feedback.Rating.DOWN, Optional.of("Aetna looks too low"),
          "Denial rate by payer", "ok", Optional.of("SELECT payer"), T.plusSeconds(60)));
      assertThat(store.feedback(Optional.empty(), 10)).filteredOn(f -> f.answerId().startsWith(name)).hasSize(1);

      MissedQuestions.Report r = new MissedQuestions(store).report(100);
      List<MissedQuestions.Group> mine = r.groups().stream()
          .filter(g -> List.of("Denial rate by zodiac sign?", "denial rate by  zodiac sign", "Oncology claims in 2025",
              "Denial rate by payer", "Claims by horoscope").contains(g.question())).toList();
      assertThat(mine).extracting(MissedQuestions.Group::kind, MissedQuestions.Group::count, MissedQuestions.Group::users)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("unanswerable", 2L, 2L),
              org.assertj.core.groups.Tuple.tuple("thumbs_down", 1L, 1L),
              org.assertj.core.groups.Tuple.tuple("unanswerable", 1L, 1L),
              org.assertj.core.groups.Tuple.tuple("clarify", 1L, 1L));
      assertThat(mine.get(0).question()).isEqualTo("denial rate by  zodiac sign");
      assertThat(mine.get(0).leftoverWords()).containsExactly("zodiac", "sign");
      assertThat(mine.get(1).comments()).containsExactly("Aetna looks too low");
      assertThat(mine.get(1).sql()).contains("SELECT payer");
      assertThat(r.leftoverWords()).contains(new MissedQuestions.Word("zodiac", 2), new MissedQuestions.Word("horoscope", 1));
      assertThatThrownBy(() -> Feedback.Rating.parse("meh")).hasMessageContaining("Invalid rating: meh");
    }
  }
}
