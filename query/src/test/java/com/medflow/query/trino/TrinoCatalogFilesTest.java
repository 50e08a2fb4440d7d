package com.medflow.query.trino;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.medflow.config.MedflowConfig;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Trino's catalog and server files are MedFlow's own configuration, written in Trino's property names. */
class TrinoCatalogFilesTest {
  @Test
  void anEmbeddedHomeGivesASqliteCatalogOnLocalFiles() {
    MedflowConfig.Catalog c = new MedflowConfig.Catalog("lake", "jdbc:sqlite:/h/catalog.db", Optional.empty(),
        Optional.empty(), URI.create("file:///h/warehouse"));
    assertThat(TrinoCatalogFiles.iceberg(c, Optional.empty())).containsExactly(
        Map.entry("connector.name", "iceberg"),
        Map.entry("iceberg.catalog.type", "jdbc"),
        Map.entry("iceberg.jdbc-catalog.catalog-name", "lake"),
        Map.entry("iceberg.jdbc-catalog.connection-url", "jdbc:sqlite:/h/catalog.db"),
        Map.entry("iceberg.jdbc-catalog.driver-class", "org.sqlite.JDBC"),
        Map.entry("iceberg.jdbc-catalog.default-warehouse-dir", "file:///h/warehouse"),
        Map.entry("iceberg.jdbc-catalog.schema-version", "V1"),
        Map.entry("iceberg.register-table-procedure.enabled", "false"),
        Map.entry("fs.native-local.enabled", "true"),
        Map.entry("local.location", "/"));
  }

  @Test
  void aProductionCatalogGivesPostgresqlAndNativeS3WithTheSameCredentials() {
    MedflowConfig.Catalog c = new MedflowConfig.Catalog("prod", "jdbc:postgresql://127.0.0.1:5432/test",
        Optional.of("medflow"), Optional.of("secret"), URI.create("s3://medflow-warehouse/lake"));
    Map<String, String> s3 = Map.of("s3.endpoint", "http://127.0.0.1:9000", "s3.path-style-access", "true",
        "client.region", "eu-west-1", "s3.access-key-id", "AK", "s3.secret-access-key", "SK");
    Map<String, String> p = TrinoCatalogFiles.iceberg(c, Optional.of(s3));
    assertThat(p).containsEntry("iceberg.jdbc-catalog.catalog-name", "prod")
        .containsEntry("iceberg.jdbc-catalog.driver-class", "org.postgresql.Driver")
        .containsEntry("iceberg.jdbc-catalog.connection-user", "medflow")
        .containsEntry("iceberg.jdbc-catalog.connection-password", "secret")
        .containsEntry("iceberg.jdbc-catalog.default-warehouse-dir", "s3://medflow-warehouse/lake")
        .containsEntry("fs.native-s3.enabled", "true")
        .containsEntry("s3.endpoint", "http://127.0.0.1:9000")
        .containsEntry("s3.path-style-access", "true")
        .containsEntry("s3.region", "eu-west-1")
        .containsEntry("s3.aws-access-key", "AK")
        .containsEntry("s3.aws-secret-key", "SK")
        .doesNotContainKey("fs.native-local.enabled");
  }

  @Test
  void anS3WarehouseWithoutAnS3ConnectionIsAnError() {
    MedflowConfig.Catalog c = new MedflowConfig.Catalog("lake", "jdbc:sqlite:/h/catalog.db", Optional.empty(),
        Optional.empty(), URI.create("s3://b/w"));
    assertThatThrownBy(() -> TrinoCatalogFiles.iceberg(c, Optional.empty())).hasMessageContaining("S3");
  }

  @Test
  void theServerIsOneCoordinatorOnTheConfiguredPortWithMemoryFromTheHeap() {
    assertThat(TrinoCatalogFiles.server(18200, "1G")).containsEntry("coordinator", "true")
        .containsEntry("node-scheduler.include-coordinator", "true")
        .containsEntry("http-server.http.port", "18200")
        .containsEntry("discovery.uri", "http://127.0.0.1:18200")
        .containsEntry("query.max-memory", "614MB")
        .containsEntry("query.max-memory-per-node", "614MB");
    assertThat(TrinoCatalogFiles.jvm("1536M")).startsWith("-server\n-Xmx1536M\n");
  }
}
