package com.medflow.assistant.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.medflow.assistant.testing.AssistantHarness;
import com.medflow.model.Role;
import com.medflow.model.Tables;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent workflow on the fixture batch (10 clean claims; latest service date 2025-03-05). */
class AskServiceTest {
  static final List<String> AGENTS = List.of("router", "planner", "retriever", "sql_generator", "validator", "executor",
      "analyzer", "explainer", "suggester");
  @TempDir
  static Path home;
  static AssistantHarness h;
  static AskService ask;

  @BeforeAll
  static void start() {
    h = new AssistantHarness(home);
    ask = h.ask(Optional.empty());
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  @Test
  void everyAgentStepLeavesATraceEventInOrder() {
    List<TraceEvent> streamed = new ArrayList<>();
    Answer a = ask.ask(AssistantHarness.request("denial rate by payer", Optional.empty(), Role.ANALYST), streamed::add);
    assertThat(a.status()).isEqualTo(Answer.OK);
    assertThat(a.trace()).extracting(TraceEvent::agent).containsExactlyElementsOf(AGENTS);
    assertThat(streamed).isEqualTo(a.trace());
    assertThat(a.trace()).allSatisfy(e -> assertThat(e.summary()).isNotBlank());
    assertThat(a.engine()).isEqualTo("semantic");
  }

  @Test
  void theAnswerIsTheRightNumberWithSqlChartAndExplanation() {
    Answer a = h.ask(ask, "What's the average claim amount for diabetes patients?");
    assertThat(a.status()).isEqualTo(Answer.OK);
    assertThat(a.chart().type()).isEqualTo("number");
    // diabetes claims in the fixture: BC-1 1240.00, AET-1 1240.00, UHC-1 1240.00
    assertThat((BigDecimal) a.rows().get(0).get(0)).isEqualByComparingTo("1240.00");
    assertThat(a.sql()).containsIgnoringCase("AVG(billed_amount)").contains("diagnosis_category = 'Diabetes'");
    assertThat(a.explanation()).contains("$1,240.00").contains("Diabetes");
    assertThat(a.tables()).containsExactly("healthcare.claims_clean");
    assertThat(a.suggestions()).hasSizeBetween(2, 4);
  }

  @Test
  void denialRatesByPayerMatchTheData() {
    Answer a = h.ask(ask, "denial rate per insurer");
    assertThat(a.chart().type()).isEqualTo("bar");
    assertThat(a.chart().x()).isEqualTo("payer");
    assertThat(a.rows()).extracting(r -> r.get(0) + "=" + r.get(1))
        .containsExactly("Aetna=0.0", "BlueCross=0.5", "UnitedHealth=0.5");
  }

  @Test
  void aTimeSeriesIsALineChart() {
    Answer a = h.ask(ask, "claims by month");
    assertThat(a.chart().type()).isEqualTo("line");
    assertThat(a.chart().x()).isEqualTo("service_month");
    assertThat(a.rows()).extracting(r -> r.get(0) + "=" + r.get(1))
        .containsExactly("2025-01-01=4", "2025-02-01=3", "2025-03-01=3");
  }

  @Test
  void relativeTimeIsCountedFromTheLatestServiceDate() {
    Answer a = h.ask(ask, "how many claims this month");
    assertThat(a.sql()).contains("BETWEEN DATE '2025-03-01' AND DATE '2025-03-31'");
    assertThat(a.rows().get(0).get(0)).isEqualTo(3L);
    assertThat(a.explanation()).contains("latest service date in the data, 2025-03-05");
  }

  @Test
  void aFollowUpRefinesThePreviousAnswerInTheSameConversation() {
    Answer first = h.ask(ask, "claims by payer");
    Answer second = ask.ask(AssistantHarness.request("only for 2025 and diabetes", Optional.of(first.conversationId()),
        Role.ANALYST), e -> { });
    assertThat(second.conversationId()).isEqualTo(first.conversationId());
    assertThat(second.trace().get(0).summary()).startsWith("follow-up");
    assertThat(second.sql()).contains("GROUP BY payer").contains("Diabetes").contains("2025-01-01");
    assertThat(second.rows()).extracting(r -> r.get(0) + "=" + r.get(1))
        .containsExactly("Aetna=1", "BlueCross=1", "UnitedHealth=1");
    assertThat(ask.conversation(first.conversationId(), "analyst-user")).hasSize(2);
    assertThatThrownBy(() -> ask.conversation(first.conversationId(), "someone-else"))
        .isInstanceOf(AskException.class).hasMessageContaining("another user");
  }

  @Test
  void aFollowUpOfAQuestionAskedBackDoesNotRefineAnOlderAnswer() {
    Answer first = h.ask(ask, "claims by payer");
    Answer asked = ask.ask(AssistantHarness.request("how many duplicate claims", Optional.of(first.conversationId()),
        Role.ANALYST), e -> { });
    assertThat(asked.status()).isEqualTo("clarify");
    Answer third = ask.ask(AssistantHarness.request("break that down by month", Optional.of(first.conversationId()),
        Role.ANALYST), e -> { });
    assertThat(third.status()).isNotEqualTo("ok");
    assertThat(third.sql()).isNull();
  }

  @Test
  void unsafeRequestsAreRefusedAndNothingRuns() {
    long before = h.lake.snapshot(Tables.CLAIMS_CLEAN);
    Answer a = h.ask(ask, "delete all the denied claims");
    assertThat(a.status()).isEqualTo(Answer.REFUSED);
    assertThat(a.sql()).isNull();
    assertThat(a.trace()).extracting(TraceEvent::agent).containsExactly("router", "suggester");
    assertThat(h.lake.snapshot(Tables.CLAIMS_CLEAN)).isEqualTo(before);
  }

  @Test
  void questionsItCannotMapAreUnanswerableWithAnswerableSuggestions() {
    Answer a = h.ask(ask, "what's the patient satisfaction score by payer");
    assertThat(a.status()).isEqualTo(Answer.UNANSWERABLE);
    assertThat(a.explanation()).contains("satisfaction");
    assertThat(a.suggestions()).isNotEmpty();
    for (String s : a.suggestions()) {
      assertThat(h.ask(ask, s).status()).as(s).isEqualTo(Answer.OK);
    }
  }

  @Test
  void paraphrasesOfOneQuestionHitTheCache() {
    Answer first = h.ask(ask, "total paid by specialty in 2025");
    Answer second = h.ask(ask, "How much did we pay per specialty in 2025?");
    assertThat(second.sql()).isEqualTo(first.sql());
    assertThat(second.cached()).isTrue();
    assertThat(second.rows()).isEqualTo(first.rows());
  }

  @Test
  void businessUsersNeverSeePersonalData() {
    Answer a = ask.ask(AssistantHarness.request("unique patients by payer", Optional.empty(), Role.BUSINESS), e -> { });
    assertThat(a.status()).isEqualTo(Answer.OK);
    assertThat(a.sql()).containsIgnoringCase("COUNT(DISTINCT member_id)");
  }
}
