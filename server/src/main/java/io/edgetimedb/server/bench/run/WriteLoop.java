package io.edgetimedb.server.bench.run;

import io.edgetimedb.engine.simulation.SensorFeed;
import io.edgetimedb.engine.write.PointBatch;
import io.edgetimedb.server.bench.BenchTarget;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Feeds a target from this process: one thread writes the plant feed through {@link
 * BenchTarget#write} as fast as the target acknowledges, and counts the acknowledged points. The
 * prefix (untimed) goes in batches of whole ticks of at least {@link #PREFIX_BATCH_POINTS} points,
 * so a target with a high cost per batch does not spend minutes on it; after the prefix every
 * batch is one tick (one reading of every sensor), as the contract says.
 */
final class WriteLoop implements Ingest {
  static final int PREFIX_BATCH_POINTS = 10_000;

  private final BenchTarget target;
  private final SensorFeed feed;
  private final long prefixPoints;
  private final AtomicLong acknowledged = new AtomicLong();
  private final Thread thread;
  private volatile boolean stop;
  private volatile Throwable failure;

  WriteLoop(BenchTarget target, SensorFeed feed, long prefixPoints) {
    this.target = target;
    this.feed = feed;
    this.prefixPoints = prefixPoints;
    this.thread = new Thread(this::run, "bench-writer-" + target.name());
  }

  @Override
  public void start() {
    thread.start();
  }

  private void run() {
    PointBatch batch = new PointBatch().source("bench");
    try {
      while (!stop) {
        do {
          feed.nextTick(batch);
        } while (acknowledged.get() < prefixPoints && batch.size() < PREFIX_BATCH_POINTS);
        target.write(batch);
        acknowledged.addAndGet(batch.size());
        batch.clear();
      }
    } catch (Exception | Error e) {
      failure = e;
    }
  }

  @Override
  public long written() {
    Throwable f = failure;
    if (f != null) {
      throw new IllegalStateException("writing to " + target.name() + " failed: " + f, f);
    }
    return acknowledged.get();
  }

  @Override
  public void close() throws InterruptedException {
    stop = true;
    thread.join();
  }
}
