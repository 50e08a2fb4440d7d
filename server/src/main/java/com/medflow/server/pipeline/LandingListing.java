package com.medflow.server.pipeline;

import com.medflow.config.MedflowConfig;
import com.medflow.objectstore.ObjectInfo;
import com.medflow.objectstore.ObjectStore;
import com.medflow.objectstore.S3Connection;
import com.medflow.objectstore.S3Location;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Lists the landing zone for the sensor: every file with a stamp (size and last change) that changes when it is rewritten. */
@FunctionalInterface
public interface LandingListing {
  Map<String, String> list();

  /** A local folder (walked) or an {@code s3://} prefix (listed). */
  static LandingListing of(String landing, S3Connection s3) {
    if (MedflowConfig.isS3(landing)) {
      S3Location root = S3Location.parse(landing);
      return () -> {
        Map<String, String> out = new TreeMap<>();
        try (ObjectStore store = new ObjectStore(s3)) {
          for (ObjectInfo o : store.list(root, true)) {
            out.put(o.location().toString(), o.size() + "/" + o.etag() + "/" + o.lastModified().toEpochMilli());
          }
        }
        return out;
      };
    }
    Path root = Path.of(landing);
    return () -> {
      Map<String, String> out = new TreeMap<>();
      if (!Files.isDirectory(root)) {
        return out;
      }
      try (Stream<Path> files = Files.walk(root)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          out.put(root.relativize(f).toString(), Files.size(f) + "/" + Files.getLastModifiedTime(f).toMillis());
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot list the landing zone " + root + ": " + e.getMessage(), e);
      }
      return out;
    };
  }
}
