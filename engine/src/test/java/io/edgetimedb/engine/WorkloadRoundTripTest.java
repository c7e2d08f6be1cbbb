package io.edgetimedb.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.engine.index.TagPredicate;
import io.edgetimedb.engine.read.PointCursor;
import io.edgetimedb.engine.read.ReadRequest;
import io.edgetimedb.engine.schema.FieldType;
import io.edgetimedb.engine.write.PointBatch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A random mixed workload (every type, sparse fields, late points, rewrites of the same
 * timestamp, a field that widens) is written and read back, series by series, in order and
 * in reverse, over random time ranges, and compared row by row with a simple model.
 */
class WorkloadRoundTripTest {
  private static final String[] FIELDS = {"d", "l", "b", "s", "y", "w"};

  @ParameterizedTest(name = "seed {0}, {1}-row chunks")
  @CsvSource({"1, 1", "2, 2", "3, 7", "4, 64", "5, 1024", "6, 16", "7, 3", "8, 128"})
  void readsBackExactlyWhatWasWritten(long seed, int chunkRows) {
    SplittableRandom random = new SplittableRandom(seed);
    Database db = Database.open(DatabaseConfig.defaults().withChunkRows(chunkRows));
    Map<String, NavigableMap<Long, Map<String, Object>>> model = new HashMap<>();
    long[] newest = new long[12];
    Arrays.fill(newest, 1_000_000);
    PointBatch batch = new PointBatch();
    for (int round = 0; round < 40; round++) {
      int points = 1 + random.nextInt(200);
      for (int p = 0; p < points; p++) {
        int series = random.nextInt(newest.length);
        long ts = nextTimestamp(random, newest, series);
        addPoint(batch, model, random, series, ts);
      }
      assertThat(db.write(batch).allAccepted()).isTrue();
      batch.clear();
    }
    FieldType widened = db.fields("m").stream().filter(f -> f.name().equals("w")).findFirst().orElseThrow().type();

    for (String id : model.keySet()) {
      NavigableMap<Long, Map<String, Object>> rows = model.get(id);
      assertSeries(db, id, rows, widened, Long.MIN_VALUE, Long.MAX_VALUE, false);
      assertSeries(db, id, rows, widened, Long.MIN_VALUE, Long.MAX_VALUE, true);
      long from = rows.firstKey() + random.nextLong(1 + rows.lastKey() - rows.firstKey());
      long to = from + random.nextLong(60_000);
      assertSeries(db, id, rows.subMap(from, true, to, false), widened, from, to, random.nextBoolean());
    }
    assertThat(db.memoryUsage().points()).isEqualTo(model.values().stream().mapToLong(Map::size).sum());
  }

  private static long nextTimestamp(SplittableRandom random, long[] newest, int series) {
    int roll = random.nextInt(100);
    if (roll < 80) {
      newest[series] += 1 + random.nextInt(2000);
      return newest[series];
    }
    if (roll < 90) {
      return newest[series];  // rewrite of the newest timestamp
    }
    return newest[series] - random.nextInt(600_000);  // late, inside the one-hour window
  }

  private static void addPoint(PointBatch batch, Map<String, NavigableMap<Long, Map<String, Object>>> model,
      SplittableRandom random, int series, long ts) {
    String id = "s" + series;
    batch.point("m", ts).tag("id", id);
    if (series % 3 == 0) {
      batch.tag("site", "site" + (series % 2));
    }
    Map<String, Object> row = model.computeIfAbsent(id, k -> new TreeMap<>()).computeIfAbsent(ts, k -> new HashMap<>());
    boolean any = false;
    for (String field : FIELDS) {
      if (random.nextInt(3) == 0 && (any || !field.equals("w"))) {
        continue;
      }
      any = true;
      Object value = randomValue(random, field);
      row.put(field, value);
      if (value instanceof Double d) {
        batch.field(field, d);
      } else if (value instanceof Long l) {
        batch.field(field, l);
      } else if (value instanceof Boolean b) {
        batch.field(field, b);
      } else if (value instanceof String s) {
        batch.field(field, s);
      } else {
        batch.field(field, (byte[]) value);
      }
    }
  }

  private static Object randomValue(SplittableRandom random, String field) {
    return switch (field) {
      case "d" -> random.nextInt(10) == 0 ? Double.longBitsToDouble(random.nextLong()) : random.nextInt(100_000) / 100.0;
      case "l" -> random.nextInt(10) == 0 ? random.nextLong() : (long) random.nextInt(1000);
      case "b" -> random.nextBoolean();
      case "s" -> List.of("OK", "WARN", "", "ALARM ✓").get(random.nextInt(4));
      case "y" -> {
        byte[] bytes = new byte[random.nextInt(6)];
        random.nextBytes(bytes);
        yield bytes;
      }
      default -> switch (random.nextInt(3)) {
        case 0 -> random.nextBoolean();
        case 1 -> (long) random.nextInt(1000);
        default -> random.nextInt(1000) / 8.0;
      };
    };
  }

  private static void assertSeries(Database db, String id, NavigableMap<Long, Map<String, Object>> expected,
      FieldType widened, long from, long to, boolean descending) {
    List<Long> expectedTimestamps = new ArrayList<>(descending ? expected.descendingKeySet() : expected.keySet());
    List<Long> actualTimestamps = new ArrayList<>();
    ReadRequest request = ReadRequest.of("m").where(TagPredicate.eq("id", id)).fields(FIELDS)
        .timeRange(from, to).descending(descending);
    try (PointCursor c = db.read(request)) {
      while (c.next()) {
        assertThat(c.tag(c.tagKeys().indexOf("id"))).isEqualTo(id);
        Map<String, Object> row = expected.get(c.timestamp());
        assertThat(row).as("row at %d of %s", c.timestamp(), id).isNotNull();
        for (int i = 0; i < FIELDS.length; i++) {
          Object want = row.get(FIELDS[i]);
          Object got = c.getObject(i);
          if (FIELDS[i].equals("w") && want != null) {
            want = cast(want, widened);
          }
          assertValue(got, want, id, c.timestamp(), FIELDS[i]);
        }
        actualTimestamps.add(c.timestamp());
      }
    }
    assertThat(actualTimestamps).isEqualTo(expectedTimestamps);
  }

  private static void assertValue(Object got, Object want, String id, long ts, String field) {
    String where = id + " at " + ts + " field " + field;
    if (want instanceof Double d) {
      assertThat(got).as(where).isInstanceOf(Double.class);
      assertThat(Double.doubleToRawLongBits((Double) got)).as(where).isEqualTo(Double.doubleToRawLongBits(d));
    } else if (want instanceof byte[] y) {
      assertThat((byte[]) got).as(where).isEqualTo(y);
    } else {
      assertThat(got).as(where).isEqualTo(want);
    }
  }

  private static Object cast(Object value, FieldType type) {
    return switch (type) {
      case BOOLEAN -> value;
      case BIGINT -> value instanceof Boolean b ? (b ? 1L : 0L) : value;
      case DOUBLE -> value instanceof Boolean b ? (b ? 1.0 : 0.0) : ((Number) value).doubleValue();
      default -> throw new AssertionError("w never widens past DOUBLE");
    };
  }
}
