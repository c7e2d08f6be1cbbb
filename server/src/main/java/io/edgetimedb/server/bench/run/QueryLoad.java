package io.edgetimedb.server.bench.run;

import io.edgetimedb.server.bench.BenchQuery;
import io.edgetimedb.server.bench.BenchTarget;
import io.edgetimedb.server.bench.stats.Latencies;
import io.edgetimedb.server.bench.stats.LatencySummary;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The client asking questions while the feed runs: one thread, a question every {@code 1 / rate}
 * seconds, cycling through the five, each with arguments drawn from the data written so far.
 * A question that overruns its slot delays the next one instead of bunching up the ones after it
 * (counted as "behind"), so the load stays at most the rate asked.
 */
final class QueryLoad implements AutoCloseable {
  private final BenchTarget target;
  private final QuestionDraw draw;
  private final LongSupplier pointsWritten;
  private final long periodNanos;
  private final Map<BenchQuery, Latencies> latencies = new EnumMap<>(BenchQuery.class);
  private final Thread thread;
  private volatile boolean stop;
  private volatile Throwable failure;
  private int asked;
  private int behind;

  QueryLoad(BenchTarget target, QuestionDraw draw, LongSupplier pointsWritten, int perSecond) {
    this.target = target;
    this.draw = draw;
    this.pointsWritten = pointsWritten;
    this.periodNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
    for (BenchQuery q : BenchQuery.values()) {
      latencies.put(q, new Latencies());
    }
    this.thread = new Thread(this::run, "bench-queries-" + target.name());
    thread.setDaemon(true); // never keeps the JVM up after a failed round
  }

  void start() {
    thread.start();
  }

  private void run() {
    BenchQuery[] questions = BenchQuery.values();
    long next = System.nanoTime();
    try {
      for (int i = 0; !stop; i++) {
        BenchQuery q = questions[i % questions.length];
        long started = System.nanoTime();
        target.query(q, draw.draw(pointsWritten.getAsLong()));
        latencies.get(q).add(System.nanoTime() - started);
        asked++;
        next += periodNanos;
        long wait = next - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        } else {
          behind++;
          next = System.nanoTime();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception | Error e) {
      failure = e;
    }
  }

  /** Stops asking and waits for the question in flight; fails when a question failed. */
  @Override
  public void close() throws InterruptedException {
    stop = true;
    thread.join();
    Throwable f = failure;
    if (f != null) {
      throw new IllegalStateException("a question to " + target.name() + " failed under load: " + f, f);
    }
  }

  /** Per question, after {@link #close}. */
  Map<BenchQuery, LatencySummary> summaries() {
    Map<BenchQuery, LatencySummary> out = new EnumMap<>(BenchQuery.class);
    latencies.forEach((q, l) -> out.put(q, l.summary()));
    return out;
  }

  int asked() {
    return asked;
  }

  int behind() {
    return behind;
  }
}
