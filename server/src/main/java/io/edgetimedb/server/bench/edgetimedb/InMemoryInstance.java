package io.edgetimedb.server.bench.edgetimedb;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.DatabaseConfig;
import io.edgetimedb.jdbc.EdgeDriver;
import io.edgetimedb.jdbc.ServedDatabase;
import io.edgetimedb.server.avatica.AvaticaEndpoint;
import io.edgetimedb.server.avatica.AvaticaSettings;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory database (no log, nothing on disk), served under a {@code jdbc:edgetimedb:mem:}
 * name of its own and through an Avatica endpoint on a free loopback port: the ways in that
 * write from this process (the Java API, JDBC batches) need nothing more.
 */
final class InMemoryInstance implements EdgeTimeDbInstance {
  private static final AtomicInteger NEXT = new AtomicInteger();

  private final Database database;
  private final String embeddedUrl;
  private final ServedDatabase served;
  private final AvaticaEndpoint avatica;

  private InMemoryInstance(Database database, String embeddedUrl, ServedDatabase served, AvaticaEndpoint avatica) {
    this.database = database;
    this.embeddedUrl = embeddedUrl;
    this.served = served;
    this.avatica = avatica;
  }

  static InMemoryInstance start() throws Exception {
    Database db = Database.open(DatabaseConfig.defaults());
    String url = "jdbc:edgetimedb:mem:bench-" + NEXT.incrementAndGet();
    ServedDatabase served = null;
    try {
      served = EdgeDriver.serve(url, db);
      AvaticaEndpoint avatica = new AvaticaEndpoint(AvaticaSettings.defaults().withBindHost("127.0.0.1").withPort(0), url);
      avatica.start();
      return new InMemoryInstance(db, url, served, avatica);
    } catch (Exception | Error e) {
      if (served != null) {
        served.close();
      }
      db.close();
      throw e;
    }
  }

  @Override
  public Database database() {
    return database;
  }

  @Override
  public String embeddedUrl() {
    return embeddedUrl;
  }

  @Override
  public String remoteUrl() {
    return "jdbc:edgetimedb:remote:url=http://127.0.0.1:" + avatica.port();
  }

  @Override
  public String storage() {
    return "in memory";
  }

  @Override
  public void close() {
    try {
      avatica.close();
    } finally {
      served.close();
      database.close();
    }
  }
}
