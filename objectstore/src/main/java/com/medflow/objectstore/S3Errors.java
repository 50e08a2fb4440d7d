package com.medflow.objectstore;

import com.medflow.objectstore.ObjectStoreException.Code;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Turns AWS SDK failures into one-line {@link ObjectStoreException}s that say what to fix. */
public final class S3Errors {
  private static final Set<String> CREDENTIAL_CODES = Set.of("InvalidAccessKeyId", "SignatureDoesNotMatch",
      "InvalidSecurity", "InvalidToken", "ExpiredToken", "AuthorizationHeaderMalformed");

  private S3Errors() {}

  /**
   * {@code what} names the thing being touched and the setting it came from, e.g.
   * {@code "bucket medflow-landing (landing.dir)"}.
   */
  public static ObjectStoreException translate(SdkException e, S3Connection c, String what) {
    if (e instanceof S3Exception s3) {
      String code = s3.awsErrorDetails() == null ? null : s3.awsErrorDetails().errorCode();
      int status = s3.statusCode();
      if ((code != null && CREDENTIAL_CODES.contains(code)) || (status == 403 && code == null)) {
        return new ObjectStoreException(Code.BAD_CREDENTIALS, "The S3 store at " + c.endpointDescription()
            + " rejected the credentials from " + c.credentialsOrigin() + " (" + (code == null ? "HTTP 403" : code)
            + ") for " + what, e);
      }
      if (status == 403) {
        return new ObjectStoreException(Code.ACCESS_DENIED, "Access denied to " + what + " at "
            + c.endpointDescription() + " for the credentials from " + c.credentialsOrigin(), e);
      }
      if ("NoSuchBucket".equals(code) || (status == 404 && code == null)) {
        return new ObjectStoreException(Code.NO_SUCH_BUCKET, what + " does not exist at " + c.endpointDescription()
            + (c.localEndpoint() ? ": ./medflow s3 start creates the configured buckets" : ": create it first"), e);
      }
      if ("NoSuchKey".equals(code) || status == 404) {
        return new ObjectStoreException(Code.NO_SUCH_OBJECT, what + " does not exist (it was deleted or moved)", e);
      }
      if (status == 412) {
        return new ObjectStoreException(Code.CHANGED, what + " changed since it was listed (its ETag differs)", e);
      }
      return new ObjectStoreException(Code.FAILED, "S3 request for " + what + " failed at " + c.endpointDescription()
          + ": " + (code == null ? "HTTP " + status : code) + " " + firstLine(s3.getMessage()), e);
    }
    if (e instanceof SdkClientException && unreachable(e)) {
      return new ObjectStoreException(Code.UNREACHABLE, unreachableMessage(c, what, e), e);
    }
    String m = firstLine(e.getMessage());
    if (m.contains("Unable to load credentials")) {
      return new ObjectStoreException(Code.BAD_CREDENTIALS, "No S3 credentials for " + what + ": set s3.access-key"
          + " and s3.secret-key" + (c.localEndpoint() ? ", or run ./medflow s3 start to generate them" : "")
          + " (tried " + c.credentialsOrigin() + ")", e);
    }
    return new ObjectStoreException(Code.FAILED, "S3 request for " + what + " failed at " + c.endpointDescription()
        + ": " + m, e);
  }

  /**
   * A one-line explanation when {@code t} (or one of its causes, as Iceberg and Spark wrap them)
   * is an object-store failure; empty otherwise.
   */
  public static Optional<String> explain(Throwable t, S3Connection c) {
    for (Throwable x = t; x != null; x = x.getCause() == x ? null : x.getCause()) {
      if (x instanceof ObjectStoreException o) {
        return Optional.of(o.getMessage());
      }
      if (x instanceof SdkException s) {
        return Optional.of(translate(s, c, "the lake").getMessage());
      }
    }
    return Optional.empty();
  }

  private static String unreachableMessage(S3Connection c, String what, Throwable e) {
    return "Cannot reach the S3 store at " + c.endpointDescription() + " for " + what + ": " + rootMessage(e)
        + (c.localEndpoint() ? " (is the development server running? ./medflow s3 status)" : "");
  }

  static boolean unreachable(Throwable e) {
    for (Throwable x = e; x != null; x = x.getCause() == x ? null : x.getCause()) {
      if (x instanceof ConnectException || x instanceof UnknownHostException || x instanceof NoRouteToHostException
          || x instanceof SocketTimeoutException || x instanceof java.net.SocketException
          || x instanceof org.apache.hc.core5.http.NoHttpResponseException) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable r = e;
    while (r.getCause() != null && r.getCause() != r) {
      r = r.getCause();
    }
    return firstLine(r.getMessage() == null ? r.getClass().getSimpleName() : r.getMessage());
  }

  static String firstLine(String m) {
    if (m == null) {
      return "";
    }
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
