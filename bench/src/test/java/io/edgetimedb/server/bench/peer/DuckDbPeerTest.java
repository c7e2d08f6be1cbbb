package io.edgetimedb.server.bench.peer;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.server.bench.Peer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

class DuckDbPeerTest extends PlantFeedPeerTest {
  @Override
  Peer peer() {
    return new DuckDbPeer();
  }

  @Test
  @Order(3)
  void writesBatchesItself() {
    assertThat(target.name()).isEqualTo("duckdb/appender");
    assertThat(target.lineProtocolAddress()).isNull();
  }

  @Test
  @Order(3)
  void refusesABadBatchWhole() throws Exception {
    assertABadBatchIsRefusedWhole();
  }
}
