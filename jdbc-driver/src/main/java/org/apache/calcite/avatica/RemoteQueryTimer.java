package org.apache.calcite.avatica;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.calcite.avatica.remote.OutOfBand;

/**
 * {@code Statement.setQueryTimeout} and {@code Statement.cancel} for one remote statement.
 * Avatica's protocol carries neither a timeout nor a cancel, and its client holds the statement's
 * lock while it executes. Here, when an execution outlives the statement's timeout, or is
 * cancelled, the statement is closed on the server in a separate HTTP request sent straight
 * through the connection's service ({@link OutOfBand}), never through the locked statement; the
 * server's close sets the running query's cancel flag, its guards stop it, and the blocked
 * execution fails: with a {@link SQLTimeoutException} (SQLSTATE 57014 {@code query timed out
 * after n s}), or for a cancel a SQLException (57014 {@code query cancelled}).
 *
 * <p>The close is sent again every second until the execution returns: Avatica re-executes on a
 * new server statement when the server no longer knows the old one, and that one must stop too.
 * The next execution of a plain statement makes a new server statement, as Avatica does for one
 * the server forgot.
 */
final class RemoteQueryTimer {
  private static final long RESEND_MILLIS = 1_000;
  /** One daemon thread for every remote statement of the JVM: it only schedules. */
  private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> daemon(r,
      "edgetimedb-remote-query-timeout"));
  /** Sends the closes: one may wait for the server while others are due. */
  private static final ExecutorService SENDER = Executors.newCachedThreadPool(r -> daemon(r,
      "edgetimedb-remote-query-stop"));

  private static Thread daemon(Runnable r, String name) {
    Thread thread = new Thread(r, name);
    thread.setDaemon(true);
    return thread;
  }

  /** An execution of a statement: run it with {@link #run}. */
  interface Execution<T> {
    T run() throws SQLException;
  }

  private enum Reason { TIMEOUT, CANCEL }

  private final AvaticaStatement statement;
  private volatile Run current;

  RemoteQueryTimer(AvaticaStatement statement) {
    this.statement = statement;
  }

  <T> T run(Execution<T> execution) throws SQLException {
    if (current != null) {
      return execution.run(); // nested within an execution already watched
    }
    int seconds = statement.getQueryTimeout();
    Run run = new Run();
    current = run;
    ScheduledFuture<?> timeout = seconds > 0
        ? TIMER.schedule(() -> run.stop(Reason.TIMEOUT), seconds, TimeUnit.SECONDS) : null;
    try {
      T result;
      try {
        result = execution.run();
      } catch (SQLException | RuntimeException e) {
        Reason reason = run.end();
        if (reason != null) {
          throw failure(reason, seconds, e);
        }
        throw e;
      }
      Reason reason = run.end();
      if (reason != null) { // stopped as it returned: its server statement may be closed
        throw failure(reason, seconds, null);
      }
      return result;
    } finally {
      current = null;
      if (timeout != null) {
        timeout.cancel(false);
      }
    }
  }

  /** Stops the running execution, if any, out of band; nothing runs: nothing to do. */
  void cancel() {
    Run run = current;
    if (run != null) {
      run.stop(Reason.CANCEL);
    }
  }

  private static SQLException failure(Reason reason, int seconds, Exception cause) {
    return reason == Reason.TIMEOUT
        ? new SQLTimeoutException("query timed out after " + seconds + " s", "57014", cause)
        : new SQLException("query cancelled", "57014", cause);
  }

  /** One execution: why it was stopped, if it was, and the repeated close while it runs. */
  private final class Run {
    private Reason reason;
    private boolean ended;
    private ScheduledFuture<?> resend;

    void stop(Reason why) {
      synchronized (this) {
        if (ended || reason != null) {
          return;
        }
        reason = why;
        resend = TIMER.scheduleWithFixedDelay(this::close, RESEND_MILLIS, RESEND_MILLIS, TimeUnit.MILLISECONDS);
      }
      close();
    }

    private void close() {
      synchronized (this) {
        if (ended) {
          return;
        }
      }
      Meta.StatementHandle handle = statement.handle; // the current one: Avatica may have made a new one
      SENDER.execute(() -> {
        try {
          OutOfBand.closeStatement(statement.connection.meta, handle);
        } catch (RuntimeException e) {
          // the server is unreachable or the statement gone: the next resend, or the execution's error, tells
        }
      });
    }

    synchronized Reason end() {
      ended = true;
      if (resend != null) {
        resend.cancel(false);
      }
      return reason;
    }
  }
}
