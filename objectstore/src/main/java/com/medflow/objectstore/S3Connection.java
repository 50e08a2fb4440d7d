package com.medflow.objectstore;

import com.medflow.config.MedflowConfig;
import com.medflow.objectstore.devserver.DevCredentials;
import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * Everything needed to open an S3 client: endpoint, region, addressing style and credentials,
 * resolved once from {@link MedflowConfig.S3}. Serializable so Spark tasks can open their own
 * client on an executor. Credentials come from the configuration, else (endpoint on this machine)
 * from the development server's generated file, else from the AWS default chain.
 */
public final class S3Connection implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String endpoint;
  private final String region;
  private final boolean pathStyle;
  private final String accessKey;
  private final String secretKey;
  private final String credentialsOrigin;
  private final boolean local;

  private S3Connection(String endpoint, String region, boolean pathStyle, String accessKey, String secretKey,
                       String credentialsOrigin, boolean local) {
    this.endpoint = endpoint;
    this.region = region;
    this.pathStyle = pathStyle;
    this.accessKey = accessKey;
    this.secretKey = secretKey;
    this.credentialsOrigin = credentialsOrigin;
    this.local = local;
  }

  /** Resolves credentials now: call after the development server has generated them, not before. */
  public static S3Connection of(MedflowConfig.S3 s3) {
    String endpoint = s3.endpoint().map(URI::toString).orElse(null);
    if (s3.keys().isPresent()) {
      MedflowConfig.S3Keys k = s3.keys().get();
      return new S3Connection(endpoint, s3.region(), s3.pathStyle(), k.accessKey(), k.secretKey(), k.origin(),
          s3.localEndpoint());
    }
    if (s3.localEndpoint()) {
      Optional<DevCredentials> generated = DevCredentials.read(s3.serverDir());
      if (generated.isPresent()) {
        return new S3Connection(endpoint, s3.region(), s3.pathStyle(), generated.get().accessKey(),
            generated.get().secretKey(), "the credentials generated in " + DevCredentials.file(s3.serverDir()), true);
      }
      // No default chain for a server on this machine: it cannot have AWS credentials, and the chain's last step
      // would ask an instance-metadata address off this machine.
      return new S3Connection(endpoint, s3.region(), s3.pathStyle(), null, null, null, true);
    }
    return new S3Connection(endpoint, s3.region(), s3.pathStyle(), null, null,
        "the AWS default credentials chain (no s3.access-key set)", false);
  }

  /** A connection with explicit credentials (tests, the development server's own checks). */
  public static S3Connection of(URI endpoint, String region, String accessKey, String secretKey, String origin) {
    String host = endpoint.getHost();
    return new S3Connection(endpoint.toString(), region, true, accessKey, secretKey, origin,
        "127.0.0.1".equals(host) || "localhost".equals(host));
  }

  /** {@code http://127.0.0.1:9000 (s3.endpoint)} or {@code AWS (s3.region us-east-1)}: for messages. */
  public String endpointDescription() {
    return endpoint == null ? "AWS S3 in " + region + " (s3.endpoint aws)" : endpoint + " (s3.endpoint)";
  }

  /** Where the credentials came from, never the secret. */
  public String credentialsOrigin() {
    return credentialsOrigin == null ? "none (not configured, none generated)" : credentialsOrigin;
  }

  public boolean localEndpoint() {
    return local;
  }

  public Optional<String> endpoint() {
    return Optional.ofNullable(endpoint);
  }

  public boolean hasStaticCredentials() {
    return accessKey != null;
  }

  /** A new client; the caller closes it. */
  public S3Client newClient() {
    requireCredentials();
    var builder = S3Client.builder()
        .region(Region.of(region))
        .credentialsProvider(credentials())
        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(pathStyle).build())
        .httpClientBuilder(Apache5HttpClient.builder().connectionTimeout(Duration.ofSeconds(5))
            .socketTimeout(Duration.ofSeconds(60)).maxConnections(32));
    if (endpoint != null) {
      builder.endpointOverride(URI.create(endpoint))
          // S3-compatible servers differ in which flexible checksums they accept; send them only when required.
          .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
          .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    }
    return builder.build();
  }

  private void requireCredentials() {
    if (credentialsOrigin == null) { // a server on this machine, and no credentials configured or generated
      throw new ObjectStoreException(ObjectStoreException.Code.BAD_CREDENTIALS, "No S3 credentials for " + endpoint
          + " (s3.endpoint): set s3.access-key and s3.secret-key, or run ./medflow s3 start to generate them", null);
    }
  }

  private AwsCredentialsProvider credentials() {
    return accessKey == null ? DefaultCredentialsProvider.builder().build()
        : StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
  }

  /**
   * Properties of Iceberg's {@code S3FileIO} for the same store ({@code io-impl}, endpoint, path
   * style, region, static credentials when configured), without the catalog prefix.
   */
  public Map<String, String> icebergProperties() {
    requireCredentials();
    Map<String, String> p = new LinkedHashMap<>();
    p.put("io-impl", "org.apache.iceberg.aws.s3.S3FileIO");
    if (endpoint != null) {
      p.put("s3.endpoint", endpoint);
    }
    p.put("s3.path-style-access", Boolean.toString(pathStyle));
    p.put("client.region", region);
    // Iceberg's default (5 retries, 2-20 s apart) keeps a run waiting ~50 s per request when the store is down;
    // 3 retries 0.5-5 s apart still ride out throttling (503 SlowDown) and fail a dead store in seconds.
    p.put("s3.retry.num-retries", "3");
    p.put("s3.retry.min-wait-ms", "500");
    p.put("s3.retry.max-wait-ms", "5000");
    if (accessKey != null) {
      p.put("s3.access-key-id", accessKey);
      p.put("s3.secret-access-key", secretKey);
    }
    return p;
  }

  @Override
  public String toString() {
    return "S3Connection[" + endpointDescription() + ", credentials from " + credentialsOrigin() + "]";
  }
}
