package com.medflow.assistant.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlLayoutTest {
  @Test
  void topLevelClausesStartLinesAndNothingElseChanges() {
    String sql = "SELECT payer, count(*) AS n FROM healthcare.claims_clean WHERE provider_name = 'A FROM B' AND x IN"
        + " (SELECT y FROM t WHERE z = 1) GROUP BY payer ORDER BY payer LIMIT 10";
    String pretty = SqlLayout.pretty(sql);
    assertThat(pretty).isEqualTo("SELECT payer, count(*) AS n\nFROM healthcare.claims_clean\nWHERE provider_name = 'A FROM B'"
        + " AND x IN (SELECT y FROM t WHERE z = 1)\nGROUP BY payer\nORDER BY payer\nLIMIT 10");
    assertThat(pretty.replace('\n', ' ')).isEqualTo(sql);
  }
}
