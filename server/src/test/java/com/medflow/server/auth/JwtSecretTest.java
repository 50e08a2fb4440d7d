package com.medflow.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.medflow.config.MedflowConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtSecretTest {
  @Test
  void aGeneratedSecretIsKeptOwnerOnlyUnderHomeAndReusedOnTheNextStart(@TempDir java.nio.file.Path home) throws Exception {
    MedflowConfig config = MedflowConfig.forHome(home, Map.of());
    byte[] first = JwtSecret.resolve(config);
    assertThat(first).hasSize(48);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("jwt-secret"))))
        .isEqualTo("rw-------");
    assertThat(JwtSecret.resolve(config)).isEqualTo(first);
  }

  @Test
  void aConfiguredSecretWinsAndNothingIsWritten(@TempDir java.nio.file.Path home) {
    String secret = "0123456789abcdef0123456789abcdef-configured";
    MedflowConfig config = MedflowConfig.forHome(home, Map.of("auth.jwt-secret", secret));
    assertThat(JwtSecret.resolve(config)).isEqualTo(secret.getBytes(StandardCharsets.UTF_8));
    assertThat(home.resolve("jwt-secret")).doesNotExist();
  }
}
