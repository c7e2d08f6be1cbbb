package io.edgetimedb.engine.write;

import io.edgetimedb.engine.catalog.Catalog;
import io.edgetimedb.engine.chunk.ChunkDecoder;
import io.edgetimedb.engine.chunk.ChunkEncoder;
import io.edgetimedb.engine.series.Series;
import org.roaringbitmap.IntIterator;
import org.roaringbitmap.RoaringBitmap;

/**
 * A logged delete waiting for its turn in each series it touches (see
 * {@link io.edgetimedb.engine.series.ApplyTurns}): points logged before it are applied to a
 * series first, points logged after it wait until its rows are gone, as in a replay.
 */
public final class QueuedDelete {
  private final Series[] series;
  private final long[] turns;
  private final long from;
  private final long to;

  private QueuedDelete(Series[] series, long[] turns, long from, long to) {
    this.series = series;
    this.turns = turns;
    this.from = from;
    this.to = to;
  }

  /** Draws a turn in each listed series that still exists; the caller holds the ingest lock. */
  static QueuedDelete draw(Catalog catalog, RoaringBitmap seriesIds, long from, long to) {
    Series[] targets = new Series[seriesIds.getCardinality()];
    long[] turns = new long[targets.length];
    int n = 0;
    IntIterator ids = seriesIds.getIntIterator();
    while (ids.hasNext()) {
      Series s = catalog.series(ids.next());
      if (s != null) {
        targets[n] = s;
        turns[n++] = s.turns().draw();
      }
    }
    return new QueuedDelete(targets, turns, from, to);
  }

  /**
   * Deletes [from, to) from each series in its turn, under the delete's log sequence; returns
   * the rows deleted. Every turn is passed on, even when a series fails.
   */
  long apply(ChunkEncoder encoder, ChunkDecoder decoder, long sequence) {
    long deleted = 0;
    int i = 0;
    try {
      for (; i < series.length && series[i] != null; i++) {
        series[i].turns().await(turns[i]);
        try {
          deleted += series[i].delete(from, to, encoder, decoder, sequence);
        } finally {
          series[i].turns().pass();
        }
      }
    } finally {
      passTurnsFrom(i + 1);
    }
    return deleted;
  }

  private void passTurnsFrom(int first) {
    for (int i = first; i < series.length && series[i] != null; i++) {
      series[i].turns().await(turns[i]);
      series[i].turns().pass();
    }
  }
}
