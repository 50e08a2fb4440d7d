package com.medflow.model;

import static java.util.Objects.requireNonNull;

/**
 * A contract column. {@code type} is a SQL type as Spark and Trino spell it
 * ({@code string}, {@code bigint}, {@code int}, {@code double}, {@code boolean}, {@code date},
 * {@code timestamp}, {@code decimal(12,2)}, {@code map<string,string>}, {@code array<string>}).
 */
public record ColumnSpec(String name, String type, boolean pii, String description) {
  public ColumnSpec {
    requireNonNull(name, "name is null");
    requireNonNull(type, "type is null");
    requireNonNull(description, "description is null");
  }
}
