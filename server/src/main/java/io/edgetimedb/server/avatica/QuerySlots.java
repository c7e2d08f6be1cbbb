package io.edgetimedb.server.avatica;

import io.edgetimedb.engine.settings.Setting;
import io.edgetimedb.engine.settings.SettingsRegistry;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;

/**
 * The remote queries that may run at once ({@code avatica.query-slots}): a query execution or a
 * fetch of its rows holds a slot while it runs on the server. Ingestion never waits for one, so
 * however many heavy queries clients send, at most this many cores compute them and the rest stay
 * with the writers. A request that finds no slot free waits up to {@code avatica.query-slot-wait},
 * then is refused (SQLSTATE 53000) instead of piling up server threads.
 */
public final class QuerySlots {
  static final String SLOTS = "avatica.query-slots";
  static final String WAIT = "avatica.query-slot-wait";
  /** SQLSTATE 53000, insufficient resources. */
  static final String BUSY = "53000";

  private final int slots;
  private final long waitMillis;
  private final Semaphore free;
  private final AtomicLong refused = new AtomicLong();

  QuerySlots(int slots, long waitMillis) {
    if (slots < 1 || waitMillis < 0) {
      throw new IllegalArgumentException("query slots " + slots + " and wait " + waitMillis + " ms");
    }
    this.slots = slots;
    this.waitMillis = waitMillis;
    this.free = new Semaphore(slots, true);
  }

  /** One slot per core of a 2-core edge box would leave ingestion none: one slot by default. */
  static QuerySlots defaults() {
    return new QuerySlots(1, 30_000);
  }

  public static void define(SettingsRegistry r) {
    r.define(Setting.count(SLOTS, 1, "Remote queries computed at once; the others wait for a slot, so queries "
        + "cannot take the cores ingestion needs.").range(1, 1_024));
    r.define(Setting.duration(WAIT, 30_000, "How long a remote query waits for a free slot before it is refused "
        + "with SQLSTATE 53000.").range(0, 3_600_000L));
  }

  static QuerySlots from(SettingsRegistry r) {
    return new QuerySlots((int) r.longValue(SLOTS), r.longValue(WAIT));
  }

  /** Takes a slot, waiting up to the configured time; throws the refusal the client sees. */
  void take() {
    boolean taken;
    try {
      taken = free.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      taken = false;
    }
    if (!taken) {
      refused.incrementAndGet();
      throw new AvaticaRuntimeException("query refused: all " + slots + " query slots (" + SLOTS + ") stayed busy for "
          + waitMillis + " ms (" + WAIT + "); try again later", 0, BUSY, AvaticaSeverity.ERROR);
    }
  }

  void give() {
    free.release();
  }

  long refused() {
    return refused.get();
  }
}
