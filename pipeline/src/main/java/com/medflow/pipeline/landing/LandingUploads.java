package com.medflow.pipeline.landing;

import static java.util.Objects.requireNonNull;

import com.medflow.config.MedflowConfig;
import com.medflow.model.mapping.PayerMapping;
import com.medflow.model.mapping.PayerMappings;
import com.medflow.objectstore.ObjectInfo;
import com.medflow.objectstore.ObjectStore;
import com.medflow.objectstore.S3Connection;
import com.medflow.objectstore.S3Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Puts payer files into the landing zone, {@code <landing>/<payer folder>/<file name>}: an S3
 * object (one PUT) or a copy into a landing folder. A file already there with the same content is
 * left alone; one with other content is refused unless {@code replace}, so nothing that may already
 * have been ingested is silently overwritten. A file the pipeline could not read (binary, another
 * payer's header) is refused before anything is put.
 */
public final class LandingUploads {
  private final String root;
  private final PayerMappings mappings;
  private final Optional<S3Connection> s3;

  public LandingUploads(String root, PayerMappings mappings, Optional<S3Connection> s3) {
    this.root = requireNonNull(root, "root is null");
    this.mappings = requireNonNull(mappings, "mappings is null");
    this.s3 = requireNonNull(s3, "s3 is null");
    if (MedflowConfig.isS3(root) && s3.isEmpty()) {
      throw new IllegalArgumentException("Landing zone " + root + " is on S3 but no S3 connection was configured");
    }
  }

  /** What happened to one file. */
  public record Upload(Path file, String location, long bytes, Optional<String> etag, boolean unchanged) {}

  /** The mapping for a payer name ({@code Aetna}) or folder ({@code aetna}), any case. */
  public PayerMapping payer(String nameOrFolder) {
    for (PayerMapping m : mappings.all()) {
      if (m.payer().equalsIgnoreCase(nameOrFolder) || m.folder().equalsIgnoreCase(nameOrFolder)) {
        return m;
      }
    }
    throw new IllegalArgumentException("Unknown payer '" + nameOrFolder + "'; known payers: "
        + mappings.all().stream().map(PayerMapping::payer).sorted().toList());
  }

  public Upload upload(Path file, PayerMapping payer, boolean replace) {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new IllegalArgumentException("Cannot read " + file + ": not a readable file");
    }
    String name = file.getFileName().toString();
    if (!name.toLowerCase(Locale.ROOT).endsWith(".csv") || name.startsWith(".")) {
      throw new IllegalArgumentException(file + ": the landing zone takes .csv files (the pipeline ignores other names)");
    }
    try {
      // the same checks the pipeline makes (text, header of this payer's format), before anything is put
      FilePreflight.check(Files.newInputStream(file), new LandingFile(payer.folder(), file.toUri().toString(), name,
          Files.size(file)), payer);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
    }
    return MedflowConfig.isS3(root) ? toS3(file, payer, name, replace) : toFolder(file, payer, name, replace);
  }

  private Upload toS3(Path file, PayerMapping payer, String name, boolean replace) {
    S3Location target = S3Location.parse(root).asPrefix().resolve(payer.folder() + "/" + name);
    try (ObjectStore store = new ObjectStore(s3.orElseThrow())) {
      store.checkBucket(target.bucket(), "landing.dir");
      Optional<ObjectInfo> existing = store.head(target);
      if (existing.isPresent()) {
        if (existing.get().etag().equalsIgnoreCase(digest(file, "MD5"))) {
          return new Upload(file, target.toString(), existing.get().size(), Optional.of(existing.get().etag()), true);
        }
        if (!replace) {
          throw new IllegalStateException(target + " already exists with other content; give the file another name"
              + " (or --replace)");
        }
      }
      ObjectInfo put = store.put(file, target);
      return new Upload(file, target.toString(), put.size(), Optional.of(put.etag()), false);
    }
  }

  private Upload toFolder(Path file, PayerMapping payer, String name, boolean replace) {
    Path dir = LandingZone.toUri(root).getScheme().equals("file") ? Path.of(LandingZone.toUri(root)) : null;
    if (dir == null) {
      throw new IllegalArgumentException("Uploads go to a landing folder or an s3:// landing zone, not " + root);
    }
    Path target = dir.resolve(payer.folder()).resolve(name);
    try {
      if (Files.exists(target)) {
        if (digest(target, "SHA-256").equals(digest(file, "SHA-256"))) {
          return new Upload(file, target.toUri().toString(), Files.size(target), Optional.empty(), true);
        }
        if (!replace) {
          throw new IllegalStateException(target + " already exists with other content; give the file another name"
              + " (or --replace)");
        }
      }
      Files.createDirectories(target.getParent());
      Path tmp = target.resolveSibling("." + name + ".uploading");
      Files.copy(file, tmp, StandardCopyOption.REPLACE_EXISTING);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return new Upload(file, target.toUri().toString(), Files.size(target), Optional.empty(), false);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot copy " + file + " to " + target + ": " + e.getMessage(), e);
    }
  }

  private static String digest(Path file, String algorithm) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest md = MessageDigest.getInstance(algorithm);
      byte[] buf = new byte[1 << 16];
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
