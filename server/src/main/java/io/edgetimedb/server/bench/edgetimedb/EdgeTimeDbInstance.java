package io.edgetimedb.server.bench.edgetimedb;

import io.edgetimedb.engine.Database;

/**
 * A fresh EdgeTimeDB for one target's run: the database, an embedded JDBC URL that reaches it
 * (the same instance, not a second one) and a remote driver URL through an Avatica endpoint on
 * loopback. Closing stops the endpoints and closes the database.
 */
interface EdgeTimeDbInstance extends AutoCloseable {
  Database database();

  /** {@code jdbc:edgetimedb:mem:...} or {@code jdbc:edgetimedb:file:...}, served by this instance's database. */
  String embeddedUrl();

  /** {@code jdbc:edgetimedb:remote:url=http://127.0.0.1:PORT}. */
  String remoteUrl();

  /** How the data is kept, for the report: in memory, or durable and where. */
  String storage();

  @Override
  void close() throws Exception;
}
