package com.medflow.cli.commands;

import com.medflow.cli.term.Terminal;
import com.medflow.config.MedflowConfig;
import com.medflow.config.Settings;
import com.medflow.model.mapping.PayerMappings;
import com.medflow.objectstore.ObjectStore;
import com.medflow.objectstore.S3Connection;
import com.medflow.objectstore.S3Location;
import com.medflow.pipeline.demo.FileReport;
import com.medflow.pipeline.demo.GenerationReport;
import com.medflow.pipeline.landing.LandingUploads;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Fresh storage for one benchmark run in the configured profile: a temporary home (embedded), or
 * on the production profile a new PostgreSQL database on the configured server and new prefixes in
 * the configured buckets (the development S3 server is started when local). Removed on close.
 */
final class BenchStorage implements AutoCloseable {
  private final MedflowConfig config;
  private final Optional<String> database;
  private final MedflowConfig base;
  private final Terminal term;
  private final boolean keep;

  private BenchStorage(MedflowConfig config, Optional<String> database, MedflowConfig base, Terminal term, boolean keep) {
    this.keep = keep;
    this.config = config;
    this.database = database;
    this.base = base;
    this.term = term;
  }

  static BenchStorage create(MedflowConfig base, Path home, long stamp, Terminal term, boolean keep) {
    Map<String, String> o = new HashMap<>();
    o.put(Settings.SPARK_MASTER.key(), base.spark().master());
    o.put(Settings.SPARK_SHUFFLE_PARTITIONS.key(), Integer.toString(base.spark().shufflePartitions()));
    o.put(Settings.PROFILE.key(), base.profile().wireName());
    boolean s3 = base.catalog().onObjectStore() || MedflowConfig.isS3(base.pipeline().landing());
    if (s3) {
      if (base.s3().localEndpoint()) {
        S3StartCommand.start(base, java.util.List.of(), term);
      }
      o.put(Settings.S3_ENDPOINT.key(), base.s3().endpoint().map(URI::toString).orElse("aws"));
      o.put(Settings.S3_REGION.key(), base.s3().region());
      o.put(Settings.S3_PATH_STYLE.key(), Boolean.toString(base.s3().pathStyle()));
      o.put(Settings.S3_SERVER_DIR.key(), base.s3().serverDir().toString());
      base.s3().keys().ifPresent(k -> {
        o.put(Settings.S3_ACCESS_KEY.key(), k.accessKey());
        o.put(Settings.S3_SECRET_KEY.key(), k.secretKey());
      });
    }
    String prefix = "bench-" + stamp;
    if (base.catalog().onObjectStore()) {
      o.put(Settings.WAREHOUSE.key(), S3Location.parse(base.catalog().warehouse().toString()).asPrefix()
          .resolve(prefix + "/warehouse").toString());
    } else if (base.profile() != com.medflow.config.Profile.EMBEDDED) {
      o.put(Settings.WAREHOUSE.key(), home.resolve("warehouse").toUri().toString());
    }
    if (MedflowConfig.isS3(base.pipeline().landing())) {
      o.put(Settings.LANDING.key(), S3Location.parse(base.pipeline().landing()).asPrefix().resolve(prefix + "/landing/")
          .toString());
    } else {
      o.put(Settings.LANDING.key(), home.resolve("landing").toString());
    }
    Optional<String> database = Optional.empty();
    if (!base.catalog().isEmbedded()) {
      String name = "medflow_bench_" + stamp;
      String url = server(base.catalog().uri()) + name;
      execute(base, "CREATE DATABASE " + name);
      database = Optional.of(name);
      o.put(Settings.CATALOG_URI.key(), url);
      o.put(Settings.APP_DB_URL.key(), url);
      base.catalog().user().ifPresent(u -> {
        o.put(Settings.CATALOG_USER.key(), u);
        o.put(Settings.APP_DB_USER.key(), u);
      });
      base.catalog().password().ifPresent(p -> {
        o.put(Settings.CATALOG_PASSWORD.key(), p);
        o.put(Settings.APP_DB_PASSWORD.key(), p);
      });
      term.line(term.dim("  fresh PostgreSQL database " + name + (s3 ? ", S3 prefix " + prefix : "")));
    }
    o.put(Settings.CACHE_TYPE.key(), base.cache().type().name().toLowerCase(Locale.ROOT));
    o.put(Settings.CACHE_REDIS_URL.key(), base.cache().redisUrl().toString());
    return new BenchStorage(MedflowConfig.forHome(home, o), database, base, term, keep);
  }

  MedflowConfig config() {
    return config;
  }

  /** Puts generated files where the pipeline reads them (already there for a landing folder). */
  void land(GenerationReport report) {
    if (!MedflowConfig.isS3(config.pipeline().landing())) {
      return;
    }
    LandingUploads uploads = new LandingUploads(config.pipeline().landing(), PayerMappings.load(Optional.empty()),
        Optional.of(S3Connection.of(config.s3())));
    long t0 = System.currentTimeMillis();
    for (FileReport f : report.files()) {
      uploads.upload(f.file(), uploads.payer(f.payer()), false);
    }
    term.line("  uploaded " + report.files().size() + " files to " + config.pipeline().landing() + " in "
        + Terminal.seconds(System.currentTimeMillis() - t0));
  }

  @Override
  public void close() {
    if (keep) {
      return;
    }
    if (config.catalog().onObjectStore() || MedflowConfig.isS3(config.pipeline().landing())) {
      try (ObjectStore store = new ObjectStore(S3Connection.of(config.s3()))) {
        if (config.catalog().onObjectStore()) {
          store.deleteAll(S3Location.parse(config.catalog().warehouse().toString()));
        }
        if (MedflowConfig.isS3(config.pipeline().landing())) {
          store.deleteAll(S3Location.parse(config.pipeline().landing()));
        }
      }
    }
    database.ifPresent(name -> execute(base, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
  }

  /** {@code jdbc:postgresql://host:port/} of a catalog URL. */
  private static String server(String url) {
    URI u = URI.create(url.substring("jdbc:".length()));
    return "jdbc:postgresql://" + u.getHost() + ":" + (u.getPort() < 0 ? 5432 : u.getPort()) + "/";
  }

  private static void execute(MedflowConfig base, String sql) {
    Properties p = new Properties();
    base.catalog().user().ifPresent(u -> p.setProperty("user", u));
    base.catalog().password().ifPresent(pw -> p.setProperty("password", pw));
    try (Connection c = DriverManager.getConnection(server(base.catalog().uri()) + "postgres", p);
         Statement s = c.createStatement()) {
      s.execute(sql); // database names are medflow_bench_<digits>
    } catch (SQLException e) {
      throw new IllegalStateException("Benchmark database: " + sql + " failed: " + e.getMessage(), e);
    }
  }
}
