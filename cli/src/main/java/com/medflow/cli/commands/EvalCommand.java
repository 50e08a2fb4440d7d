package com.medflow.cli.commands;

import com.medflow.assistant.agent.AskService;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code medflow eval}: on one or more question sets, execution accuracy (rows equal to the gold SQL's),
 * abstentions, wrong answers, RS(10), refusals, p50/p95 latency and cache hits; checks the data is unchanged.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = {"Run evaluation sets against the assistant and the current data: execution accuracy, abstention",
        "rate, wrong-answer rate, RS(10) (+1 right, 0 abstained, -10 wrong), refusals, p50/p95 latency, cache hits.",
        "Exit code 1 with --max-wrong when a set has more wrong answers than allowed."})
public final class EvalCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--set", paramLabel = "FILE", description = "Question set; repeat for several, each reported apart"
      + " (default: eval/questions.yaml of the repository).")
  List<Path> sets = new ArrayList<>();

  @Option(names = "--role", defaultValue = "analyst", description = "Ask as this role (default: ${DEFAULT-VALUE}).")
  String role;

  @Option(names = "--no-cache", description = "Bypass the result cache, so every latency is of a question really run.")
  boolean noCache;

  @Option(names = "--max-wrong", paramLabel = "N", description = "Fail (exit 1) when a set has more than N wrong answers.")
  Integer maxWrong;

  @Option(names = "--min-accuracy", paramLabel = "FRACTION", description = "Fail (exit 1) when a set's accuracy is lower.")
  Double minAccuracy;

  @Option(names = "--report", paramLabel = "FILE", description = "Write every outcome here (default: <home>/eval-report.txt).")
  Path report;

  @Override
  public Integer call() throws IOException {
    Role r = Role.parse(role).orElseThrow(() ->
        new picocli.CommandLine.ParameterException(spec.commandLine(), "--role must be admin, analyst or business"));
    List<Path> files = sets.isEmpty()
        ? List.of(Path.of(System.getenv().getOrDefault("MEDFLOW_ROOT", ".")).resolve("eval/questions.yaml")) : sets;
    MedflowCommand root = (MedflowCommand) spec.root().userObject();
    Services services = root.services();
    Terminal term = Terminal.stderr();
    int failed = 0;
    List<String> lines = new ArrayList<>();
    try (TableVersions versions = new TableVersions(services.config().catalog())) {
      AskService ask = noCache ? services.uncachedAskService() : services.askService();
      Evaluator evaluator = new Evaluator(ask, services.queryService(), () -> (Map<?, ?>) versions.current());
      for (Path file : files) {
        EvalSet questions = EvalSet.load(file);
        term.line(term.bold("Evaluation") + term.dim("  " + file + ", " + questions.questions().size() + " questions, "
            + questions.conversations().size() + " conversations, " + questions.mustRefuse().size() + " must not answer, as "
            + r.wireName() + (noCache ? ", uncached" : "")));
        int[] n = {0};
        int total = questions.questions().size() + questions.conversations().stream().mapToInt(c -> c.turns().size()).sum()
            + questions.mustRefuse().size();
        Evaluator.Report rep = evaluator.run(questions, r, !noCache, o -> {
          n[0]++;
          String mark = switch (o.verdict()) {
            case RIGHT -> term.green("✓");
            case WRONG -> term.red("✗");
            case ABSTAINED -> term.yellow("·");
          };
          String line = String.format(Locale.ROOT, "  %s %4d/%d %5d ms  %-13s %s", mark, n[0], total, o.latencyMs(),
              o.kind(), o.question());
          if (o.verdict() == Evaluator.Verdict.WRONG) {
            term.line(line + term.dim("  [" + o.status() + "] " + shorten(o.detail())));
          } else {
            term.status(line);
          }
        });
        Path out = report != null ? (files.size() == 1 ? report : report.resolveSibling(name(file) + "-" + report.getFileName()))
            : services.config().home().resolve("eval-report" + (files.size() == 1 ? "" : "-" + name(file)) + ".txt");
        write(out, rep);
        print(term, rep, out);
        lines.add(String.format(Locale.ROOT, "set=%s accuracy=%.4f correct=%d questions=%d abstained=%d wrong=%d"
                + " wrong_rate=%.4f rs10=%.1f refusals=%d/%d p50_ms=%d p95_ms=%d cached_p50_ms=%d cached_p95_ms=%d"
                + " cache_hit_rate=%.3f data_unchanged=%s", name(file), rep.accuracy(), rep.correct(), rep.questions(),
            rep.abstained(), rep.wrongAnswers(), rep.wrongRate(), rep.rs10(), rep.refusalsCorrect(), rep.refusalsExpected(),
            rep.percentile(rep.firstPass(), 0.5), rep.percentile(rep.firstPass(), 0.95),
            rep.percentile(rep.cachedPass(), 0.5), rep.percentile(rep.cachedPass(), 0.95),
            questions.questions().isEmpty() || noCache ? 0.0 : (double) rep.cacheHits() / questions.questions().size(),
            rep.dataUnchanged()));
        boolean tooWrong = maxWrong != null && rep.wrongAnswers() > maxWrong;
        boolean tooFew = minAccuracy != null && rep.accuracy() < minAccuracy;
        if (tooWrong || tooFew || !rep.dataUnchanged()) {
          failed++;
          term.line(term.red("  FAILED: " + (tooWrong ? rep.wrongAnswers() + " wrong answer(s) (at most " + maxWrong + ") "
              : "") + (tooFew ? String.format(Locale.ROOT, "accuracy %.1f%% below %.1f%% ", 100 * rep.accuracy(),
              100 * minAccuracy) : "") + (rep.dataUnchanged() ? "" : "the data changed")));
        }
      }
    }
    lines.forEach(spec.commandLine().getOut()::println);
    spec.commandLine().getOut().flush();
    return failed == 0 ? 0 : 1;
  }

  private static String name(Path file) {
    String n = file.getFileName().toString();
    return n.endsWith(".yaml") ? n.substring(0, n.length() - 5) : n;
  }

  private static String shorten(String s) {
    return s == null ? "" : s.length() > 160 ? s.substring(0, 157) + "..." : s;
  }

  private static void print(Terminal t, Evaluator.Report r, Path out) {
    t.line("");
    t.line(String.format(Locale.ROOT, "  right answers      %s %5.1f%%  (%d of %d)", Terminal.bar(r.accuracy(), 30),
        100 * r.accuracy(), r.correct(), r.questions()));
    t.line(String.format(Locale.ROOT, "  abstained          %s %5.1f%%  (%d: unanswerable or asked back)",
        Terminal.bar(r.abstentionRate(), 30), 100 * r.abstentionRate(), r.abstained()));
    t.line(String.format(Locale.ROOT, "  wrong answers      %s %5.1f%%  (%d of %d items)", Terminal.bar(r.wrongRate(), 30),
        100 * r.wrongRate(), r.wrongAnswers(), r.outcomes().size()));
    double refused = r.refusalsExpected() == 0 ? 1 : (double) r.refusalsCorrect() / r.refusalsExpected();
    t.line(String.format(Locale.ROOT, "  not answered, as it must %s %5.1f%%  (%d of %d)", Terminal.bar(refused, 23),
        100 * refused, r.refusalsCorrect(), r.refusalsExpected()));
    t.line(String.format(Locale.ROOT, "  RS(10) %.1f   (+1 right or rightly not answered, 0 abstained, -10 wrong)", r.rs10()));
    t.line(String.format(Locale.ROOT, "  latency p50 %d ms, p95 %d ms%s", r.percentile(r.firstPass(), 0.5),
        r.percentile(r.firstPass(), 0.95), r.cacheUsed() ? String.format(Locale.ROOT,
            "; cached answers p50 %d ms, p95 %d ms", r.percentile(r.cachedPass(), 0.5), r.percentile(r.cachedPass(), 0.95))
            : " (uncached)"));
    t.line("  data unchanged afterwards: " + (r.dataUnchanged() ? t.green("yes") : t.red("NO")));
    t.line(t.dim("  every outcome: " + out));
  }

  private static void write(Path out, Evaluator.Report r) throws IOException {
    Files.createDirectories(out.toAbsolutePath().getParent());
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
      for (Evaluator.Outcome o : r.outcomes()) {
        w.printf(Locale.ROOT, "%s\t%s\t%s\t%s\t%d ms\t%s\t%s%n", o.verdict(), o.kind(), o.id(), o.status(), o.latencyMs(),
            o.question(), o.detail() == null ? "" : o.detail().replace('\n', ' '));
      }
    }
  }
}
