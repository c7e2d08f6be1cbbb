package io.edgetimedb.bench.chaos;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * Bodies of one giant line each, sent in parallel: every one alone is within the body limit, all
 * together they are more than the server's heap can hold unless it bounds the bytes in flight.
 */
final class GiantBodyAttack implements Attack {
  private final int bodies;
  private final int bytes;

  GiantBodyAttack(int bodies, int bytes) {
    this.bodies = bodies;
    this.bytes = bytes;
  }

  @Override
  public String name() {
    return "giant-bodies";
  }

  @Override
  public String description() {
    return bodies + " parallel `POST /api/v2/write` of one " + (bytes >> 20) + " MiB line each (a string field)";
  }

  @Override
  public Outcome run(ServerProcess server, long deadlineNanos) throws Exception {
    byte[] body = body(bytes);
    List<CompletableFuture<String>> sent = new ArrayList<>();
    for (int i = 0; i < bodies; i++) {
      sent.add(CompletableFuture.supplyAsync(() -> {
        try {
          return WriteRequest.post(server, body, Attack.patience(deadlineNanos));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return "interrupted";
        }
      }, runnable -> {
        Thread t = new Thread(runnable, "chaos-giant-body");
        t.setDaemon(true);
        t.start();
      }));
    }
    Map<String, Integer> kinds = new TreeMap<>();
    String example = "";
    String unnamed = "";
    for (CompletableFuture<String> s : sent) {
      String outcome = s.join();
      kinds.merge(WriteRequest.kind(outcome), 1, Integer::sum);
      example = outcome.startsWith("204") ? example : outcome;
      unnamed = WriteRequest.named(outcome) ? unnamed : outcome;
    }
    return Outcome.of("answers " + kinds + (example.isEmpty() ? "" : "; e.g. " + example),
        unnamed.isEmpty() ? List.of() : List.of("a body got no named refusal: " + unnamed));
  }

  private static byte[] body(int bytes) {
    byte[] prefix = "giant,attack=body text=\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] body = new byte[bytes];
    Arrays.fill(body, (byte) 'x');
    System.arraycopy(prefix, 0, body, 0, prefix.length);
    body[bytes - 2] = '"';
    body[bytes - 1] = '\n';
    return body;
  }
}
