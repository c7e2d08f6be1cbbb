package io.edgetimedb.server.bench.edgetimedb;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;

/**
 * EdgeTimeDB's four ways in as bench targets, each on a fresh instance:
 * <ul>
 *   <li>{@code edgetimedb/java-api}: {@code Database.write} of each batch, in memory;
 *   <li>{@code edgetimedb/jdbc-batch}: PreparedStatement batches through the embedded driver, in memory;
 *   <li>{@code edgetimedb/tcp}, {@code edgetimedb/http}: line protocol from a {@code simulate}
 *       process into the server ({@code Server.start}, durable, as {@code edgetimedb server} runs).
 * </ul>
 */
public final class EdgeTimeDbTargets {
  public static final String JAVA_API = "edgetimedb/java-api";
  public static final String JDBC_BATCH = "edgetimedb/jdbc-batch";
  public static final String TCP = "edgetimedb/tcp";
  public static final String HTTP = "edgetimedb/http";
  public static final List<String> NAMES = List.of(JAVA_API, JDBC_BATCH, TCP, HTTP);

  private EdgeTimeDbTargets() {}

  /**
   * Starts a fresh instance for one way in.
   *
   * @param workDirectory an empty directory a durable instance keeps its data in
   */
  public static EdgeTimeDbTarget start(String name, Path workDirectory) throws Exception {
    return switch (name) {
      case JAVA_API -> javaApi();
      case JDBC_BATCH -> jdbcBatch();
      case TCP, HTTP -> lineProtocol(name, workDirectory);
      default -> throw new IllegalArgumentException("no EdgeTimeDB target '" + name + "': the targets are " + NAMES);
    };
  }

  private static EdgeTimeDbTarget javaApi() throws Exception {
    InMemoryInstance instance = InMemoryInstance.start();
    return started(instance, () -> new EdgeTimeDbTarget(JAVA_API, instance,
        batch -> EdgeTimeDbTarget.writeChecked(instance.database(), batch), null, null));
  }

  private static EdgeTimeDbTarget jdbcBatch() throws Exception {
    InMemoryInstance instance = InMemoryInstance.start();
    return started(instance, () -> {
      JdbcInserts inserts = new JdbcInserts(DriverManager.getConnection(instance.embeddedUrl()));
      return new EdgeTimeDbTarget(JDBC_BATCH, instance, inserts::write, inserts, null);
    });
  }

  private static EdgeTimeDbTarget lineProtocol(String name, Path workDirectory) throws Exception {
    ServerInstance instance = ServerInstance.start(workDirectory.resolve("data"));
    return started(instance, () -> {
      String address = name.equals(TCP) ? "tcp://127.0.0.1:" + instance.port("tcp")
          : "http://127.0.0.1:" + instance.port("http");
      return new EdgeTimeDbTarget(name, instance, null, null, address);
    });
  }

  /** The target made on a started instance; the instance is closed again when that fails. */
  private static EdgeTimeDbTarget started(EdgeTimeDbInstance instance, TargetOnInstance make) throws Exception {
    try {
      return make.create();
    } catch (Exception | Error e) {
      instance.close();
      throw e;
    }
  }

  private interface TargetOnInstance {
    EdgeTimeDbTarget create() throws Exception;
  }
}
