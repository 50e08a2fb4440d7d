package com.medflow.assistant.nlq;

import com.medflow.assistant.nlq.query.SemanticQuery;
import com.medflow.assistant.nlq.sql.SqlCompiler;
import com.medflow.assistant.semantic.SemanticModel;
import com.medflow.model.codes.Icd10Cm;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Developer tool: reads questions (one per line; a line starting with "> " continues the previous) and prints the verdict and SQL. */
public final class Explain {
  private Explain() {}

  public static void main(String[] args) throws Exception {
    SemanticModel model = SemanticModel.load();
    QuestionEngine engine = new QuestionEngine(model, Icd10Cm.load(), com.medflow.model.codes.Hcpcs.load());
    SqlCompiler compiler = new SqlCompiler(model);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    Optional<SemanticQuery> previous = Optional.empty();
    String line;
    while ((line = in.readLine()) != null) {
      if (line.isBlank()) {
        continue;
      }
      boolean followUp = line.startsWith("> ");
      String q = followUp ? line.substring(2) : line;
      long t0 = System.nanoTime();
      ParseResult r = engine.read(q, DemoFacts.FACTS, followUp ? previous : Optional.empty());
      long us = (System.nanoTime() - t0) / 1000;
      System.out.println((followUp ? "  > " : "Q: ") + q + "   [" + us / 1000 + " ms]");
      System.out.println("   " + r.kind() + (r.reason().isEmpty() ? "" : ": " + r.reason()));
      r.query().ifPresent(x -> System.out.println("   SQL: " + compiler.compile(x)));
      r.readings().forEach(x -> System.out.println("   ? " + x.question() + "  => " + compiler.compile(x.query())));
      if (args.length > 0) {
        r.understood().forEach(u -> System.out.println("     " + u));
      }
      previous = r.query(); // as AskService: after an unanswered turn there is nothing to refine
    }
  }
}
