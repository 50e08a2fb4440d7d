package com.medflow.server.auth;

import com.medflow.config.MedflowConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/** The token signing secret: from configuration, else generated once and kept in {@code <home>/jwt-secret}. */
public final class JwtSecret {
  private JwtSecret() {}

  public static byte[] resolve(MedflowConfig config) {
    if (config.server().jwtSecret().isPresent()) {
      return config.server().jwtSecret().get().getBytes(StandardCharsets.UTF_8);
    }
    Path file = config.home().resolve("jwt-secret");
    try {
      if (Files.isRegularFile(file)) {
        return Base64.getDecoder().decode(Files.readString(file).trim());
      }
      byte[] secret = new byte[48];
      new SecureRandom().nextBytes(secret);
      com.medflow.model.OwnerOnly.directories(file.getParent());
      // Owner-only from the moment it exists (on POSIX file systems; elsewhere the folder's permissions apply).
      if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      }
      Files.writeString(file, Base64.getEncoder().encodeToString(secret));
      return secret;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the token secret " + file, e);
    }
  }
}
