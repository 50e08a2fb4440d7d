package com.medflow.query.guard;

/** Where an expression is: its scope, the CTEs visible, the clause and how many SELECT aliases it may use. */
record Ctx(Scope scope, Ctes ctes, Clause clause, int aliases) {
  Ctx in(Clause c) {
    return new Ctx(scope, ctes, c, aliases);
  }

  Ctx withAliases(int n) {
    return new Ctx(scope, ctes, clause, n);
  }
}
