package io.edgetimedb.server.bench.peer;

import io.edgetimedb.server.bench.BenchTarget;
import io.edgetimedb.server.bench.Peer;
import io.edgetimedb.server.bench.PeerContext;
import io.edgetimedb.server.bench.PeerUnavailable;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * QuestDB's server started from its jar as a child JVM on loopback ports of its own, with its
 * files in the work directory; questioned through the PostgreSQL JDBC driver, which is loaded
 * from the peer jars too. See {@link QuestDbServerConf} for its settings and {@link QuestDbTarget}
 * for the tables, the feed and the questions.
 */
public final class QuestDbPeer implements Peer {
  private static final long START_TIMEOUT_MILLIS = 60_000;
  /** The heap of QuestDB's JVM: its data lives off-heap in memory-mapped files, the heap holds little. */
  private static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx512m");

  @Override
  public String name() {
    return "questdb";
  }

  @Override
  public BenchTarget start(PeerContext context) throws Exception {
    PeerJars jars = new PeerJars(context.peerJars());
    Path questdb = jars.jar(name(), "org.questdb", "questdb");
    ForeignDriver postgres = ForeignDriver.load(jars.jar(name(), "org.postgresql", "postgresql"),
        "jdbc:postgresql://127.0.0.1/qdb");
    PeerDirectory directory = PeerDirectory.create(context.workDirectory(), name());
    int[] ports = LoopbackPorts.free(3);
    QuestDbServerConf conf = new QuestDbServerConf(ports[0], ports[1], ports[2]);
    conf.writeTo(directory.path());
    context.log().println("questdb: starting " + questdb.getFileName() + " in " + directory.path()
        + " (ILP tcp://127.0.0.1:" + conf.ilpPort() + ", PG wire 127.0.0.1:" + conf.pgPort() + ")");
    ServerProcess server = ServerProcess.start(command(questdb, directory.path()), directory.path(),
        directory.path().resolve("server.log"));
    try {
      Connection connection = awaitReady(server, postgres, conf);
      try {
        return new QuestDbTarget(directory, server, conf, connection, context.sensors());
      } catch (Exception e) {
        try (connection) {
          throw e;
        }
      }
    } catch (Exception e) {
      try (server) {
        throw e;
      } finally {
        directory.delete();
      }
    }
  }

  private static List<String> command(Path jar, Path root) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java));
    command.addAll(JVM_OPTIONS);
    command.addAll(List.of("-p", jar.toString(), "-m", "io.questdb/io.questdb.ServerMain", "-d", root.toString()));
    return command;
  }

  /** Connects over the PostgreSQL wire as soon as the server answers there. */
  private static Connection awaitReady(ServerProcess server, ForeignDriver postgres, QuestDbServerConf conf)
      throws PeerUnavailable, InterruptedException {
    String url = "jdbc:postgresql://127.0.0.1:" + conf.pgPort() + "/qdb";
    Properties properties = new Properties();
    properties.setProperty("user", "admin");
    properties.setProperty("password", "quest");
    properties.setProperty("sslmode", "disable");
    properties.setProperty("connectTimeout", "5");
    long deadline = System.nanoTime() + START_TIMEOUT_MILLIS * 1_000_000;
    while (true) {
      if (!server.isAlive()) {
        throw new PeerUnavailable("QuestDB exited while starting; the end of its log:\n" + server.logTail(), null);
      }
      try {
        return postgres.connect(url, properties);
      } catch (SQLException notYet) {
        if (System.nanoTime() > deadline) {
          throw new PeerUnavailable("QuestDB did not answer on " + url + " within " + START_TIMEOUT_MILLIS / 1000
              + " s; the end of its log:\n" + server.logTail(), notYet);
        }
      }
      Thread.sleep(200);
    }
  }
}
