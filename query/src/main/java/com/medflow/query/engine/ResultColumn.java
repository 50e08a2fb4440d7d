package com.medflow.query.engine;

import static java.util.Objects.requireNonNull;

/** A result column: its name and a portable type ({@code string, integer, decimal, double, boolean, date, timestamp, other}). */
public record ResultColumn(String name, String type) {
  public ResultColumn {
    requireNonNull(name, "name is null");
    requireNonNull(type, "type is null");
  }
}
