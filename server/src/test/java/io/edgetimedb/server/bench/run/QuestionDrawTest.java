package io.edgetimedb.server.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgetimedb.engine.simulation.SensorFeed;
import io.edgetimedb.engine.write.PointBatch;
import io.edgetimedb.server.bench.QueryArguments;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuestionDrawTest {
  private static final long START = 1_699_999_980_000L; // a whole minute

  @Test
  void theFrontierIsWholeTicksOfTheFeedAndThePrefixAnHour() {
    DataTime time = new DataTime(START, 100);
    assertThat(time.prefixPoints()).isEqualTo(360_000);
    assertThat(time.frontierMillis(0)).isEqualTo(START);
    assertThat(time.frontierMillis(199)).as("a tick counts once every sensor's reading is in").isEqualTo(START + 1_000);
    assertThat(time.frontierMillis(360_000)).isEqualTo(START + 3_600_000);
  }

  @Test
  void argumentsNameATemperatureSensorWithTheTagsTheFeedGivesItAndAWholeHourOfWrittenData() {
    int sensors = 1_000;
    Map<String, List<String>> feedTags = temperatureTags(sensors);
    DataTime time = new DataTime(START, sensors);
    QuestionDraw draw = new QuestionDraw(time, 1);
    long written = 2 * time.prefixPoints();
    for (int i = 0; i < 500; i++) {
      QueryArguments a = draw.draw(written);
      assertThat(feedTags).containsKey(a.sensor());
      assertThat(List.of(a.site(), a.line())).isEqualTo(feedTags.get(a.sensor()));
      assertThat(a.toMillis()).isEqualTo(START + 7_200_000);
      assertThat(a.fromMillis()).isBetween(START, a.toMillis() - 3_600_000).matches(f -> f % 60_000 == 0, "whole minutes");
    }
  }

  @Test
  void theSameSeedAsksTheSameQuestionsOfEveryTarget() {
    DataTime time = new DataTime(START, 100);
    QuestionDraw a = new QuestionDraw(time, 7);
    QuestionDraw b = new QuestionDraw(time, 7);
    for (int i = 0; i < 20; i++) {
      assertThat(a.draw(500_000)).isEqualTo(b.draw(500_000));
    }
  }

  @Test
  void lessThanAnHourOfDataIsRefusedAndExactlyAnHourAsksAboutThatHour() {
    DataTime time = new DataTime(START, 10);
    QuestionDraw draw = new QuestionDraw(time, 1);
    assertThatThrownBy(() -> draw.draw(35_999)).hasMessage("only 3599 s of data: the questions need an hour");
    assertThat(draw.draw(36_000).fromMillis()).isEqualTo(START);
  }

  /** Sensor id to [site, line] of every temperature reading of one tick of the real feed. */
  private static Map<String, List<String>> temperatureTags(int sensors) {
    PointBatch batch = new PointBatch();
    new SensorFeed(sensors, 1, START, 1_000).nextTick(batch);
    Map<String, List<String>> tags = new HashMap<>();
    for (int p = 0; p < batch.size(); p++) {
      if (batch.measurement(p).equals("temperature")) {
        Map<String, String> point = new HashMap<>();
        for (int t = batch.tagStart(p); t < batch.tagStart(p) + batch.tagCount(p); t++) {
          point.put(batch.tagKeys()[t], batch.tagValues()[t]);
        }
        tags.put(point.get("sensor"), List.of(point.get("site"), point.get("line")));
      }
    }
    return tags;
  }
}
