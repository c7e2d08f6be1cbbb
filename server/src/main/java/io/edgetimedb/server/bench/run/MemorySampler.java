package io.edgetimedb.server.bench.run;

import io.edgetimedb.server.bench.BenchTarget;
import io.edgetimedb.server.bench.report.MemorySample;
import io.edgetimedb.server.bench.stats.HeapAfterGc;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples memory at a fixed interval over a target's whole run: the target's own accounting
 * ({@link BenchTarget#bytesHeld}) and this JVM's heap after the latest garbage collection, so a
 * chart shows whether memory settles or keeps growing.
 */
final class MemorySampler implements AutoCloseable {
  private final BenchTarget target;
  private final HeapAfterGc heap = new HeapAfterGc();
  private final long startNanos = System.nanoTime();
  private final List<MemorySample> samples = new ArrayList<>();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "bench-memory");
    t.setDaemon(true);
    return t;
  });
  private volatile Throwable failure;

  MemorySampler(BenchTarget target, long intervalMillis) {
    this.target = target;
    timer.scheduleAtFixedRate(this::sample, 0, intervalMillis, TimeUnit.MILLISECONDS);
  }

  private void sample() {
    try {
      long engine = target.bytesHeld();
      synchronized (samples) {
        samples.add(new MemorySample((System.nanoTime() - startNanos) / 1e9, engine, heap.bytes()));
      }
    } catch (Exception | Error e) {
      failure = e;
      throw new IllegalStateException(e); // ends the schedule
    }
  }

  /** Takes a last sample, stops, and returns every sample in time order. */
  List<MemorySample> finish() throws InterruptedException {
    timer.shutdown();
    timer.awaitTermination(1, TimeUnit.MINUTES);
    sample();
    Throwable f = failure;
    if (f != null) {
      throw new IllegalStateException("sampling the memory of " + target.name() + " failed: " + f, f);
    }
    synchronized (samples) {
      return List.copyOf(samples);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
    heap.close();
  }
}
