package com.medflow.pipeline.landing;

import static java.util.Objects.requireNonNull;

import com.medflow.model.mapping.PayerMapping;
import com.medflow.model.mapping.PayerMappings;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The landing zone: one folder per payer (named by the payer mapping's {@code folder}) holding
 * {@code *.csv} files. Works on any Hadoop file system (local folders, file://, s3a://).
 */
public final class LandingZone {
  private final Configuration hadoop;
  private final URI root;
  private final PayerMappings mappings;

  public LandingZone(Configuration hadoop, String root, PayerMappings mappings) {
    this.hadoop = requireNonNull(hadoop, "hadoop is null");
    this.root = toUri(requireNonNull(root, "root is null"));
    this.mappings = requireNonNull(mappings, "mappings is null");
  }

  static URI toUri(String root) {
    if (root.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
      return URI.create(root.endsWith("/") ? root : root + "/");
    }
    return java.nio.file.Path.of(root).toAbsolutePath().normalize().toUri();
  }

  public URI root() {
    return root;
  }

  /**
   * Every file under a mapped payer folder whose name ends as the mapping's {@code files} say
   * ({@code .csv} unless a mapping names others), sorted by payer folder then name.
   */
  public List<LandingFile> list() {
    List<LandingFile> out = new ArrayList<>();
    try {
      FileSystem fs = FileSystem.get(root, hadoop);
      Path rootPath = new Path(root);
      if (!fs.exists(rootPath)) {
        throw new UnreadableFileException(root.toString(), "landing zone does not exist");
      }
      for (PayerMapping m : mappings.all()) {
        Path dir = new Path(rootPath, m.folder());
        FileStatus[] files;
        try {
          files = fs.listStatus(dir);
        } catch (FileNotFoundException e) {
          continue;
        }
        for (FileStatus f : files) {
          String name = f.getPath().getName();
          String lower = name.toLowerCase(java.util.Locale.ROOT);
          if (f.isFile() && m.options().fileExtensions().stream().anyMatch(lower::endsWith) && !name.startsWith(".")) {
            out.add(new LandingFile(m.folder(), f.getPath().toUri().toString(), name, f.getLen()));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list landing zone " + root + ": " + e.getMessage(), e);
    }
    out.sort(Comparator.comparing(LandingFile::payerFolder).thenComparing(LandingFile::name));
    return out;
  }

  public FileSystem fileSystem(String uri) throws IOException {
    return FileSystem.get(URI.create(uri), hadoop);
  }
}
