package com.medflow.query.guard;

import com.medflow.model.TableId;
import java.util.List;
import java.util.Optional;

/** A FROM item: a contract table, a CTE, a subquery or a LATERAL VIEW. */
record Relation(String key, String printName, TableId table, List<Col> cols) {
  Optional<Col> col(String lower) {
    for (Col c : cols) {
      if (lower.equals(c.key())) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  String describe() {
    if (table != null) {
      return table.toString() + (key != null && !key.equals(table.name()) ? " (" + printName + ")" : "");
    }
    return printName == null ? "a subquery" : printName;
  }
}
