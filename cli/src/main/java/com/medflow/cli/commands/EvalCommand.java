package com.medflow.cli.commands;

import com.medflow.assistant.eval.EvalSet;
import com.medflow.assistant.eval.Evaluator;
import com.medflow.cli.MedflowCommand;
import com.medflow.cli.Services;
import com.medflow.cli.term.Terminal;
import com.medflow.lake.TableVersions;
import com.medflow.model.Role;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code medflow eval}: execution accuracy, refusals, latency and cache hits of the assistant on a question set. */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = {"Run the evaluation set against the assistant and the current data: execution accuracy (rows equal",
        "to the gold SQL's), refusals, p50/p95 latency, cache hit rate; checks the data is unchanged."})
public final class EvalCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--set", paramLabel = "FILE", description = "Question set (default: eval/questions.yaml of the repository).")
  Path set;

  @Option(names = "--role", defaultValue = "analyst", description = "Ask as this role (default: ${DEFAULT-VALUE}).")
  String role;

  @Option(names = "--report", paramLabel = "FILE", description = "Write every outcome here (default: <home>/eval-report.txt).")
  Path report;

  @Override
  public Integer call() throws IOException {
    Role r = Role.parse(role).orElseThrow(() ->
        new picocli.CommandLine.ParameterException(spec.commandLine(), "--role must be admin, analyst or business"));
    Path file = set != null ? set : Path.of(System.getenv().getOrDefault("MEDFLOW_ROOT", ".")).resolve("eval/questions.yaml");
    EvalSet questions = EvalSet.load(file);
    MedflowCommand root = (MedflowCommand) spec.root().userObject();
    Services services = root.services();
    Terminal term = Terminal.stderr();
    term.line(term.bold("Evaluation") + term.dim("  " + file + ", " + questions.questions().size() + " questions, "
        + questions.conversations().size() + " conversations, " + questions.mustRefuse().size() + " must-refuse, as "
        + r.wireName()));
    try (TableVersions versions = new TableVersions(services.config().catalog())) {
      services.askService();
      Evaluator evaluator = new Evaluator(services.askService(), services.queryService(), () -> (Map<?, ?>) versions.current());
      int[] n = {0};
      int total = questions.questions().size() + questions.conversations().stream().mapToInt(c -> c.turns().size()).sum()
          + questions.mustRefuse().size();
      Evaluator.Report rep = evaluator.run(questions, r, o -> {
        n[0]++;
        String mark = o.correct() ? term.green("✓") : term.red("✗");
        String line = String.format(Locale.ROOT, "  %s %4d/%d %5d ms  %-14s %s", mark, n[0], total, o.latencyMs(),
            o.kind(), o.question());
        if (o.correct()) {
          term.status(line);
        } else {
          term.line(line + term.dim("  [" + o.status() + "] " + shorten(o.detail())));
        }
      });
      Path out = report != null ? report : services.config().home().resolve("eval-report.txt");
      write(out, rep);
      print(term, rep, out);
      spec.commandLine().getOut().println(String.format(Locale.ROOT,
          "accuracy=%.4f correct=%d questions=%d refusals=%d/%d p50_ms=%d p95_ms=%d cached_p50_ms=%d cached_p95_ms=%d"
              + " cache_hit_rate=%.3f data_unchanged=%s", rep.accuracy(), rep.correct(), rep.questions(),
          rep.refusalsCorrect(), rep.refusalsExpected(), rep.percentile(rep.firstPass(), 0.5),
          rep.percentile(rep.firstPass(), 0.95), rep.percentile(rep.cachedPass(), 0.5),
          rep.percentile(rep.cachedPass(), 0.95),
          questions.questions().isEmpty() ? 0.0 : (double) rep.cacheHits() / questions.questions().size(),
          rep.dataUnchanged()));
      spec.commandLine().getOut().flush();
    }
    return 0;
  }

  private static String shorten(String s) {
    return s == null ? "" : s.length() > 160 ? s.substring(0, 157) + "..." : s;
  }

  private static void print(Terminal t, Evaluator.Report r, Path out) {
    t.line("");
    t.line(String.format(Locale.ROOT, "  execution accuracy %s %5.1f%%  (%d of %d)", Terminal.bar(r.accuracy(), 30),
        100 * r.accuracy(), r.correct(), r.questions()));
    double refused = r.refusalsExpected() == 0 ? 1 : (double) r.refusalsCorrect() / r.refusalsExpected();
    t.line(String.format(Locale.ROOT, "  must-refuse refused %s %5.1f%%  (%d of %d)", Terminal.bar(refused, 30),
        100 * refused, r.refusalsCorrect(), r.refusalsExpected()));
    t.line(String.format(Locale.ROOT, "  latency p50 %d ms, p95 %d ms; cached answers p50 %d ms, p95 %d ms",
        r.percentile(r.firstPass(), 0.5), r.percentile(r.firstPass(), 0.95), r.percentile(r.cachedPass(), 0.5),
        r.percentile(r.cachedPass(), 0.95)));
    t.line("  data unchanged afterwards: " + (r.dataUnchanged() ? t.green("yes") : t.red("NO")));
    t.line(t.dim("  every outcome: " + out));
  }

  private static void write(Path out, Evaluator.Report r) throws IOException {
    Files.createDirectories(out.toAbsolutePath().getParent());
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
      for (Evaluator.Outcome o : r.outcomes()) {
        w.printf(Locale.ROOT, "%s\t%s\t%s\t%s\t%d ms\t%s\t%s%n", o.correct() ? "OK" : "WRONG", o.kind(), o.id(),
            o.status(), o.latencyMs(), o.question(), o.detail() == null ? "" : o.detail().replace('\n', ' '));
      }
    }
  }
}
