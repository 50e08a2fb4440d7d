package com.medflow.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.medflow.config.ResponseCap;
import com.medflow.query.engine.Bytes;
import com.medflow.query.engine.QueryResult;
import com.medflow.query.engine.ResultColumn;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseCapsTest {
  private static QueryResult rows(int n, String value) {
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(List.of(value, (long) i));
    }
    return new QueryResult(List.of(new ResultColumn("v", "string"), new ResultColumn("i", "integer")), rows, false, 7);
  }

  @Test
  void aRowIsCountedAsItsJsonValuesWithSeparators() {
    // ["abc",1]: 2 brackets + ("abc" 5 + comma 1) + (number 24 + 1)
    assertThat(Bytes.jsonRow(List.of("abc", 1L))).isEqualTo(33);
    assertThat(Bytes.json("é€😀")).isEqualTo(2 + 2 + 3 + 4);
  }

  @Test
  void aResultWithinTheCapIsReturnedAsIs() {
    QueryResult r = rows(10, "x");
    assertThat(ResponseCaps.apply(r, new ResponseCap(10, 1_024))).isSameAs(r);
  }

  @Test
  void rowsBeyondTheByteCapAreCutAndTheResultSaysTruncated() {
    QueryResult r = rows(100, "a".repeat(98)); // 2 + 101 + 25 = 128 bytes a row
    QueryResult capped = ResponseCaps.apply(r, new ResponseCap(1_000, 1_024));
    assertThat(capped.rowCount()).isEqualTo(8);
    assertThat(capped.truncated()).isTrue();
    assertThat(capped.rows()).isEqualTo(r.rows().subList(0, 8));
    assertThat(capped.columns()).isEqualTo(r.columns());
    assertThat(capped.latencyMs()).isEqualTo(7);
  }

  @Test
  void rowsBeyondTheRowCapAreCutAndTheResultSaysTruncated() {
    QueryResult capped = ResponseCaps.apply(rows(5, "x"), new ResponseCap(3, 1_024));
    assertThat(capped.rowCount()).isEqualTo(3);
    assertThat(capped.truncated()).isTrue();
  }

  @Test
  void aFirstRowOverTheCapLeavesNoRows() {
    QueryResult capped = ResponseCaps.apply(rows(2, "b".repeat(2_000)), new ResponseCap(10, 1_024));
    assertThat(capped.rows()).isEmpty();
    assertThat(capped.truncated()).isTrue();
  }

  @Test
  void multiByteCharactersCountAsTheirUtf8Bytes() {
    QueryResult ascii = ResponseCaps.apply(rows(100, "a".repeat(30)), new ResponseCap(1_000, 1_024));
    QueryResult wide = ResponseCaps.apply(rows(100, "€".repeat(30)), new ResponseCap(1_000, 1_024));
    assertThat(ascii.rowCount()).isEqualTo(17); // 60 bytes a row
    assertThat(wide.rowCount()).isEqualTo(8); // 120 bytes a row
  }
}
