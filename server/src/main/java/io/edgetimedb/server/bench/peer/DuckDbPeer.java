package io.edgetimedb.server.bench.peer;

import io.edgetimedb.server.bench.BenchTarget;
import io.edgetimedb.server.bench.Peer;
import io.edgetimedb.server.bench.PeerContext;
import java.sql.SQLException;

/** DuckDB in a file of the work directory, through the JDBC driver loaded from the peer jars: see {@link DuckDbTarget}. */
public final class DuckDbPeer implements Peer {
  @Override
  public String name() {
    return "duckdb";
  }

  @Override
  public BenchTarget start(PeerContext context) throws Exception {
    ForeignDriver driver = ForeignDriver.load(
        new PeerJars(context.peerJars()).jar(name(), "org.duckdb", "duckdb_jdbc"), "jdbc:duckdb:");
    PeerDirectory directory = PeerDirectory.create(context.workDirectory(), name());
    context.log().println("duckdb: database in " + directory.path() + " (appender, DuckDB's default durability)");
    try {
      return DuckDbTarget.open(directory, driver);
    } catch (SQLException | RuntimeException e) {
      directory.delete();
      throw e;
    }
  }
}
