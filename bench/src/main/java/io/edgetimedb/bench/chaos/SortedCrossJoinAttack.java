package io.edgetimedb.bench.chaos;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code ORDER BY} over a cross join with {@code setMaxRows(10)}: the client wants ten rows,
 * but without a bound on the query's memory the server sorts the whole product on its heap.
 */
final class SortedCrossJoinAttack implements Attack {
  @Override
  public String name() {
    return "sorted-cross-join";
  }

  @Override
  public String description() {
    return "one remote `SELECT a.value, b.value FROM feed a CROSS JOIN feed b ORDER BY a.value - b.value` with "
        + "`setMaxRows(10)`, abandoned when the phase ends";
  }

  @Override
  public Outcome run(ServerProcess server, long deadlineNanos) throws Exception {
    Connection c = DriverManager.getConnection(server.jdbcUrl());
    String sql = "SELECT a.\"value\", b.\"value\" FROM " + SteadyFeed.MEASUREMENT + " a CROSS JOIN "
        + SteadyFeed.MEASUREMENT + " b ORDER BY a.\"value\" - b.\"value\"";
    String outcome = RemoteQuery.outcome(RemoteQuery.start(c, 0, 10, sql, System.nanoTime()), deadlineNanos);
    RemoteQuery.abandon(List.of(c));
    List<String> broken = new ArrayList<>();
    if (outcome.contains("OutOfMemoryError")) {
      broken.add("the sort ran out of heap");
    }
    if (RemoteQuery.leaksStackTrace(outcome)) {
      broken.add("a stack trace left the server");
    }
    return Outcome.of(outcome, broken);
  }
}
