package com.medflow.objectstore;

import static java.util.Objects.requireNonNull;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The few S3 operations MedFlow needs (check a bucket, list a prefix page by page, read an
 * object pinned to its ETag, upload a file, delete a prefix), with failures turned into one-line
 * {@link ObjectStoreException}s. Owns one client; close it when done.
 */
public final class ObjectStore implements AutoCloseable {
  private final S3Connection connection;
  private final S3Client client;
  private final int pageSize;

  public ObjectStore(S3Connection connection) {
    this(connection, 1000);
  }

  /** {@code pageSize}: keys per list request (S3's maximum and default is 1,000). */
  public ObjectStore(S3Connection connection, int pageSize) {
    this.connection = requireNonNull(connection, "connection is null");
    com.medflow.model.Preconditions.checkArgument(pageSize >= 1 && pageSize <= 1000, "Invalid page size: %s", pageSize);
    this.pageSize = pageSize;
    this.client = connection.newClient();
  }

  public S3Connection connection() {
    return connection;
  }

  /** Fails with one line naming {@code setting} unless the bucket exists and the credentials may use it. */
  public void checkBucket(String bucket, String setting) {
    try {
      client.headBucket(b -> b.bucket(bucket));
    } catch (SdkException e) {
      throw S3Errors.translate(e, connection, "bucket " + bucket + " (" + setting + ")");
    }
  }

  public boolean bucketExists(String bucket) {
    try {
      client.headBucket(b -> b.bucket(bucket));
      return true;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return false;
      }
      throw S3Errors.translate(e, connection, "bucket " + bucket);
    } catch (SdkException e) {
      throw S3Errors.translate(e, connection, "bucket " + bucket);
    }
  }

  public void createBucket(String bucket) {
    try {
      client.createBucket(b -> b.bucket(bucket));
    } catch (SdkException e) {
      throw S3Errors.translate(e, connection, "bucket " + bucket);
    }
  }

  public List<String> buckets() {
    try {
      return client.listBuckets().buckets().stream().map(Bucket::name).sorted().toList();
    } catch (SdkException e) {
      throw S3Errors.translate(e, connection, "the bucket list");
    }
  }

  /**
   * Objects under {@code prefix}: only those directly in it (like a folder listing) or, when
   * {@code recursive}, every object below it. Follows continuation tokens, so any number of
   * objects is listed; sorted by key as S3 returns them.
   */
  public List<ObjectInfo> list(S3Location prefix, boolean recursive) {
    S3Location p = prefix.asPrefix();
    ListObjectsV2Request.Builder request = ListObjectsV2Request.builder().bucket(p.bucket()).prefix(p.key())
        .maxKeys(pageSize);
    if (!recursive) {
      request.delimiter("/");
    }
    List<ObjectInfo> out = new ArrayList<>();
    try {
      for (ListObjectsV2Response page : client.listObjectsV2Paginator(request.build())) {
        for (S3Object o : page.contents()) {
          if (!o.key().endsWith("/")) {
            out.add(new ObjectInfo(new S3Location(p.bucket(), o.key()), o.size(), o.eTag(), o.lastModified()));
          }
        }
      }
    } catch (SdkException e) {
      throw S3Errors.translate(e, connection, p.toString());
    }
    return out;
  }

  /** The "folders" directly under {@code prefix} (common prefixes, each ending with {@code /}). */
  public List<S3Location> folders(S3Location prefix) {
    S3Location p = prefix.asPrefix();
    List<S3Location> out = new ArrayList<>();
    try {
      for (ListObjectsV2Response page : client.listObjectsV2Paginator(b -> b.bucket(p.bucket()).prefix(p.key())
          .delimiter("/").maxKeys(pageSize))) {
        for (CommonPrefix cp : page.commonPrefixes()) {
          out.add(new S3Location(p.bucket(), cp.prefix()));
        }
      }
    } catch (SdkException e) {
      throw S3Errors.translate(e, connection, p.toString());
    }
    return out;
  }

  public Optional<ObjectInfo> head(S3Location object) {
    try {
      HeadObjectResponse r = client.headObject(b -> b.bucket(object.bucket()).key(object.key()));
      return Optional.of(new ObjectInfo(object, r.contentLength(), r.eTag(), r.lastModified()));
    } catch (S3Exception e) {
      if (e.statusCode() == 404 && !"NoSuchBucket".equals(code(e))) {
        return Optional.empty();
      }
      throw S3Errors.translate(e, connection, object.toString());
    } catch (SdkException e) {
      throw S3Errors.translate(e, connection, object.toString());
    }
  }

  /**
   * Streams an object. With an {@code etag} the read is pinned to that version: if the object was
   * replaced since it was listed, the read fails ({@link ObjectStoreException.Code#CHANGED})
   * instead of returning other bytes.
   */
  public InputStream open(S3Location object, Optional<String> etag) {
    try {
      return client.getObject(b -> {
        b.bucket(object.bucket()).key(object.key());
        etag.ifPresent(t -> b.ifMatch("\"" + t + "\""));
      });
    } catch (SdkException e) {
      throw S3Errors.translate(e, connection, object.toString());
    }
  }

  /** Uploads a local file; returns the new object with its ETag. */
  public ObjectInfo put(Path file, S3Location target) {
    try {
      PutObjectResponse r = client.putObject(b -> b.bucket(target.bucket()).key(target.key()), RequestBody.fromFile(file));
      return new ObjectInfo(target, java.nio.file.Files.size(file), r.eTag(), java.time.Instant.now());
    } catch (SdkException e) {
      throw S3Errors.translate(e, connection, target.toString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  public void putBytes(byte[] content, S3Location target) {
    try {
      client.putObject(b -> b.bucket(target.bucket()).key(target.key()), RequestBody.fromBytes(content));
    } catch (SdkException e) {
      throw S3Errors.translate(e, connection, target.toString());
    }
  }

  /** Deletes every object under {@code prefix}, 1,000 per request; returns how many. */
  public long deleteAll(S3Location prefix) {
    List<ObjectInfo> all = list(prefix, true);
    long deleted = 0;
    try {
      for (int i = 0; i < all.size(); i += 1000) {
        List<ObjectIdentifier> ids = all.subList(i, Math.min(all.size(), i + 1000)).stream()
            .map(o -> ObjectIdentifier.builder().key(o.location().key()).build()).toList();
        client.deleteObjects(b -> b.bucket(prefix.bucket()).delete(Delete.builder().objects(ids).quiet(true).build()));
        deleted += ids.size();
      }
    } catch (SdkException e) {
      throw S3Errors.translate(e, connection, prefix.toString());
    }
    return deleted;
  }

  private static String code(S3Exception e) {
    return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
  }

  @Override
  public void close() {
    client.close();
  }
}
