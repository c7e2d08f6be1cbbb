package io.edgetimedb.bench.chaos;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A new tag value on every point, in writes of 10,000 lines, until the count is reached or the
 * phase ends: the series count must meet a named refusal, not the end of the heap.
 */
final class SeriesFloodAttack implements Attack {
  private static final int LINES_PER_WRITE = 10_000;
  private final int series;
  private int round;

  SeriesFloodAttack(int series) {
    this.series = series;
  }

  @Override
  public String name() {
    return "series-flood";
  }

  @Override
  public String description() {
    return "up to " + series + " new series (one new tag value per point) in writes of " + LINES_PER_WRITE
        + " lines, as fast as they are answered";
  }

  @Override
  public Outcome run(ServerProcess server, long deadlineNanos) throws Exception {
    round++;
    Map<String, Integer> kinds = new TreeMap<>();
    String refusal = "";
    String unnamed = "";
    int sent = 0;
    long accepted = 0;
    while (sent < series && System.nanoTime() < deadlineNanos) {
      int lines = Math.min(LINES_PER_WRITE, series - sent);
      StringBuilder body = new StringBuilder(lines * 48);
      for (int i = 0; i < lines; i++) {
        body.append("seriesflood,id=r").append(round).append('n').append(sent + i).append(" value=1i\n");
      }
      String outcome = WriteRequest.post(server, body.toString().getBytes(StandardCharsets.UTF_8),
          Attack.patience(deadlineNanos));
      kinds.merge(WriteRequest.kind(outcome), 1, Integer::sum);
      if (outcome.startsWith("204")) {
        accepted += lines;
      } else if (refusal.isEmpty()) {
        refusal = "; first refusal after " + accepted + " series: " + outcome;
      }
      unnamed = WriteRequest.named(outcome) ? unnamed : outcome;
      sent += lines;
    }
    return Outcome.of(String.format("%,d new series sent, %,d accepted, answers %s%s", sent, accepted, kinds, refusal),
        unnamed.isEmpty() ? List.of() : List.of("a write got no named refusal: " + unnamed));
  }
}
