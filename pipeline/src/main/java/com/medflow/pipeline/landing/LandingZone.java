package com.medflow.pipeline.landing;

import static java.util.Objects.requireNonNull;

import com.medflow.model.mapping.PayerMapping;
import com.medflow.model.mapping.PayerMappings;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import com.medflow.objectstore.ObjectInfo;
import com.medflow.objectstore.ObjectStore;
import com.medflow.objectstore.S3Connection;
import com.medflow.objectstore.S3Location;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The landing zone: one folder per payer (named by the payer mapping's {@code folder}) holding
 * {@code *.csv} files: a local folder or any Hadoop file system, or an {@code s3://bucket/prefix}
 * read with the AWS SDK (listed page by page, each object pinned to the ETag it was listed with).
 */
public final class LandingZone {
  private final Configuration hadoop;
  private final URI root;
  private final PayerMappings mappings;
  private final Optional<S3Connection> s3;

  public LandingZone(Configuration hadoop, String root, PayerMappings mappings) {
    this(hadoop, root, mappings, Optional.empty());
  }

  /** {@code s3}: how to reach the store when {@code root} is an {@code s3://} location. */
  public LandingZone(Configuration hadoop, String root, PayerMappings mappings, Optional<S3Connection> s3) {
    this.hadoop = requireNonNull(hadoop, "hadoop is null");
    this.root = toUri(requireNonNull(root, "root is null"));
    this.mappings = requireNonNull(mappings, "mappings is null");
    this.s3 = requireNonNull(s3, "s3 is null");
    if (onObjectStore() && s3.isEmpty()) {
      throw new IllegalArgumentException("Landing zone " + root + " is on S3 but no S3 connection was configured");
    }
  }

  public boolean onObjectStore() {
    return "s3".equals(root.getScheme());
  }

  /** The connection to the landing zone's S3 store (present when {@link #onObjectStore()}). */
  public Optional<S3Connection> s3() {
    return s3;
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
    if (onObjectStore()) {
      return listObjects();
    }
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

  /**
   * Files that {@link #list} does not return because they are in no payer's folder: in a folder no payer
   * mapping names (such as {@code cigna/}, searched to any depth) or at the top of the landing zone. They are
   * refused with the reason, never silently ignored; names starting with a dot (work files) are left alone.
   */
  public List<RefusedFile> strays() {
    java.util.Set<String> folders = new java.util.TreeSet<>();
    mappings.all().forEach(m -> folders.add(m.folder()));
    List<String> paths = new ArrayList<>(); // relative to the root, '/'-separated
    if (onObjectStore()) {
      S3Location base = S3Location.parse(root.toString()).asPrefix();
      try (ObjectStore store = new ObjectStore(s3.orElseThrow())) {
        for (ObjectInfo o : store.list(base, true)) {
          paths.add(o.location().key().substring(base.key().length()));
        }
      }
    } else {
      try {
        FileSystem fs = FileSystem.get(root, hadoop);
        Path rootPath = new Path(root);
        for (FileStatus top : fs.listStatus(rootPath)) {
          String name = top.getPath().getName();
          if (name.startsWith(".") || top.isDirectory() && folders.contains(name)) {
            continue;
          }
          if (top.isFile()) {
            paths.add(name);
            continue;
          }
          org.apache.hadoop.fs.RemoteIterator<org.apache.hadoop.fs.LocatedFileStatus> files = fs.listFiles(top.getPath(), true);
          while (files.hasNext()) {
            String relative = rootPath.toUri().relativize(files.next().getPath().toUri()).getPath();
            paths.add(relative);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot list landing zone " + root + ": " + e.getMessage(), e);
      }
    }
    List<RefusedFile> out = new ArrayList<>();
    for (String path : paths) {
      int slash = path.indexOf('/');
      String folder = slash < 0 ? "" : path.substring(0, slash);
      String name = path.substring(path.lastIndexOf('/') + 1);
      if (path.isEmpty() || path.endsWith("/") || folders.contains(folder)
          || java.util.Arrays.stream(path.split("/")).anyMatch(p -> p.startsWith("."))) {
        continue;
      }
      int dot = name.lastIndexOf('.');
      String stem = dot > 0 ? name.substring(0, dot) : name;
      out.add(folder.isEmpty()
          ? new RefusedFile("(landing zone)", path, stem, "not in a payer folder; files go in <payer folder>/ (known: "
              + String.join(", ", folders) + ")")
          : new RefusedFile(folder, path, stem, "unknown payer folder '" + folder + "/': no payer mapping names it"
              + " (known: " + String.join(", ", folders) + "); add a mapping file to payers.dir or move the file"));
    }
    out.sort(java.util.Comparator.comparing(RefusedFile::file));
    return out;
  }

  private List<LandingFile> listObjects() {
    S3Location base = S3Location.parse(root.toString()).asPrefix();
    List<LandingFile> out = new ArrayList<>();
    try (ObjectStore store = new ObjectStore(s3.orElseThrow())) {
      store.checkBucket(base.bucket(), "landing.dir");
      for (PayerMapping m : mappings.all()) {
        for (ObjectInfo o : store.list(base.resolve(m.folder()), false)) {
          String name = o.location().name();
          if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".csv") && !name.startsWith(".")) {
            out.add(new LandingFile(m.folder(), o.location().toString(), name, o.size(), Optional.of(o.etag())));
          }
        }
      }
    }
    out.sort(Comparator.comparing(LandingFile::payerFolder).thenComparing(LandingFile::name));
    return out;
  }

  /** Opens a listed file for reading; an S3 object is read at the ETag it was listed with. */
  public InputStream open(LandingFile file) throws IOException {
    if (file.onObjectStore()) {
      ObjectStore store = new ObjectStore(s3.orElseThrow());
      InputStream in = store.open(S3Location.parse(file.uri()), file.etag());
      return new java.io.FilterInputStream(in) {
        @Override
        public void close() throws IOException {
          try {
            super.close();
          } finally {
            store.close();
          }
        }
      };
    }
    return fileSystem(file.uri()).open(new Path(URI.create(file.uri())), 1 << 16);
  }

  public FileSystem fileSystem(String uri) throws IOException {
    return FileSystem.get(URI.create(uri), hadoop);
  }
}
