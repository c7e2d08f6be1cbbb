package io.edgetimedb.engine.sources;

import io.edgetimedb.engine.write.ClockCheck;
import io.edgetimedb.engine.write.WriteResult;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The statistics of every source that wrote since the database opened (they are not kept across
 * a restart), for {@code sys.sources}: one entry per source name, at most {@code limit} of them.
 * Past the limit the source seen least recently is forgotten, so a fleet of short-lived senders
 * (every HTTP client's address, every MQTT topic) cannot grow the map without bound; a forgotten
 * source that writes again starts afresh.
 *
 * <p>Updated once per batch under one lock (a few additions and an access-ordered map lookup,
 * no allocation for a known source), so writers of different sources barely contend.
 */
public final class TrackedSources {
  private final LinkedHashMap<String, SourceActivity> sources = new LinkedHashMap<>(64, 0.75f, true);
  private int limit;
  private long refusedByLimits;

  /** @param limit how many sources are tracked at most; at least 1 */
  public TrackedSources(int limit) {
    limit(limit);
  }

  /** Changes how many sources are tracked; the least recently seen beyond the new limit are forgotten. */
  public synchronized void limit(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("at least one source must be tracked, asked for " + limit);
    }
    this.limit = limit;
    forgetBeyondLimit();
  }

  /**
   * Counts a written batch of {@code source}: its result, how many of its refusals were the
   * limits' and what the clock policy did to it.
   */
  public synchronized void record(String source, WriteResult result, int refusedByLimits, ClockCheck clock) {
    this.refusedByLimits += refusedByLimits;
    SourceActivity activity = sources.get(source);
    if (activity == null) {
      activity = new SourceActivity(clock.receivedMillis());
      sources.put(source, activity);
      forgetBeyondLimit();
    }
    activity.record(result.accepted(), result.rejected().size(), refusedByLimits, clock);
  }

  /** Points refused by ingest.max-fields or ingest.max-series since the start, sources forgotten since included. */
  public synchronized long refusedByLimits() {
    return refusedByLimits;
  }

  /** Every tracked source, least recently written first. */
  public synchronized List<SourceStatus> statuses() {
    List<SourceStatus> out = new ArrayList<>(sources.size());
    sources.forEach((source, activity) -> out.add(activity.status(source)));
    return out;
  }

  private void forgetBeyondLimit() {
    Iterator<SourceActivity> eldest = sources.values().iterator();
    while (sources.size() > limit) {
      eldest.next();
      eldest.remove();
    }
  }
}
