package io.edgetimedb.server.bench.run;

import io.edgetimedb.server.bench.BenchQuery;
import io.edgetimedb.server.bench.BenchTarget;
import io.edgetimedb.server.bench.QueryArguments;
import io.edgetimedb.server.bench.edgetimedb.EdgeTimeDbTarget;
import java.util.Map;

/**
 * A target as a round drives it, with what only some targets can tell: EdgeTimeDB also answers
 * through its remote driver and breaks its storage down by measurement; a peer does neither.
 *
 * @param storage how the target keeps the data
 * @param remote asks through a remote driver, or null
 * @param bytesPerPointByMeasurement raw bytes per point of each measurement (empty when unknown)
 */
record Entrant(BenchTarget target, String storage, Question remote, StorageBreakdown bytesPerPointByMeasurement)
    implements AutoCloseable {

  interface Question {
    int ask(BenchQuery query, QueryArguments arguments) throws Exception;
  }

  interface StorageBreakdown {
    Map<String, Double> read() throws Exception;
  }

  static Entrant of(EdgeTimeDbTarget target) {
    return new Entrant(target, target.storage(), target::askRemotely, target::bytesPerPointByMeasurement);
  }

  static Entrant peer(BenchTarget target) {
    return new Entrant(target, "as the peer keeps it (docs/bench.md)", null, Map::of);
  }

  @Override
  public void close() throws Exception {
    target.close();
  }
}
