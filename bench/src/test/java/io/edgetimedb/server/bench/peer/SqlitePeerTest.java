package io.edgetimedb.server.bench.peer;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.server.bench.Peer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

class SqlitePeerTest extends PlantFeedPeerTest {
  @Override
  Peer peer() {
    return new SqlitePeer();
  }

  @Test
  @Order(3)
  void writesBatchesItself() {
    assertThat(target.name()).isEqualTo("sqlite/jdbc");
    assertThat(target.lineProtocolAddress()).isNull();
  }

  @Test
  @Order(3)
  void refusesABadBatchWhole() throws Exception {
    assertABadBatchIsRefusedWhole();
  }
}
