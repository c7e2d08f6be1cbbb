package io.edgetimedb.bench.chaos;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** One line with tens of thousands of new fields: the schema must grow in O(1) per field, or refuse. */
final class FieldFloodAttack implements Attack {
  private final int fields;
  private int round;

  FieldFloodAttack(int fields) {
    this.fields = fields;
  }

  @Override
  public String name() {
    return "field-flood";
  }

  @Override
  public String description() {
    return "one `POST /api/v2/write` of one line with " + fields + " new fields (a new measurement each time)";
  }

  @Override
  public Outcome run(ServerProcess server, long deadlineNanos) throws Exception {
    StringBuilder line = new StringBuilder("fieldflood").append(++round).append(",attack=fields ");
    for (int f = 0; f < fields; f++) {
      line.append(f == 0 ? "" : ",").append('f').append(f).append('=').append(f).append('i');
    }
    long started = System.nanoTime();
    String outcome = WriteRequest.post(server, line.append('\n').toString().getBytes(StandardCharsets.UTF_8),
        Attack.patience(deadlineNanos));
    return Outcome.of(String.format("%s after %.1f s", outcome, (System.nanoTime() - started) / 1e9),
        WriteRequest.named(outcome) ? List.of() : List.of("no named answer to the line"));
  }
}
