package org.apache.calcite.avatica;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code Statement.setQueryTimeout} for remote statements. Avatica's protocol carries no timeout
 * and its client ignores it; here, when a statement's execution outlives its timeout, the
 * statement is closed on the server, which stops the query there (the embedded driver cancels a
 * statement's running query when it closes), and the execution fails with a
 * {@link SQLTimeoutException} (SQLSTATE 57014). The next execution of a plain statement makes a new
 * server statement, as Avatica does for one the server forgot.
 */
final class RemoteQueryTimer {
  /** One daemon thread for every remote statement of the JVM: it only sends the closes. */
  private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "edgetimedb-remote-query-timeout");
    thread.setDaemon(true);
    return thread;
  });

  /** An execution of a statement: run it with {@link #run}. */
  interface Execution<T> {
    T run() throws SQLException;
  }

  private RemoteQueryTimer() {}

  static <T> T run(AvaticaStatement statement, Execution<T> execution) throws SQLException {
    int seconds = statement.getQueryTimeout();
    if (seconds <= 0) {
      return execution.run();
    }
    Meta.StatementHandle handle = statement.handle;
    AtomicBoolean fired = new AtomicBoolean();
    ScheduledFuture<?> timeout = TIMER.schedule(() -> {
      fired.set(true);
      statement.connection.meta.closeStatement(handle);
    }, seconds, TimeUnit.SECONDS);
    try {
      return execution.run();
    } catch (SQLException | RuntimeException e) {
      if (fired.get()) {
        throw new SQLTimeoutException("query timed out after " + seconds + " s", "57014", e);
      }
      throw e;
    } finally {
      timeout.cancel(false);
    }
  }
}
