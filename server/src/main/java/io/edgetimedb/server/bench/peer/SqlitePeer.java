package io.edgetimedb.server.bench.peer;

import io.edgetimedb.server.bench.BenchTarget;
import io.edgetimedb.server.bench.Peer;
import io.edgetimedb.server.bench.PeerContext;
import java.sql.SQLException;

/** SQLite in a file of the work directory, through the JDBC driver loaded from the peer jars: see {@link SqliteTarget}. */
public final class SqlitePeer implements Peer {
  @Override
  public String name() {
    return "sqlite";
  }

  @Override
  public BenchTarget start(PeerContext context) throws Exception {
    ForeignDriver driver = ForeignDriver.load(
        new PeerJars(context.peerJars()).jar(name(), "org.xerial", "sqlite-jdbc"), "jdbc:sqlite:");
    PeerDirectory directory = PeerDirectory.create(context.workDirectory(), name());
    context.log().println("sqlite: database in " + directory.path() + " (WAL, synchronous=NORMAL)");
    try {
      return SqliteTarget.open(directory, driver);
    } catch (SQLException | RuntimeException e) {
      directory.delete();
      throw e;
    }
  }
}
