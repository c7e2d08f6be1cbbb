package io.edgetimedb.bench.chaos;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/** One hostile line-protocol write to {@code POST /api/v2/write} and what it got back, for the report. */
final class WriteRequest {
  /** HTTP/1.1 as InfluxDB clients speak it (Java's default would first try an HTTP/2 upgrade). */
  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  private WriteRequest() {}

  /**
   * "204", "413 request too large: ..." (status, the error's code and message), "no answer
   * within 12 s" or the exception that ended the exchange.
   */
  static String post(ServerProcess server, byte[] body, Duration timeout) throws InterruptedException {
    try {
      HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(server.http("/api/v2/write?precision=ms"))
          .timeout(timeout).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
          HttpResponse.BodyHandlers.ofString());
      String answer = r.body().replaceAll("\\s+", " ").strip();
      return r.statusCode() + (answer.isEmpty() ? "" : " " + (answer.length() > 120 ? answer.substring(0, 120) + "..."
          : answer));
    } catch (HttpTimeoutException e) {
      return "no answer within " + timeout.toSeconds() + " s";
    } catch (IOException e) {
      return e.getClass().getSimpleName();
    }
  }

  /**
   * Whether the answer is one a client can act on: accepted (2xx), refused by name (4xx) or told
   * to come back (503). A 500, another 5xx, no answer or a broken connection is not.
   */
  static boolean named(String outcome) {
    String kind = kind(outcome);
    return kind.matches("[24]\\d\\d|503");
  }

  /** The outcome without its message, to count outcomes by kind: "204", "413", "no answer". */
  static String kind(String outcome) {
    return outcome.startsWith("no answer") ? "no answer" : outcome.split(" ", 2)[0];
  }
}
