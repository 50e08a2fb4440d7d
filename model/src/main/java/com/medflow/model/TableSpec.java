package com.medflow.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * A contract table: its name, layer, grain, columns and how it is partitioned: each entry a column
 * (identity) or {@code month(column)} (Iceberg's month transform).
 */
public record TableSpec(TableId id, Layer layer, String description, List<ColumnSpec> columns,
                        List<String> partitionBy) {
  public enum Layer { BRONZE, SILVER, GOLD }

  public TableSpec {
    requireNonNull(id, "id is null");
    requireNonNull(layer, "layer is null");
    requireNonNull(description, "description is null");
    columns = List.copyOf(columns);
    partitionBy = List.copyOf(partitionBy);
  }

  public Optional<ColumnSpec> column(String name) {
    return columns.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
  }

  public List<String> columnNames() {
    return columns.stream().map(ColumnSpec::name).toList();
  }
}
