package io.edgetimedb.server.bench.peer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The directory a peer keeps its files in, inside the run's work directory: created empty when
 * the peer starts, measured for {@code bytesHeld} (apparent file sizes, as {@code du
 * --apparent-size} counts them) and deleted when the peer is closed, so a closed peer leaves
 * nothing behind.
 */
final class PeerDirectory {
  private final Path path;

  private PeerDirectory(Path path) {
    this.path = path;
  }

  /** Creates {@code workDirectory/name}, refusing one that already holds files (another run's data). */
  static PeerDirectory create(Path workDirectory, String name) throws IOException {
    Path path = workDirectory.toAbsolutePath().resolve(name);
    Files.createDirectories(path);
    try (Stream<Path> entries = Files.list(path)) {
      if (entries.findAny().isPresent()) {
        throw new IOException(path + " is not empty: a peer starts on an empty directory");
      }
    }
    return new PeerDirectory(path);
  }

  Path path() {
    return path;
  }

  /**
   * Total size of the regular files under {@code dir}, 0 when it does not exist. A running server
   * removes files as it goes (QuestDB purges applied WAL segments), so a walk that meets a
   * vanished directory is started again.
   */
  static long bytes(Path dir) throws IOException {
    for (int attempt = 1; ; attempt++) {
      if (!Files.exists(dir)) {
        return 0;
      }
      try (Stream<Path> files = Files.walk(dir)) {
        return files.filter(Files::isRegularFile).mapToLong(PeerDirectory::sizeOrZero).sum();
      } catch (UncheckedIOException e) {
        if (attempt == 3) {
          throw e.getCause();
        }
      }
    }
  }

  long bytes() throws IOException {
    return bytes(path);
  }

  void delete() throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> files = Files.walk(path)) {
      files.sorted(Comparator.reverseOrder()).forEach(PeerDirectory::deleteOne);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** A file the database removed while the directory was walked counts as empty. */
  private static long sizeOrZero(Path file) {
    try {
      return Files.size(file);
    } catch (IOException gone) {
      return 0;
    }
  }

  private static void deleteOne(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
