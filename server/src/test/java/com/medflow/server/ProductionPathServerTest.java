package com.medflow.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.medflow.config.MedflowConfig;
import com.medflow.query.cache.RedisResultCache;
import com.medflow.server.testing.ServerHarness;
import com.medflow.testing.PostgresTestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.JedisPooled;

/** The production path: users and audit on real PostgreSQL, the result cache on the real Redis, HTTPS. */
class ProductionPathServerTest {
  static final URI REDIS = URI.create(System.getenv().getOrDefault("MEDFLOW_TEST_REDIS", "redis://127.0.0.1:6379"));
  @TempDir
  static Path home;
  static PostgresTestDatabase pg;
  static ServerHarness h;
  static String prefix;

  @BeforeAll
  static void start() {
    pg = new PostgresTestDatabase();
    prefix = "medflow-test-" + UUID.randomUUID() + ":";
    h = new ServerHarness(home, Map.of("app-db.url", pg.url(), "app-db.user", pg.user()),
        new RedisResultCache(REDIS, Duration.ofMinutes(5), prefix), 1000);
  }

  @AfterAll
  static void stop() {
    h.close();
    try (JedisPooled redis = new JedisPooled(REDIS)) {
      redis.keys(prefix + "*").forEach(redis::del);
    }
    pg.close();
  }

  @Test
  void usersAndAuditLiveInPostgres() throws Exception {
    String token = h.login("analyst");
    assertThat(h.sql(token, "SELECT COUNT(*) FROM healthcare.claims_clean").status()).isEqualTo(200);
    try (Connection c = DriverManager.getConnection(pg.url(), pg.user(), "")) {
      ResultSet users = c.createStatement().executeQuery("SELECT username, role FROM users ORDER BY username");
      StringBuilder sb = new StringBuilder();
      while (users.next()) {
        sb.append(users.getString(1)).append(':').append(users.getString(2)).append(' ');
      }
      assertThat(sb.toString().trim()).isEqualTo("admin:admin analyst:analyst business:business");
      ResultSet audit = c.createStatement().executeQuery(
          "SELECT outcome, rows_returned FROM audit_log WHERE username = 'analyst' AND kind = 'sql'"
              + " AND sql_text LIKE '%count(*) FROM healthcare.claims_clean%'");
      assertThat(audit.next()).isTrue();
      assertThat(audit.getString(1)).isEqualTo("ok");
      assertThat(audit.getLong(2)).isEqualTo(1);
    }
  }

  @Test
  void theRedisCacheHitsOnRepeatAndMissesAfterANewSnapshot() {
    CacheScenario.run(h, h.login("analyst"));
    try (JedisPooled redis = new JedisPooled(REDIS)) {
      assertThat(redis.keys(prefix + "*")).isNotEmpty();
    }
  }

  @Test
  void withAKeystoreConfiguredTheServerSpeaksHttps(@TempDir Path dir) throws Exception {
    Path keystore = dir.resolve("server.p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "medflow", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
        "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12", "-keystore", keystore.toString(),
        "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
    assertThat(keytool.waitFor()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
    assertThat(Files.size(keystore)).isPositive();

    MedflowConfig.Server tls = new MedflowConfig.Server("127.0.0.1", 0,
        Optional.of(new MedflowConfig.Tls(keystore, "changeit")), Optional.empty(), Duration.ofHours(1), 1000);
    try (MedflowServer https = new MedflowServer(tls, h.routes)) {
      https.start();
      assertThat(https.url()).startsWith("https://");
      SSLContext trustAll = SSLContext.getInstance("TLS");
      trustAll.init(null, new TrustManager[] {new X509TrustManager() {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
          return new X509Certificate[0];
        }
      }}, null);
      HttpClient client = HttpClient.newBuilder().sslContext(trustAll).build();
      HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(https.url() + "/api/health")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).contains("\"status\":\"ok\"");
      assertThat(r.sslSession()).isPresent();
    }
  }
}
