package io.edgetimedb.bench.chaos;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Cross joins of the feed with itself over remote SQL, half of them through Avatica's own
 * driver: the first half with {@code setQueryTimeout}, which must end them on the server, the
 * rest abandoned when the attack's time is up (the client closes its connection and goes away,
 * as a crashed dashboard would), which must not leave them running.
 */
final class CrossJoinAttack implements Attack {
  /** How late a timed-out query may end: the server checks for cancellation between rows, not continuously. */
  private static final int TIMEOUT_SLACK_SECONDS = 2;
  private final int queries;
  private final int timeoutSeconds;

  CrossJoinAttack(int queries, int timeoutSeconds) {
    this.queries = queries;
    this.timeoutSeconds = timeoutSeconds;
  }

  @Override
  public String name() {
    return "cross-join";
  }

  @Override
  public String description() {
    return queries + " remote `SELECT COUNT(*) FROM feed a CROSS JOIN feed b` at once, half of them with "
        + "`setQueryTimeout(" + timeoutSeconds + ")`, the rest abandoned (connection closed) when the phase ends";
  }

  @Override
  public Outcome run(ServerProcess server, long deadlineNanos) throws Exception {
    List<Connection> connections = new ArrayList<>();
    List<CompletableFuture<String>> results = new ArrayList<>();
    long started = System.nanoTime();
    for (int i = 0; i < queries; i++) {
      Connection c = DriverManager.getConnection(i % 2 == 0 ? server.jdbcUrl() : server.avaticaUrl());
      connections.add(c);
      results.add(RemoteQuery.start(c, i < queries / 2 ? timeoutSeconds : 0, 0,
          "SELECT COUNT(*) FROM " + SteadyFeed.MEASUREMENT + " a CROSS JOIN " + SteadyFeed.MEASUREMENT + " b",
          started));
    }
    List<String> timed = new ArrayList<>();
    List<String> abandoned = new ArrayList<>();
    for (int i = 0; i < queries; i++) {
      (i < queries / 2 ? timed : abandoned).add(RemoteQuery.outcome(results.get(i), deadlineNanos));
    }
    RemoteQuery.abandon(connections);
    List<String> broken = new ArrayList<>();
    if (timed.stream().anyMatch(t -> t.startsWith("still running")) && System.nanoTime() - started
        > (timeoutSeconds + TIMEOUT_SLACK_SECONDS) * 1_000_000_000L) {
      broken.add("setQueryTimeout(" + timeoutSeconds + ") was not honoured");
    }
    if (timed.stream().anyMatch(RemoteQuery::leaksStackTrace)) {
      broken.add("a stack trace left the server");
    }
    return Outcome.of("with setQueryTimeout(" + timeoutSeconds + "): " + String.join("; ", timed) + " | abandoned: "
        + String.join("; ", abandoned), broken);
  }
}
