package io.edgetimedb.server.avatica;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;
import org.eclipse.jetty.util.security.Credential;

/**
 * The user file Jetty's BASIC authentication reads (Avatica takes users only from a file): the
 * one configured user with the one role the endpoint admits. The password is stored as its MD5
 * digest rather than in clear text (and so a comma in it cannot break the file's
 * "password,role" format); the file is readable by its owner only and deleted when the endpoint
 * closes.
 */
final class BasicAuthRealmFile implements AutoCloseable {
  static final String ROLE = "edgetimedb-user";

  private final Path file;

  private BasicAuthRealmFile(Path file) {
    this.file = file;
  }

  static BasicAuthRealmFile write(String user, String password) {
    try {
      Path file = Files.createTempFile("edgetimedb-avatica-users", ".properties");
      restrictToOwner(file);
      Properties users = new Properties();
      users.setProperty(user, Credential.MD5.digest(password) + "," + ROLE);
      try (OutputStream out = Files.newOutputStream(file)) {
        users.store(out, "EdgeTimeDB Avatica endpoint users (written at start, deleted at close)");
      }
      return new BasicAuthRealmFile(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the BASIC authentication user file", e);
    }
  }

  private static void restrictToOwner(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system (Windows): the temp directory is per user there.
    }
  }

  String path() {
    return file.toString();
  }

  @Override
  public void close() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
