package io.edgetimedb.server.bench.run;

import io.edgetimedb.engine.simulation.SensorFeed;
import io.edgetimedb.engine.simulation.SensorKind;
import io.edgetimedb.server.bench.QueryArguments;
import java.util.SplittableRandom;

/**
 * Draws the arguments of a question from the data written so far: a temperature sensor of the
 * feed (its id, site and line as {@link SensorFeed} tags it), a 1-hour window starting at any whole
 * minute of the data that holds a full hour (so on minute-aligned data the 1-minute buckets are
 * exactly 60), and the current end of the data. Seeded, so a run asks the same questions of every
 * target.
 */
final class QuestionDraw {
  private static final long HOUR = 3_600_000L;
  private static final long MINUTE = 60_000L;
  private static final int KINDS = SensorKind.values().length;

  private final DataTime time;
  private final SplittableRandom random;

  QuestionDraw(DataTime time, long seed) {
    this.time = time;
    this.random = new SplittableRandom(seed);
  }

  /** Arguments for a question asked once {@code pointsWritten} points are in; needs an hour of data. */
  QueryArguments draw(long pointsWritten) {
    long end = time.frontierMillis(pointsWritten);
    long latestHourStart = end - HOUR;
    if (latestHourStart < time.startMillis()) {
      throw new IllegalStateException("only " + (end - time.startMillis()) / 1000 + " s of data: the questions need an hour");
    }
    long minutes = (latestHourStart - time.startMillis()) / MINUTE;
    long from = time.startMillis() + random.nextLong(minutes + 1) * MINUTE;
    int temperatureSensors = (time.sensors() + KINDS - 1) / KINDS;
    int sensor = random.nextInt(temperatureSensors) * KINDS;
    return new QueryArguments(String.format("s%05d", sensor), "site-" + (sensor % 4), "line-" + (sensor % 25), from, end);
  }
}
