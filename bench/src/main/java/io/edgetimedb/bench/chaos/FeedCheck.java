package io.edgetimedb.bench.chaos;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether every batch the feed got a 204 for is in the database, asked over remote SQL as a
 * client would ask it: the count and the sum of {@code value} per batch must be the batch's
 * exactly, and every sensor must hold at least its points of the acknowledged batches (batches
 * that failed on the client's side may have been stored; they are counted, not held against the
 * server).
 *
 * @param acknowledgedBatches batches the feed got a 204 for
 * @param lostPoints acknowledged points not found (a batch with a wrong checksum counts whole)
 * @param damagedBatches the first acknowledged batches found short or with a wrong checksum
 * @param unacknowledgedStored batches stored although the feed saw no 204 (a timeout, a dropped connection)
 * @param sensorsShort sensors holding fewer points than their acknowledged ones
 */
record FeedCheck(long acknowledgedBatches, long lostPoints, List<Integer> damagedBatches, long unacknowledgedStored,
    int sensorsShort) {
  private static final int LISTED = 10;

  static FeedCheck of(SteadyFeed feed, String jdbcUrl) throws SQLException {
    BitSet acknowledged = feed.acknowledged();
    Map<Integer, double[]> stored = new HashMap<>();
    long[] perSensor = new long[feed.sensors()];
    try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT batch, COUNT(*), SUM(\"value\") FROM " + SteadyFeed.MEASUREMENT
          + " GROUP BY batch")) {
        while (rs.next()) {
          stored.put(rs.getInt(1), new double[] {rs.getLong(2), rs.getDouble(3)});
        }
      }
      try (ResultSet rs = s.executeQuery("SELECT sensor, COUNT(*) FROM " + SteadyFeed.MEASUREMENT + " GROUP BY sensor")) {
        while (rs.next()) {
          perSensor[Integer.parseInt(rs.getString(1).substring(1))] = rs.getLong(2);
        }
      }
    }
    long lost = 0;
    List<Integer> damaged = new ArrayList<>();
    for (int b = acknowledged.nextSetBit(0); b >= 0; b = acknowledged.nextSetBit(b + 1)) {
      double[] found = stored.get(b);
      boolean whole = found != null && found[0] == feed.pointsPerBatch() && found[1] == feed.checksum(b);
      if (!whole) {
        lost += found == null || found[0] >= feed.pointsPerBatch() ? feed.pointsPerBatch()
            : feed.pointsPerBatch() - (long) found[0];
        if (damaged.size() < LISTED) {
          damaged.add(b);
        }
      }
    }
    long unacknowledged = stored.keySet().stream().filter(b -> !acknowledged.get(b)).count();
    long perSensorAcknowledged = (long) acknowledged.cardinality() * (feed.pointsPerBatch() / feed.sensors());
    int sensorsShort = 0;
    for (long n : perSensor) {
      sensorsShort += n < perSensorAcknowledged ? 1 : 0;
    }
    return new FeedCheck(acknowledged.cardinality(), lost, damaged, unacknowledged, sensorsShort);
  }

  boolean nothingLost() {
    return lostPoints == 0 && sensorsShort == 0;
  }

  @Override
  public String toString() {
    return String.format("%,d acknowledged batches checked: %,d acknowledged points lost%s; %d sensors short; "
        + "%,d batches stored without an acknowledgement", acknowledgedBatches, lostPoints,
        damagedBatches.isEmpty() ? "" : " (batches " + damagedBatches + (damagedBatches.size() == LISTED ? ", ..." : "") + ")",
        sensorsShort, unacknowledgedStored);
  }
}
