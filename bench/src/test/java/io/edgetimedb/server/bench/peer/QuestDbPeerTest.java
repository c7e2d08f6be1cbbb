package io.edgetimedb.server.bench.peer;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.server.bench.Peer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

class QuestDbPeerTest extends PlantFeedPeerTest {
  private ProcessHandle server;

  @Override
  Peer peer() {
    return new QuestDbPeer();
  }

  @BeforeAll
  void noteTheServerProcess() {
    server = ((QuestDbTarget) target).process();
  }

  @Test
  @Order(3)
  void runsAsAChildProcessTakingLineProtocolOnLoopback() {
    assertThat(target.name()).isEqualTo("questdb/ilp-tcp");
    assertThat(target.lineProtocolAddress()).matches("tcp://127\\.0\\.0\\.1:\\d+");
    assertThat(server.isAlive()).isTrue();
    assertThat(ProcessHandle.current().children()).contains(server);
  }

  @Test
  @Order(5)
  void closingStopsTheServer() {
    assertThat(server.isAlive()).isFalse();
    assertThat(ProcessHandle.current().descendants()).doesNotContain(server);
  }
}
