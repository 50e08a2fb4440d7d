package com.medflow.cli;

import com.medflow.cli.commands.S3StartCommand;
import com.medflow.cli.term.Terminal;
import com.medflow.config.MedflowConfig;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * What {@code ./medflow demo} (and the benchmark) set up on this machine before a run on the
 * production profile: the development S3 server when the endpoint is local, and the PostgreSQL
 * databases of a local server when they do not exist yet. Remote services are never touched.
 */
public final class LocalServices {
  private LocalServices() {}

  public static void prepare(MedflowConfig config, Terminal term) {
    boolean s3 = config.catalog().onObjectStore() || MedflowConfig.isS3(config.pipeline().landing());
    if (s3 && config.s3().localEndpoint()) {
      S3StartCommand.start(config, List.of(), term);
    }
    Set<String> done = new LinkedHashSet<>();
    for (MedflowConfig.Database db : List.of(new MedflowConfig.Database(config.catalog().uri(), config.catalog().user(),
        config.catalog().password()), config.appDb())) {
      if (!db.isEmbedded() && done.add(db.url())) {
        createLocalDatabase(db).ifPresent(name -> term.line("  created PostgreSQL database " + name));
      }
    }
  }

  /** Creates the database of a jdbc:postgresql URL on localhost when missing; returns its name when created. */
  static Optional<String> createLocalDatabase(MedflowConfig.Database db) {
    URI uri = URI.create(db.url().substring("jdbc:".length()));
    String host = uri.getHost();
    String name = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
    if (!("127.0.0.1".equals(host) || "localhost".equals(host)) || !name.matches("[a-z_][a-z0-9_]*")) {
      return Optional.empty();
    }
    Properties p = new Properties();
    db.user().ifPresent(u -> p.setProperty("user", u));
    db.password().ifPresent(pw -> p.setProperty("password", pw));
    String admin = "jdbc:postgresql://" + host + ":" + (uri.getPort() < 0 ? 5432 : uri.getPort()) + "/postgres";
    try (Connection c = DriverManager.getConnection(admin, p);
         PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      exists.setString(1, name);
      try (ResultSet rs = exists.executeQuery()) {
        if (rs.next()) {
          return Optional.empty();
        }
      }
      try (Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE " + name); // name matched [a-z_][a-z0-9_]* above
      }
      return Optional.of(name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot prepare PostgreSQL database " + name + " at " + host + ": "
          + e.getMessage().lines().findFirst().orElse(""), e);
    }
  }
}
