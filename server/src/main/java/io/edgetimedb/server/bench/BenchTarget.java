package io.edgetimedb.server.bench;

import io.edgetimedb.engine.write.PointBatch;

/**
 * A database the macro benchmark feeds and questions, side by side with the others: EdgeTimeDB
 * through one of its ways in, or a peer (QuestDB, SQLite, DuckDB). Every target gets the same
 * plant feed ({@code SensorFeed}: measurements temperature, pressure, vibration, energy, door,
 * valve and status; tags site, line and sensor; one field each, named by {@code SensorKind})
 * and answers the same {@link BenchQuery questions} about it, so each figure is a ratio.
 *
 * <p>Threads: {@link #write} is called from one ingest thread while {@link #query} is called
 * from one query thread at the same time; a target keeps a connection (or session) for each.
 * A target whose feed arrives from a separate {@code simulate} process (line protocol over TCP
 * or HTTP) returns that process's {@code --to} address from {@link #lineProtocolAddress} and is
 * never given {@link #write} calls.
 */
public interface BenchTarget extends AutoCloseable {
  /** Name in tables, JSON and charts: database and way in, such as {@code edgetimedb/tcp}, {@code questdb/ilp-tcp}. */
  String name();

  /**
   * Where a {@code simulate} process should send line protocol ({@code tcp://127.0.0.1:9009},
   * {@code http://127.0.0.1:8086}), or null when the bench writes batches through {@link #write}.
   */
  String lineProtocolAddress();

  /** Writes one batch (a tick of the feed) and returns once the target has acknowledged it. */
  void write(PointBatch batch) throws Exception;

  /**
   * Waits until at least {@code points} points are visible to queries (some databases commit
   * behind their acknowledgement), or the timeout passes; returns the number visible.
   */
  long awaitVisible(long points, long timeoutMillis) throws Exception;

  /** Answers one question; returns the rows it read (every row is read, as a client would). */
  int query(BenchQuery query, QueryArguments arguments) throws Exception;

  /** Bytes the target holds for the data: its own storage accounting or its files on disk. */
  long bytesHeld() throws Exception;

  @Override
  void close() throws Exception;
}
