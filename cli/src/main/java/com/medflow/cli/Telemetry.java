package com.medflow.cli;

import static java.util.Objects.requireNonNull;

import com.medflow.config.OrchestrationConfig;
import com.medflow.telemetry.Tracing;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.net.URI;
import java.util.Optional;

/**
 * The tracer of this process, built from {@code otel.*}: with an endpoint, an SDK tracer provider whose
 * spans a batch processor sends to the collector over OTLP/HTTP ({@code <endpoint>/v1/traces}); without
 * one, {@link Tracing#NOOP}. Closing flushes and shuts the provider down. Only {@link Services} makes one.
 */
public final class Telemetry implements AutoCloseable {
  static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");
  static final String TRACES_PATH = "/v1/traces";

  private final Optional<SdkTracerProvider> provider;
  private final Tracer tracer;

  private Telemetry(Optional<SdkTracerProvider> provider) {
    this.provider = provider;
    this.tracer = provider.map(p -> p.get(Tracing.SCOPE)).orElse(Tracing.NOOP);
  }

  /** Export as configured: off (no-op tracer) when {@code otel.endpoint} is unset. */
  public static Telemetry open(OrchestrationConfig.Telemetry config) {
    requireNonNull(config, "config is null");
    if (config.endpoint().isEmpty()) {
      return new Telemetry(Optional.empty());
    }
    OtlpHttpSpanExporter exporter = switch (config.protocol()) {
      case HTTP_PROTOBUF -> OtlpHttpSpanExporter.builder().setEndpoint(tracesUrl(config.endpoint().get())).build();
    };
    return withProcessor(config.serviceName(), BatchSpanProcessor.builder(exporter).build());
  }

  /** An SDK provider of service {@code serviceName} that hands finished spans to {@code processor}. */
  static Telemetry withProcessor(String serviceName, SpanProcessor processor) {
    Resource resource = Resource.getDefault().merge(Resource.create(Attributes.of(SERVICE_NAME, serviceName)));
    return new Telemetry(Optional.of(SdkTracerProvider.builder().setResource(resource).addSpanProcessor(processor)
        .build()));
  }

  /** The collector's base URL with the OTLP/HTTP traces path; a URL that already ends with it is kept. */
  static String tracesUrl(URI endpoint) {
    String base = endpoint.toString().replaceAll("/+$", "");
    return base.endsWith(TRACES_PATH) ? base : base + TRACES_PATH;
  }

  public Tracer tracer() {
    return tracer;
  }

  public boolean exporting() {
    return provider.isPresent();
  }

  /** Sends the spans still queued and stops the provider (waits at most 10 s). */
  @Override
  public void close() {
    provider.ifPresent(SdkTracerProvider::close);
  }
}
