package com.medflow.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Folders (mode 700) and files (mode 600) only their owner may read, for what MedFlow keeps under its home: the
 * app database (password hashes, audit SQL), the catalog, the warehouse (PII parquet files), Spark's spill files.
 * Folders are created owner-only from the moment they exist; existing folders are left as they are (they may be
 * shared on purpose). Files are created owner-only, and an existing file of this user is made owner-only. On file
 * systems without POSIX permissions these are plain creations.
 */
public final class OwnerOnly {
  public static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
  public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private OwnerOnly() {}

  private static boolean posix(Path p) {
    return p.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  /** Creates {@code dir} and its missing parents, each created one owner-only; returns {@code dir}. */
  public static Path directories(Path dir) {
    Path abs = dir.toAbsolutePath().normalize();
    Deque<Path> missing = new ArrayDeque<>();
    for (Path p = abs; p != null && !Files.exists(p); p = p.getParent()) {
      missing.push(p);
    }
    boolean posix = posix(abs);
    FileAttribute<?>[] attrs = posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(DIR)}
        : new FileAttribute<?>[0];
    try {
      for (Path p : missing) {
        try {
          Files.createDirectory(p, attrs);
        } catch (FileAlreadyExistsException raced) {
          if (!Files.isDirectory(p)) {
            throw raced;
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create " + abs, e);
    }
    return dir;
  }

  /** Creates {@code file} (empty, owner-only) when missing, or makes this user's existing file owner-only. */
  public static Path file(Path file) {
    directories(file.toAbsolutePath().getParent());
    boolean posix = posix(file);
    try {
      if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
        try {
          if (posix) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
          } else {
            Files.createFile(file);
          }
        } catch (FileAlreadyExistsException raced) {
          // made by another process at the same moment: tightened below
        }
      }
      restrict(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create " + file, e);
    }
    return file;
  }

  /** Makes an existing regular file of this user owner-only (nothing when missing, foreign or not POSIX). */
  public static void restrict(Path file) throws IOException {
    if (posix(file) && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
        && Files.getOwner(file, LinkOption.NOFOLLOW_LINKS).getName().equals(System.getProperty("user.name"))
        && !Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS).equals(FILE)) {
      Files.setPosixFilePermissions(file, FILE);
    }
  }
}
