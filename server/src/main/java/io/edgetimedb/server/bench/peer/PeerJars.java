package io.edgetimedb.server.bench.peer;

import io.edgetimedb.server.bench.PeerUnavailable;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The directory of the peers' jars ({@code PeerContext.peerJars()}), where the bench build copies
 * each artifact as {@code <artifactId>-<version>.jar}. A jar that is not there makes its peer
 * unavailable, with a message that names the jar and how to get it.
 */
final class PeerJars {
  private final Path directory;

  PeerJars(Path directory) {
    this.directory = directory.toAbsolutePath();
  }

  /** The jar of {@code groupId:artifactId}; when several versions lie there, the last by name. */
  Path jar(String peer, String groupId, String artifactId) throws PeerUnavailable {
    List<Path> found = new ArrayList<>();
    if (Files.isDirectory(directory)) {
      try (DirectoryStream<Path> jars = Files.newDirectoryStream(directory, artifactId + "-[0-9]*.jar")) {
        jars.forEach(found::add);
      } catch (IOException e) {
        throw new PeerUnavailable("cannot list the peer jars in " + directory + ": " + e.getMessage(), e);
      }
    }
    if (found.isEmpty()) {
      throw new PeerUnavailable(peer + " needs " + artifactId + "-<version>.jar (Maven " + groupId + ":"
          + artifactId + ") in " + directory + ", which " + (Files.isDirectory(directory) ? "lacks it" : "does not exist")
          + "; the bench build copies it there: mvn -B -pl bench -am package -DskipTests", null);
    }
    Collections.sort(found);
    return found.get(found.size() - 1);
  }
}
