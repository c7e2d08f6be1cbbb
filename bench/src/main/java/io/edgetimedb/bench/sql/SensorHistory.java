package io.edgetimedb.bench.sql;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.write.PointBatch;
import io.edgetimedb.sql.EdgeSchemas;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.apache.calcite.jdbc.CalciteConnection;

/**
 * The data the SQL benchmarks query: 1,000 sensors sampled at 1 Hz for two hours (7.2 M rows) in
 * measurement {@code readings} with tags {@code sensor_id} and {@code site} and field {@code
 * value}, in an embedded database behind a JDBC connection. Loaded through the engine's batch API
 * (what the connection's database is), because loading is not what these benchmarks measure.
 */
final class SensorHistory {
  static final int SENSORS = 1000;
  /** Aligned to the hour, so an hour holds exactly 60 one-minute buckets. */
  static final long START = 1_699_999_200_000L;
  static final long HOURS = 2;
  static final long END = START + HOURS * 3_600_000L;

  private SensorHistory() {}

  /** A connection to a new private in-memory database holding the two hours. */
  static Connection open() throws SQLException {
    return open("jdbc:edgetimedb:mem:");
  }

  /** A connection to the (new, empty) embedded database at {@code url}, loaded with the two hours. */
  static Connection open(String url) throws SQLException {
    Connection connection = DriverManager.getConnection(url);
    Database db = EdgeSchemas.database(connection.unwrap(CalciteConnection.class).getRootSchema());
    PointBatch batch = new PointBatch();
    for (long ts = START; ts < END; ts += 1000) {
      batch.clear();
      for (int s = 0; s < SENSORS; s++) {
        batch.point("readings", ts).tag("sensor_id", sensorId(s)).tag("site", "site-" + s % 10)
            .field("value", 20 + (s % 50) + Math.round(Math.sin(ts / 60_000.0 + s) * 1000) / 100.0);
      }
      db.write(batch);
    }
    return connection;
  }

  static String sensorId(int s) {
    return "s" + s;
  }
}
