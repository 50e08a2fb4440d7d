package com.medflow.query.guard;

import java.util.List;

/** A checked query printed again, with its output columns. */
record Printed(String sql, List<Col> cols) {}
