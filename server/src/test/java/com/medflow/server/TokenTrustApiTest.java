package com.medflow.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.medflow.model.Role;
import com.medflow.query.cache.MemoryResultCache;
import com.medflow.server.auth.TokenService;
import com.medflow.server.http.Principal;
import com.medflow.server.testing.ServerHarness;
import com.medflow.server.testing.ServerHarness.Reply;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A token is trusted only while it is signed with the server's secret (HS256) and its account still exists with
 * the role it names: removed users get 401 ACCOUNT_REMOVED, changed roles 401 ROLE_CHANGED (log in again).
 * The harness signs with a 32-byte zero secret.
 */
class TokenTrustApiTest {
  @TempDir
  static Path home;
  static ServerHarness h;

  @BeforeAll
  static void start() {
    h = new ServerHarness(home, Map.of(), new MemoryResultCache(1000, Duration.ofHours(1)), 1000);
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  static String login(String user, String password) {
    Reply r = h.call("POST", "/api/auth/login", null,
        "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}");
    assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
    return r.body().get("token").asText();
  }

  @Test
  void theTokenOfARemovedUserIsRefused() {
    h.accounts.add("dana", "dana-pw", Role.ANALYST);
    String token = login("dana", "dana-pw");
    assertThat(h.call("GET", "/api/me", token, null).status()).isEqualTo(200);

    assertThat(h.accounts.store().remove("dana")).isTrue();
    for (String path : new String[] {"/api/me", "/api/tables"}) {
      Reply r = h.call("GET", path, token, null);
      assertThat(r.status()).as(path).isEqualTo(401);
      assertThat(r.error()).isEqualTo("ACCOUNT_REMOVED");
    }
    assertThat(h.sql(token, "SELECT 1").status()).isEqualTo(401);
  }

  @Test
  void aDemotedUsersOldTokenIsRefusedAndANewLoginCarriesTheNewRole() {
    h.accounts.add("erin", "erin-pw", Role.ANALYST);
    String old = login("erin", "erin-pw");
    assertThat(h.sql(old, "SELECT 1 AS one").status()).isEqualTo(200);

    h.accounts.add("erin", "erin-pw", Role.BUSINESS);
    Reply refused = h.sql(old, "SELECT 1 AS one");
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.error()).isEqualTo("ROLE_CHANGED");
    assertThat(h.call("GET", "/api/me", old, null).error()).isEqualTo("ROLE_CHANGED");

    String fresh = login("erin", "erin-pw");
    assertThat(h.call("GET", "/api/me", fresh, null).body().get("role").asText()).isEqualTo("business");
    assertThat(h.sql(fresh, "SELECT 1 AS one").status()).isEqualTo(403);
  }

  @Test
  void aPromotedUsersOldTokenDoesNotGainTheNewRole() {
    h.accounts.add("finn", "finn-pw", Role.BUSINESS);
    String old = login("finn", "finn-pw");
    h.accounts.add("finn", "finn-pw", Role.ADMIN);
    Reply r = h.call("GET", "/api/audit", old, null);
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.error()).isEqualTo("ROLE_CHANGED");
  }

  @Test
  void aTokenSignedWithTheServersSecretIsAcceptedButOneWithAForeignSecretIsNot() throws Exception {
    TokenService same = new TokenService(new byte[32], Duration.ofHours(1), h.clock);
    String good = same.issue(new Principal("admin", Role.ADMIN)).token();
    assertThat(h.call("GET", "/api/audit", good, null).status()).as("control: the server's own secret").isEqualTo(200);

    byte[] foreignSecret = "another-server-secret-of-32-bytes!".getBytes(StandardCharsets.UTF_8);
    String foreign = new TokenService(foreignSecret, Duration.ofHours(1), h.clock)
        .issue(new Principal("admin", Role.ADMIN)).token();
    Reply r = h.call("GET", "/api/audit", foreign, null);
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.error()).isEqualTo("INVALID_TOKEN");

    SignedJWT hs512 = new SignedJWT(new JWSHeader(JWSAlgorithm.HS512), claims("admin", "admin"));
    hs512.sign(new MACSigner(new byte[64]));
    assertThat(h.call("GET", "/api/audit", hs512.serialize(), null).error()).as("another algorithm")
        .isEqualTo("INVALID_TOKEN");
  }

  @Test
  void unsignedTokensAreRefused() {
    String plain = new PlainJWT(claims("admin", "admin")).serialize();
    assertThat(plain).endsWith(".");
    String payload = plain.split("\\.")[1];
    String signature = h.login("admin").split("\\.")[2];
    for (String forged : new String[] {
        plain,
        b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + payload + ".",
        b64("{\"alg\":\"NONE\"}") + "." + payload + "." + signature,
        b64("{\"alg\":\"HS256\"}") + "." + payload + ".",
        b64("{\"alg\":\"HS256\"}") + "." + payload + "." + signature}) {
      Reply r = h.call("GET", "/api/audit", forged, null);
      assertThat(r.status()).as(forged).isEqualTo(401);
      assertThat(r.error()).as(forged).isEqualTo("INVALID_TOKEN");
    }
  }

  private static JWTClaimsSet claims(String user, String role) {
    return new JWTClaimsSet.Builder().issuer("medflow").subject(user).claim("role", role)
        .issueTime(Date.from(h.clock.instant())).expirationTime(Date.from(h.clock.instant().plusSeconds(3600)))
        .build();
  }

  private static String b64(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
