package io.edgetimedb.engine.series;

/**
 * The order in which logged changes reach one series: a ticket roll and a "now serving" sign.
 * A durable database draws a turn for each change (a point, a delete, a checkpoint's image)
 * while it holds its ingest lock, right after logging the change, so turns are drawn in log
 * order; the change is then made outside that lock once its turn comes, and passing the turn on
 * lets the next one in. Each series therefore sees its changes in log order, as a replay does,
 * while changes to different series run in parallel.
 *
 * <p>Waiting happens on this object, never on the series' monitor, so readers are not held up
 * by writers queueing for a series. A turn that comes right away costs two volatile accesses.
 */
public final class ApplyTurns {
  /** Turns handed out; only the holder of the database's ingest lock touches it. */
  private long drawn;
  /** The turn whose change may run now; written only by the holder of that turn. */
  private volatile long serving;
  /** Threads blocked in {@link #await}; tells {@link #pass} whether anyone needs waking. */
  private volatile int waiting;

  /** The next turn; the caller holds the database's ingest lock. */
  public long draw() {
    return drawn++;
  }

  /** Returns once {@code turn} is being served; an interrupt is kept for later, not obeyed. */
  public void await(long turn) {
    if (serving == turn) {
      return;
    }
    boolean interrupted = false;
    synchronized (this) {
      waiting++;
      try {
        while (serving != turn) {
          try {
            wait();
          } catch (InterruptedException e) {
            // the turn must still be taken and passed on, or every later change to the series stops
            interrupted = true;
          }
        }
      } finally {
        waiting--;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Ends the turn being served. A waiter announces itself ({@code waiting}) before it reads
   * {@code serving}, and this writes {@code serving} before it reads {@code waiting}: so either
   * the waiter sees the new turn, or this sees the waiter and wakes it.
   */
  public void pass() {
    serving++;
    if (waiting > 0) {
      synchronized (this) {
        notifyAll();
      }
    }
  }
}
