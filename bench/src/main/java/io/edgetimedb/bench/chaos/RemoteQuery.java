package io.edgetimedb.bench.chaos;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A query a hostile client runs over remote SQL on a thread of its own, so that the attack can
 * give up waiting for it (a client that went away) while the server may still be running it.
 */
final class RemoteQuery {
  private static final String STACK_TRACE = " [the server's stack trace came with it]";

  private RemoteQuery() {}

  /**
   * Runs {@code sql} on a daemon thread; the future says how it ended, timed from {@code
   * startedNanos}. {@code timeoutSeconds} and {@code maxRows} of 0 leave the JDBC defaults.
   */
  static CompletableFuture<String> start(Connection c, int timeoutSeconds, int maxRows, String sql, long startedNanos) {
    CompletableFuture<String> outcome = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      try (Statement s = c.createStatement()) {
        s.setQueryTimeout(timeoutSeconds);
        s.setMaxRows(maxRows);
        long rows = 0;
        try (ResultSet rs = s.executeQuery(sql)) {
          while (rs.next()) {
            rows++;
          }
        }
        outcome.complete(String.format("returned %d rows after %.1f s", rows, seconds(startedNanos)));
      } catch (SQLException | RuntimeException e) {
        outcome.complete(String.format("refused after %.1f s: %s", seconds(startedNanos), describe(e)));
      }
    }, "chaos-query");
    t.setDaemon(true);
    t.start();
    return outcome;
  }

  /** How the query ended, or that it was still running when the deadline came. */
  static String outcome(CompletableFuture<String> query, long deadlineNanos) throws InterruptedException {
    try {
      return query.get(Attack.remaining(deadlineNanos).toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      return "still running at the phase end";
    } catch (ExecutionException e) {
      return "failed: " + e.getCause();
    }
  }

  /** Closes the connections without waiting for the server's answer, as a client that goes away. */
  static void abandon(List<Connection> connections) {
    Thread t = new Thread(() -> connections.forEach(c -> {
      try {
        c.close();
      } catch (SQLException | RuntimeException e) {
        // the client is leaving: whatever the server says to the close is not heard
      }
    }), "chaos-abandon");
    t.setDaemon(true);
    t.start();
  }

  /**
   * SQLSTATE (or, when the driver threw something else, its class) and the message's first line,
   * shortened: what the client was told; {@link #STACK_TRACE} after it when the server's stack
   * trace came along.
   */
  static String describe(Exception e) {
    String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("").strip();
    String state = e instanceof SQLException s ? (s.getSQLState() == null ? "no SQLSTATE" : "SQLSTATE " + s.getSQLState())
        : e.getClass().getSimpleName();
    // Avatica's client exception carries the server's stack trace beside its message, in toString
    boolean trace = e.toString().contains("\n\tat ");
    return state + " " + (message.length() > 140 ? message.substring(0, 140) + "..." : message)
        + (trace ? STACK_TRACE : "");
  }

  /** Whether an answer {@link #describe}d came with the server's stack trace (issue 12: none may leave it). */
  static boolean leaksStackTrace(String described) {
    return described.contains(STACK_TRACE);
  }

  private static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }
}
