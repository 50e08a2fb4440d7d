package com.medflow.query.guard;

import static java.util.Objects.requireNonNull;

import com.medflow.model.Role;
import com.medflow.model.TableId;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What the rule families of one check share: who asks (role, catalog, dialect, row limits), the nesting
 * counters and the outcome (tables read, masked columns, time travel, the limit applied). One per
 * statement; not thread-safe.
 */
final class GuardContext {
  private final Role role;
  private final String catalog;
  private final SqlDialect dialect;
  private final boolean restrictPii;
  private final int wantedLimit;
  private final int maxRows;

  private int queryDepth;
  private int exprDepth;
  private int nodes;
  private final Deque<Set<String>> lambdaVariables = new ArrayDeque<>();

  private final Set<TableId> tables = new LinkedHashSet<>();
  private final Set<String> maskedColumns = new LinkedHashSet<>();
  private boolean timeTravel;
  private int limit;
  private boolean limitAdded;

  GuardContext(Role role, String catalog, int wantedLimit, int maxRows, SqlDialect dialect) {
    this.role = requireNonNull(role, "role is null");
    this.catalog = requireNonNull(catalog, "catalog is null");
    this.dialect = requireNonNull(dialect, "dialect is null");
    this.restrictPii = !role.seesPii();
    this.wantedLimit = wantedLimit;
    this.maxRows = maxRows;
  }

  Role role() {
    return role;
  }

  String catalog() {
    return catalog;
  }

  SqlDialect dialect() {
    return dialect;
  }

  /** Whether personal data is restricted for this role (it does not see PII). */
  boolean restrictPii() {
    return restrictPii;
  }

  int wantedLimit() {
    return wantedLimit;
  }

  int maxRows() {
    return maxRows;
  }

  String ident(String name) {
    return dialect.identifier(name);
  }

  // ---- nesting ----------------------------------------------------------------------------------

  /** Enters a (sub)query; returns the new depth. */
  int enterQuery() {
    return ++queryDepth;
  }

  void exitQuery() {
    queryDepth--;
  }

  /** Enters an expression; returns the new depth. */
  int enterExpression() {
    return ++exprDepth;
  }

  void exitExpression() {
    exprDepth--;
  }

  /** Counts one more expression node; returns the count. */
  int countNode() {
    return ++nodes;
  }

  /** The variables of the lambdas being checked, innermost first. */
  Deque<Set<String>> lambdaVariables() {
    return lambdaVariables;
  }

  // ---- outcome ----------------------------------------------------------------------------------

  void addTable(TableId table) {
    tables.add(requireNonNull(table, "table is null"));
  }

  void maskColumn(String name) {
    maskedColumns.add(requireNonNull(name, "name is null"));
  }

  void markTimeTravel() {
    timeTravel = true;
  }

  void setLimit(int limit, boolean added) {
    this.limit = limit;
    this.limitAdded = added;
  }

  Set<TableId> tables() {
    return Collections.unmodifiableSet(tables);
  }

  Set<String> maskedColumns() {
    return Collections.unmodifiableSet(maskedColumns);
  }

  boolean timeTravel() {
    return timeTravel;
  }

  int limit() {
    return limit;
  }

  boolean limitAdded() {
    return limitAdded;
  }
}
