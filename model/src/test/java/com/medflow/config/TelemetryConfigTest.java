package com.medflow.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TelemetryConfigTest {
  @Test
  void exportIsOffByDefaultWithHttpProtobufAndServiceMedflow(@TempDir Path home) {
    OrchestrationConfig.Telemetry t = MedflowConfig.forHome(home, Map.of()).orchestration().telemetry();
    assertThat(t.enabled()).isFalse();
    assertThat(t.endpoint()).isEmpty();
    assertThat(t.protocol()).isEqualTo(OrchestrationConfig.Protocol.HTTP_PROTOBUF);
    assertThat(t.serviceName()).isEqualTo("medflow");
  }

  @Test
  void anEndpointTurnsTheExportOn(@TempDir Path home) {
    OrchestrationConfig.Telemetry t = MedflowConfig.forHome(home, Map.of("otel.endpoint", "http://collector:4318",
        "otel.protocol", "HTTP/PROTOBUF", "otel.service-name", "medflow-prod")).orchestration().telemetry();
    assertThat(t.enabled()).isTrue();
    assertThat(t.endpoint()).contains(URI.create("http://collector:4318"));
    assertThat(t.serviceName()).isEqualTo("medflow-prod");
  }

  @Test
  void anUnknownProtocolFailsNamingTheSetting(@TempDir Path home) {
    assertThatThrownBy(() -> MedflowConfig.forHome(home, Map.of("otel.protocol", "thrift")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("Invalid value for otel.protocol (from command line): 'thrift'; expected http/protobuf");
  }

  @Test
  void grpcIsRefusedBecauseNoGrpcSenderIsBundled(@TempDir Path home) {
    assertThatThrownBy(() -> MedflowConfig.forHome(home, Map.of("otel.protocol", "grpc")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("otel.protocol")
        .hasMessageContaining("no gRPC sender")
        .hasMessageContaining("4318");
  }

  @Test
  void anEndpointThatIsNotAnHttpUrlFailsNamingTheSetting(@TempDir Path home) {
    assertThatThrownBy(() -> MedflowConfig.forHome(home, Map.of("otel.endpoint", "collector:4317")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("otel.endpoint")
        .hasMessageContaining("http(s)://host:port");
  }
}
