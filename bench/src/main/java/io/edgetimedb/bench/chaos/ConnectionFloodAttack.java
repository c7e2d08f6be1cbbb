package io.edgetimedb.bench.chaos;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One client opening remote connections until it has many: it must be refused at its limit, and
 * a connection another client opened before must go on working (not be evicted to make room).
 */
final class ConnectionFloodAttack implements Attack {
  private static final int OPENERS = 8;
  private final int connections;

  ConnectionFloodAttack(int connections) {
    this.connections = connections;
  }

  @Override
  public String name() {
    return "connection-flood";
  }

  @Override
  public String description() {
    return "one client opens " + connections + " remote JDBC connections (" + OPENERS + " threads) while another "
        + "client's connection, opened before, is used after";
  }

  @Override
  public Outcome run(ServerProcess server, long deadlineNanos) throws Exception {
    List<Connection> flood = Collections.synchronizedList(new ArrayList<>());
    List<Exception> refusals = Collections.synchronizedList(new ArrayList<>());
    try (Connection victim = DriverManager.getConnection(server.jdbcUrl())) {
      select1(victim);
      List<Thread> openers = new ArrayList<>();
      AtomicInteger attempts = new AtomicInteger();
      for (int i = 0; i < OPENERS; i++) {
        openers.add(new Thread(() -> open(server, attempts, flood, refusals, deadlineNanos), "chaos-connection-flood"));
      }
      openers.forEach(Thread::start);
      for (Thread t : openers) {
        t.join();
      }
      String victimLost = "";
      try {
        select1(victim);
      } catch (SQLException | RuntimeException e) {
        victimLost = RemoteQuery.describe(e);
      }
      String refusal = refusals.isEmpty() ? "" : RemoteQuery.describe(refusals.get(0));
      List<String> broken = new ArrayList<>();
      if (!victimLost.isEmpty()) {
        broken.add("the other client's connection was evicted");
      }
      if (RemoteQuery.leaksStackTrace(victimLost + refusal)) {
        broken.add("a stack trace left the server");
      }
      return Outcome.of(String.format("%d opened, %d refused%s; the other client's connection %s", flood.size(),
          refusals.size(), refusal.isEmpty() ? "" : "; first refusal: " + refusal,
          victimLost.isEmpty() ? "still served" : "lost: " + victimLost), broken);
    } finally {
      RemoteQuery.abandon(flood);
    }
  }

  /** Opens connections until the flood has its count (opened and refused) or the deadline comes. */
  private void open(ServerProcess server, AtomicInteger attempts, List<Connection> flood,
      List<Exception> refusals, long deadlineNanos) {
    while (System.nanoTime() < deadlineNanos && attempts.getAndIncrement() < connections) {
      try {
        flood.add(DriverManager.getConnection(server.jdbcUrl()));
      } catch (SQLException | RuntimeException e) {
        refusals.add(e);
      }
    }
  }

  private static void select1(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
      rs.next();
    }
  }
}
