package io.edgetimedb.bench.chaos;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

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
  public String run(ServerProcess server, long deadlineNanos) throws Exception {
    List<Connection> flood = java.util.Collections.synchronizedList(new ArrayList<>());
    List<SQLException> refusals = java.util.Collections.synchronizedList(new ArrayList<>());
    try (Connection victim = DriverManager.getConnection(server.jdbcUrl())) {
      select1(victim);
      List<Thread> openers = new ArrayList<>();
      for (int i = 0; i < OPENERS; i++) {
        openers.add(new Thread(() -> open(server, flood, refusals, deadlineNanos), "chaos-connection-flood"));
      }
      openers.forEach(Thread::start);
      for (Thread t : openers) {
        t.join();
      }
      String victimAfter;
      try {
        select1(victim);
        victimAfter = "still served";
      } catch (SQLException e) {
        victimAfter = "lost: " + RemoteQuery.describe(e);
      }
      return String.format("%d opened, %d refused%s; the other client's connection %s", flood.size(), refusals.size(),
          refusals.isEmpty() ? "" : "; first refusal: " + RemoteQuery.describe(refusals.get(0)), victimAfter);
    } finally {
      RemoteQuery.abandon(flood);
    }
  }

  /** Opens connections until the flood has its count (opened and refused) or the deadline comes. */
  private void open(ServerProcess server, List<Connection> flood, List<SQLException> refusals, long deadlineNanos) {
    while (flood.size() + refusals.size() < connections && System.nanoTime() < deadlineNanos) {
      try {
        flood.add(DriverManager.getConnection(server.jdbcUrl()));
      } catch (SQLException e) {
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
