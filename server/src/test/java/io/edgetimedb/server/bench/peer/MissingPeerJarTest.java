package io.edgetimedb.server.bench.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgetimedb.server.bench.Peer;
import io.edgetimedb.server.bench.PeerContext;
import io.edgetimedb.server.bench.PeerUnavailable;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MissingPeerJarTest {
  private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

  @Test
  void everyPeerIsFoundByServiceLoader() {
    // the test class path adds a peer of its own (UnavailablePeer, for the runner's tests)
    assertThat(peers()).containsKeys("questdb", "sqlite", "duckdb");
  }

  @Test
  void aPeerWithoutItsJarIsUnavailableAndSaysWhichJarAndHowToGetIt(@TempDir Path work, @TempDir Path emptyJars)
      throws Exception {
    Map<String, String> firstJar = Map.of("questdb", "questdb-<version>.jar (Maven org.questdb:questdb)",
        "sqlite", "sqlite-jdbc-<version>.jar (Maven org.xerial:sqlite-jdbc)",
        "duckdb", "duckdb_jdbc-<version>.jar (Maven org.duckdb:duckdb_jdbc)");
    for (String name : firstJar.keySet()) {
      Peer peer = peers().get(name);
      assertThatThrownBy(() -> peer.start(new PeerContext(work, emptyJars, 10, QUIET)))
          .isInstanceOf(PeerUnavailable.class)
          .hasMessageContaining(peer.name() + " needs " + firstJar.get(peer.name()))
          .hasMessageContaining(emptyJars.toString())
          .hasMessageContaining("mvn -B -pl bench -am package");
    }
    try (var left = Files.list(work)) {
      assertThat(left).as("an unavailable peer leaves no files").isEmpty();
    }
  }

  @Test
  void questDbNeedsThePostgresDriverToo(@TempDir Path work, @TempDir Path jars) throws Exception {
    Files.createFile(jars.resolve("questdb-9.2.0.jar"));

    assertThatThrownBy(() -> new QuestDbPeer().start(new PeerContext(work, jars, 10, QUIET)))
        .isInstanceOf(PeerUnavailable.class)
        .hasMessageContaining("questdb needs postgresql-<version>.jar (Maven org.postgresql:postgresql)");
  }

  @Test
  void aMissingJarDirectoryIsNamed(@TempDir Path work) {
    Path nowhere = work.resolve("no-such-dir");

    assertThatThrownBy(() -> new SqlitePeer().start(new PeerContext(work, nowhere, 10, QUIET)))
        .isInstanceOf(PeerUnavailable.class)
        .hasMessageContaining(nowhere + ", which does not exist");
  }

  private static Map<String, Peer> peers() {
    Map<String, Peer> peers = new HashMap<>();
    ServiceLoader.load(Peer.class).forEach(peer -> peers.put(peer.name(), peer));
    return peers;
  }
}
