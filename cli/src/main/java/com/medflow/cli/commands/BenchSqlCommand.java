package com.medflow.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.medflow.cli.MedflowCommand;
import com.medflow.cli.Services;
import com.medflow.cli.term.Terminal;
import com.medflow.server.MedflowServer;
import com.medflow.server.routes.AssistantRoutes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * {@code medflow bench sql}: starts the server on a free port over the current data, logs in as an
 * analyst and sends N different read-only queries to {@code /api/sql} over HTTP, twice: the first
 * pass misses the result cache (cold), the second hits it (cached). Prints p50/p95/max of each.
 */
@Command(name = "sql", mixinStandardHelpOptions = true,
    description = {"Latency of /api/sql over HTTP on the current data: N mixed queries, uncached then cached,",
        "on each engine given with --engine spark,trino (the same queries, one engine after the other)."})
public final class BenchSqlCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec
  CommandSpec spec;

  @Option(names = "--queries", defaultValue = "200", description = "Queries per pass (default: ${DEFAULT-VALUE}).")
  int queries;

  @Option(names = "--engine", split = ",", paramLabel = "spark|trino",
      description = "Engines to measure, one after the other on the same queries (default: query.engine). Trino must"
          + " be running (./medflow trino start); its resident memory is printed.")
  List<String> engines = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    MedflowCommand root = (MedflowCommand) spec.root().userObject();
    List<String> which = engines.isEmpty()
        ? List.of(root.config(Map.of()).engine().kind().name().toLowerCase(Locale.ROOT)) : engines;
    for (String e : which) {
      if (!e.equals("spark") && !e.equals("trino")) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Invalid --engine: " + e + " (spark or trino)");
      }
    }
    List<String> summary = new ArrayList<>();
    for (String engine : which) {
      summary.add(measure(root, engine));
    }
    summary.forEach(spec.commandLine().getOut()::println);
    spec.commandLine().getOut().flush();
    return 0;
  }

  /** One engine: the warm-up, the uncached pass and the cached pass; returns the summary line. */
  private String measure(MedflowCommand root, String engine) throws Exception {
    Services services = root.services(Map.of("server.port", "0", "rate-limit.per-minute", "0", "query.engine", engine,
        "query.engine-fallback", "none"));
    Terminal term = Terminal.stderr();
    services.accounts().ensureDemoUsers();
    try (MedflowServer server = services.server(List.of(new AssistantRoutes(services.askService()), services.learningRoutes()))) {
      server.start();
      HttpClient http = HttpClient.newHttpClient();
      String token = JSON.readTree(post(http, server.url() + "/api/auth/login", null,
          "{\"username\":\"analyst\",\"password\":\"analyst\"}")).get("token").asText();
      List<String> sql = workload(queries);
      term.line(term.bold("Benchmark: /api/sql on " + engine) + term.dim("  " + sql.size()
          + " different queries over HTTP at " + server.url()));
      for (int i = 0; i < 10; i++) { // JIT and engine warm-up with other queries, not counted
        run(http, server.url(), token, "SELECT payer, COUNT(*) AS warm" + i + " FROM healthcare.claims_clean GROUP BY payer");
      }
      List<Long> cold = pass(term, http, server.url(), token, sql, "cold  ");
      List<Long> cached = pass(term, http, server.url(), token, sql, "cached");
      report(term, engine + " uncached", cold);
      report(term, engine + " cached", cached);
      String rss = engine.equals("trino") ? TrinoCommand.server(services.config()).status().rssBytes()
          .map(b -> " trino_rss_mb=" + b / (1024 * 1024)).orElse(" trino_rss_mb=unknown") : "";
      return String.format(Locale.ROOT,
          "engine=%s queries=%d cold_p50_ms=%d cold_p95_ms=%d cold_max_ms=%d cached_p50_ms=%d cached_p95_ms=%d"
              + " cached_max_ms=%d%s", engine, sql.size(), pct(cold, 0.5), pct(cold, 0.95), pct(cold, 1.0),
          pct(cached, 0.5), pct(cached, 0.95), pct(cached, 1.0), rss);
    }
  }

  private static List<Long> pass(Terminal term, HttpClient http, String base, String token, List<String> sql,
                                 String label) throws Exception {
    List<Long> ms = new ArrayList<>();
    for (int i = 0; i < sql.size(); i++) {
      long t0 = System.nanoTime();
      JsonNode r = run(http, base, token, sql.get(i));
      ms.add((System.nanoTime() - t0) / 1_000_000);
      if (r.has("error")) {
        throw new IllegalStateException("Query " + (i + 1) + " failed: " + r.get("error") + "\n" + sql.get(i));
      }
      term.status(String.format(Locale.ROOT, "  %s %3d/%d  %5d ms", label, i + 1, sql.size(), ms.get(ms.size() - 1)));
    }
    return ms;
  }

  private static JsonNode run(HttpClient http, String base, String token, String sql) throws Exception {
    return JSON.readTree(post(http, base + "/api/sql", token, JSON.writeValueAsString(Map.of("sql", sql, "limit", 500))));
  }

  private static String post(HttpClient http, String url, String token, String body) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  /** Mixed analyst queries: aggregates, filters, top-N, time series, windows, gold/silver joins, time travel free. */
  static List<String> workload(int n) {
    String[] payers = {"Aetna", "BlueCross", "UnitedHealth"};
    String[] categories = {"Diabetes", "Hypertension", "Asthma", "COPD", "Injury", "Neoplasm", "Depression", "Back Pain"};
    String[] states = {"CA", "TX", "NY", "FL", "OH", "PA", "IL", "GA"};
    String[] pos = {"11", "23", "02", "21", "22"};
    List<String> out = new ArrayList<>();
    int i = 0;
    while (out.size() < n) {
      String p = payers[i % payers.length];
      String c = categories[i % categories.length];
      String s = states[i % states.length];
      String place = pos[i % pos.length];
      int year = 2024 + i % 2;
      int limit = 3 + i % 7;
      int variant = out.size();
      switch (i % 10) {
        case 0 -> out.add("SELECT payer, COUNT(*) AS claims, SUM(billed_amount) AS billed FROM healthcare.claims_clean"
            + " WHERE diagnosis_category = '" + c + "' AND year(service_date) = " + year + " GROUP BY payer");
        case 1 -> out.add("SELECT CAST(date_trunc('MONTH', service_date) AS DATE) AS m, COUNT_IF(claim_status = 'DENIED')"
            + " / NULLIF(COUNT_IF(claim_status IN ('APPROVED', 'DENIED')), 0) AS denial_rate FROM healthcare.claims_clean"
            + " WHERE payer = '" + p + "' GROUP BY 1 ORDER BY 1");
        case 2 -> out.add("SELECT provider_name, SUM(paid_amount) AS paid FROM healthcare.claims_clean WHERE member_state = '"
            + s + "' GROUP BY provider_name ORDER BY paid DESC LIMIT " + limit);
        case 3 -> out.add("SELECT service_month, payer, denial_rate, avg_processing_days FROM"
            + " healthcare_gold.claims_monthly_summary WHERE year(service_month) = " + year + " AND payer = '" + p
            + "' ORDER BY service_month");
        case 4 -> out.add("WITH s AS (SELECT provider_specialty, AVG(billed_amount) AS avg_billed FROM healthcare.claims_clean"
            + " WHERE place_of_service = '" + place + "' GROUP BY provider_specialty) SELECT provider_specialty, avg_billed,"
            + " RANK() OVER (ORDER BY avg_billed DESC) AS r FROM s");
        case 5 -> out.add("SELECT stage, SUM(claim_count) AS claims FROM healthcare_gold.claims_approval_funnel WHERE payer = '"
            + p + "' AND year(service_month) = " + year + " GROUP BY stage ORDER BY MIN(stage_order)");
        case 6 -> out.add("SELECT p.provider_specialty, COUNT(*) AS providers, AVG(p.denial_rate) AS avg_denial FROM"
            + " healthcare_gold.provider_performance p WHERE p.claim_count > " + (5 + variant % 20)
            + " GROUP BY p.provider_specialty ORDER BY avg_denial DESC");
        case 7 -> out.add("SELECT CASE WHEN patient_age < 18 THEN '0-17' WHEN patient_age < 65 THEN '18-64' ELSE '65+' END"
            + " AS band, COUNT(DISTINCT member_id) AS members FROM healthcare.claims_clean WHERE diagnosis_category = '" + c
            + "' GROUP BY 1 ORDER BY 1");
        case 8 -> out.add("SELECT denial_reason, COUNT(*) AS n FROM healthcare.claims_clean WHERE claim_status = 'DENIED'"
            + " AND payer = '" + p + "' AND billed_amount > " + (100 * (variant % 9)) + " GROUP BY denial_reason"
            + " ORDER BY n DESC LIMIT " + limit);
        default -> out.add("SELECT c.payer, COUNT(*) AS claims, MAX(m.denial_rate) AS worst_month FROM"
            + " healthcare.claims_clean c JOIN healthcare_gold.claims_monthly_summary m ON m.payer = c.payer AND"
            + " m.service_month = CAST(date_trunc('MONTH', c.service_date) AS DATE) WHERE c.member_state = '" + s
            + "' GROUP BY c.payer");
      }
      i++;
    }
    // Every query different: a distinct (harmless) bound on the billed amount, so the first pass is all misses.
    List<String> distinct = new ArrayList<>();
    for (int k = 0; k < out.size(); k++) {
      String q = out.get(k);
      String bound = "billed_amount >= " + String.format(Locale.ROOT, "%.2f", k / 100.0);
      distinct.add(q.contains(" WHERE ") && q.contains("healthcare.claims_clean")
          ? q.replaceFirst(" WHERE ", " WHERE " + bound + " AND ")
          : q.replaceFirst("SELECT ", "SELECT /* q" + k + " */ ").replace("/* q" + k + " */ ", "")
              + (q.contains("LIMIT") ? "" : " LIMIT " + (1000 + k)));
    }
    return distinct;
  }

  static long pct(List<Long> v, double p) {
    List<Long> s = v.stream().sorted().toList();
    return s.get(Math.max(0, Math.min(s.size() - 1, (int) Math.ceil(p * s.size()) - 1)));
  }

  private static void report(Terminal t, String label, List<Long> ms) {
    long max = pct(ms, 1.0);
    t.line("");
    t.line(t.bold(String.format(Locale.ROOT, "  %s: p50 %d ms, p95 %d ms, max %d ms", label, pct(ms, 0.5),
        pct(ms, 0.95), max)));
    long[] bounds = {10, 20, 50, 100, 200, 500, 1000, 2000, Long.MAX_VALUE};
    int[] counts = new int[bounds.length];
    for (long x : ms) {
      for (int b = 0; b < bounds.length; b++) {
        if (x <= bounds[b]) {
          counts[b]++;
          break;
        }
      }
    }
    int most = java.util.Arrays.stream(counts).max().orElse(1);
    long low = 0;
    for (int b = 0; b < bounds.length; b++) {
      if (counts[b] > 0) {
        String range = bounds[b] == Long.MAX_VALUE ? "> " + low + " ms" : low + "-" + bounds[b] + " ms";
        t.line(String.format(Locale.ROOT, "  %12s %4d %s", range, counts[b], Terminal.bar((double) counts[b] / most, 30)));
      }
      low = bounds[b];
    }
  }
}
