package io.edgetimedb.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.engine.write.PointBatch;
import io.edgetimedb.sql.limit.QueryGuards;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A query gives way to ingestion: while writes arrive it pauses between slices of its work
 * (query.cpu-percent-while-ingesting), and on a box without writes it never pauses. Counted by
 * the guards' pause counter, not timed.
 */
class QueryYieldsToIngestionTest {
  /** 1,500 rows: a cross join of 2.25 million rows, long enough for several 10 ms slices. */
  private static final int ROWS = 1_500;
  private static final String CROSS_JOIN = "SELECT count(*) FROM m a, m b";

  private SqlFixture sql;

  @BeforeEach
  void fill() throws SQLException {
    sql = new SqlFixture();
    PointBatch batch = new PointBatch();
    for (int i = 0; i < ROWS; i++) {
      batch.point("m", 1_700_000_000_000L + i).tag("k", "s" + i % 10).field("v", (double) i);
    }
    sql.db.write(batch);
  }

  @AfterEach
  void close() throws SQLException {
    sql.close();
  }

  @Test
  void aQueryPausesWhileWritesArrive() throws Exception {
    long before = QueryGuards.pausesForIngestion();
    assertThat(whileWriting(() -> sql.rows(CROSS_JOIN))).containsExactly(List.of((long) ROWS * ROWS));
    assertThat(QueryGuards.pausesForIngestion()).as("pauses while writes arrived").isGreaterThan(before);
  }

  @Test
  void aQueryOnAQuietBoxNeverPauses() throws Exception {
    long before = QueryGuards.pausesForIngestion();
    sql.rows(CROSS_JOIN);
    assertThat(QueryGuards.pausesForIngestion()).isEqualTo(before);
  }

  @Test
  void aHundredPercentTurnsThePausesOff() throws Exception {
    sql.execute("SET query.cpu-percent-while-ingesting = 100");
    long before = QueryGuards.pausesForIngestion();
    whileWriting(() -> sql.rows(CROSS_JOIN));
    assertThat(QueryGuards.pausesForIngestion()).isEqualTo(before);
  }

  private interface Query {
    List<List<Object>> run() throws SQLException;
  }

  /** Runs the query while another thread writes a point every half millisecond. */
  private List<List<Object>> whileWriting(Query query) throws Exception {
    AtomicBoolean done = new AtomicBoolean();
    Thread writer = new Thread(() -> {
      PointBatch batch = new PointBatch();
      for (long t = 1_700_000_000_000L; !done.get(); t++) {
        batch.clear();
        batch.point("feed", t).tag("s", "a").field("v", 1.0);
        sql.db.write(batch);
        java.util.concurrent.locks.LockSupport.parkNanos(500_000);
      }
    }, "test-writer");
    writer.start();
    try {
      return query.run();
    } finally {
      done.set(true);
      writer.join();
    }
  }
}
