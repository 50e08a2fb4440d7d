package com.medflow.assistant.notes;

import static org.assertj.core.api.Assertions.assertThat;

import com.medflow.assistant.agent.Answer;
import com.medflow.assistant.agent.AskRequest;
import com.medflow.assistant.agent.AskService;
import com.medflow.assistant.agent.Verifications;
import com.medflow.assistant.nlq.LakeFacts;
import com.medflow.assistant.testing.AssistantHarness;
import com.medflow.lake.TableVersions;
import com.medflow.model.Role;
import com.medflow.model.Tables;
import com.medflow.model.mapping.PayerMappings;
import com.medflow.pipeline.testing.PipelineHarness;
import com.medflow.store.conversations.ConversationStore;
import com.medflow.store.feedback.FeedbackStore;
import com.medflow.store.verified.VerifiedAnswer;
import com.medflow.store.verified.VerifiedAnswerStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quarantine notes and verified answers on the fixture batch. Aetna's file has four rows quarantined:
 * AET-000003 (service date 2099), the row without a claim id (Feb 2025, I10), the short row AET-000005
 * (malformed) and AET-000007 (Mar 2025, gender and status invalid).
 */
class AnswerNotesTest {
  @TempDir
  static Path home;
  static AssistantHarness h;
  static AskService ask;
  static TableVersions versions;

  @BeforeAll
  static void start() {
    h = new AssistantHarness(home);
    versions = new TableVersions(h.lake.config.catalog());
    ConversationStore conversations = new ConversationStore(h.lake.db);
    Verifications verifications = new Verifications(new VerifiedAnswerStore(h.lake.db), conversations, Clock.systemUTC());
    ask = new AskService(AssistantHarness.engine(), new LakeFacts(h.lake.lake, versions::current,
        Clock.fixed(PipelineHarness.NOW, ZoneOffset.UTC)), h.queries, AssistantHarness.retriever(), Optional.empty(),
        conversations, Clock.systemUTC(), Optional.of(verifications), Optional.of(new FeedbackStore(h.lake.db)),
        Optional.of(new ScopeNotes(h.queries, PayerMappings.load(Optional.empty()))));
  }

  @AfterAll
  static void stop() {
    versions.close();
    h.close();
  }

  private static long direct(String where) {
    Row r = h.lake.spark.sql("SELECT COUNT(*) FROM " + h.lake.lake.qualified(Tables.CLAIMS_QUARANTINED) + " WHERE "
        + where).first();
    return r.getLong(0);
  }

  private static AnswerNote quarantineNote(Answer a) {
    assertThat(a.status()).as(a.explanation()).isEqualTo(Answer.OK);
    return a.notes().stream().filter(n -> n.kind().equals(AnswerNote.QUARANTINE)).findFirst().orElseThrow();
  }

  @Test
  void quarantineCountsOfAPayerAndQuarterEqualADirectCountOfTheRawRows() {
    AnswerNote n = quarantineNote(h.ask(ask, "How many Aetna claims in Q1 2025?"));
    String scope = "payer = 'Aetna' AND to_date(record['service_from_date'], 'yyyy-MM-dd')"
        + " BETWEEN DATE'2025-01-01' AND DATE'2025-03-31'";
    long total = direct(scope);
    assertThat(total).isEqualTo(2); // the row without claim id and AET-000007
    assertThat(n.counts().get("in_scope")).isEqualTo(total);
    assertThat(n.counts().get("MISSING_CLAIM_ID")).isEqualTo(direct(scope + " AND array_contains(reasons, 'MISSING_CLAIM_ID')"));
    assertThat(n.counts().get("INVALID_GENDER")).isEqualTo(1);
    assertThat(n.counts().get("INVALID_STATUS")).isEqualTo(1);
    // AET-000005 is too short to carry a service date
    assertThat(n.counts().get("undated")).isEqualTo(direct("payer = 'Aetna' AND try_to_date(record['service_from_date'],"
        + " 'yyyy-MM-dd') IS NULL"));
    assertThat(n.text()).startsWith("2 Aetna rows from Q1 2025 are in quarantine and not counted (1 missing claim ID,")
        .contains("1 invalid status").contains("1 invalid gender");
    assertThat(n.link()).startsWith("/sql?sql=SELECT");
  }

  @Test
  void aDiagnosisFilterIsReadFromTheRawDiagnosisToo() {
    AnswerNote n = quarantineNote(h.ask(ask, "How many Aetna hypertension claims in 2025?"));
    long total = direct("payer = 'Aetna' AND upper(replace(split_part(record['diagnosis_codes'], '|', 1), '.', ''))"
        + " BETWEEN 'I10' AND 'I16~' AND year(try_to_date(record['service_from_date'], 'yyyy-MM-dd')) = 2025");
    assertThat(total).isEqualTo(1); // the row without claim id (I10, Feb 2025)
    assertThat(n.counts().get("in_scope")).isEqualTo(total);
    assertThat(n.text()).startsWith("1 Aetna row from 2025 (").contains("is in quarantine and not counted (1 missing claim ID)");
  }

  @Test
  void withoutAPayerEveryPayersRowsOfThePeriodCount() {
    AnswerNote n = quarantineNote(h.ask(ask, "How many claims in 2025?"));
    long all = 0;
    for (Row r : h.lake.spark.sql("SELECT payer, record FROM " + h.lake.lake.qualified(Tables.CLAIMS_QUARANTINED))
        .collectAsList()) {
      String date = switch (r.getString(0)) {
        case "Aetna" -> (String) r.getJavaMap(1).get("service_from_date");
        case "BlueCross" -> (String) r.getJavaMap(1).get("ServiceDate");
        default -> (String) r.getJavaMap(1).get("SRVC_FROM_DT");
      };
      all += date != null && (date.startsWith("2025") || date.endsWith("/2025")) ? 1 : 0;
    }
    assertThat(n.counts().get("in_scope")).isEqualTo(all);
  }

  @Test
  void anAnalystVerifiesAnAnswerAndAParaphraseOfABusinessUserCarriesTheMark() {
    Answer first = h.ask(ask, "Denial rate by payer");
    assertThat(first.verified()).isNull();
    VerifiedAnswer v = ask.verifications().orElseThrow().verify(first.answerId(), "ana", Role.ANALYST,
        Optional.of("matches finance"));
    Answer paraphrase = ask.ask(new AskRequest("what is the denial rate for each payer?", Optional.empty(), "bob",
        Role.BUSINESS), e -> { });
    assertThat(paraphrase.status()).isEqualTo(Answer.OK);
    assertThat(paraphrase.verified()).isNotNull();
    assertThat(paraphrase.verified().verifiedBy()).isEqualTo("ana");
    assertThat(paraphrase.verified().id()).isEqualTo(v.id());
    assertThat(paraphrase.verified().note()).isEqualTo("matches finance");
    Answer other = h.ask(ask, "Approval rate by payer");
    assertThat(other.verified()).isNull();
    ask.verifications().orElseThrow().remove(v.id());
    assertThat(h.ask(ask, "Denial rate by payer").verified()).isNull();
  }

  @Test
  void anUnansweredQuestionCannotBeVerifiedAndKeepsItsLeftoverWords() {
    Answer a = h.ask(ask, "denial rate by zodiac sign");
    assertThat(a.status()).isEqualTo(Answer.UNANSWERABLE);
    assertThat(a.leftoverWords()).contains("zodiac");
    assertThat(a.notes()).isEmpty();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ask.verifications().orElseThrow().verify(a.answerId(), "ana",
        Role.ANALYST, Optional.empty())).hasMessageContaining("Only answers the semantic layer compiled");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ask.verifications().orElseThrow().verify(a.answerId(), "bob",
        Role.BUSINESS, Optional.empty())).hasMessageContaining("Only analysts and admins");
    assertThat(new FeedbackStore(h.lake.db).answer(a.answerId())).hasValueSatisfying(l ->
        assertThat(l.leftoverWords()).contains("zodiac"));
  }

  static List<Object> row(Row r) {
    java.util.ArrayList<Object> out = new java.util.ArrayList<>();
    for (int i = 0; i < r.size(); i++) {
      out.add(r.get(i));
    }
    return out;
  }
}
