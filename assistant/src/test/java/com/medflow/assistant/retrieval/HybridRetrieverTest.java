package com.medflow.assistant.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import com.medflow.assistant.testing.AssistantHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class HybridRetrieverTest {
  private static List<String> ids(String q) {
    return AssistantHarness.retriever().search(q, 5).stream().map(Retriever.Hit::id).toList();
  }

  @Test
  void findsTheDefinitionsAQuestionNeeds() {
    assertThat(ids("what is our denial rate")).contains("metric:denial_rate");
    assertThat(ids("claims for heart attacks")).contains("diagnosis:heart attack");
    assertThat(ids("which columns hold the paid amount and billed amount")).contains("measure:paid_amount",
        "measure:billed_amount");
    assertThat(ids("what does the provider performance table contain")).contains("table:healthcare_gold.provider_performance");
  }

  @Test
  void paraphrasedQuestionsFindTheSameDefinitions() {
    assertThat(ids("how long until a claim gets decided")).contains("condition:adjudicated");
    assertThat(ids("share of claims that get rejected")).contains("metric:denial_rate");
  }

  @Test
  void anEmptyQuestionFindsNothing() {
    assertThat(AssistantHarness.retriever().search(" ", 5)).isEmpty();
  }
}
