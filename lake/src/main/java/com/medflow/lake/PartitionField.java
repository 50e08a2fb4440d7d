package com.medflow.lake;

import static java.util.Objects.requireNonNull;

import com.medflow.model.Preconditions;
import com.medflow.model.TableSpec;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Table;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.transforms.Transforms;

/** One entry of a contract table's partitioning: {@code column} (identity) or {@code month(column)}. */
record PartitionField(String column, boolean month) {
  private static final Pattern FORM = Pattern.compile("(?:month\\((\\w+)\\)|(\\w+))");

  PartitionField {
    requireNonNull(column, "column is null");
  }

  static PartitionField parse(String text) {
    Matcher m = FORM.matcher(text);
    Preconditions.checkArgument(m.matches(), "Invalid partition field (column or month(column)): %s", text);
    return m.group(1) != null ? new PartitionField(m.group(1), true) : new PartitionField(m.group(2), false);
  }

  void addTo(PartitionSpec.Builder builder) {
    if (month) {
      builder.month(column);
    } else {
      builder.identity(column);
    }
  }

  /** Whether the table's current spec already partitions this way. */
  boolean in(Table table) {
    int sourceId = table.schema().findField(column).fieldId();
    return table.spec().fields().stream().anyMatch(f -> f.sourceId() == sourceId
        && f.transform().toString().equals(month ? Transforms.month().toString() : Transforms.identity().toString()));
  }

  /**
   * Adds partition fields the contract names but the table lacks (a table made before them). Files
   * already written keep their layout until compacted ({@code ./medflow maintain}).
   */
  static void evolve(Table table, TableSpec spec) {
    org.apache.iceberg.UpdatePartitionSpec update = null;
    for (String p : spec.partitionBy()) {
      PartitionField f = parse(p);
      if (!f.in(table)) {
        update = update == null ? table.updateSpec() : update;
        update.addField(f.month ? Expressions.month(f.column) : Expressions.ref(f.column));
      }
    }
    if (update != null) {
      update.commit();
      table.refresh();
    }
  }
}
