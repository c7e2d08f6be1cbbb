package io.edgetimedb.bench.http;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.DatabaseConfig;
import io.edgetimedb.server.http.HttpEndpoint;
import io.edgetimedb.server.http.HttpSettings;
import io.edgetimedb.server.metrics.ServerMetrics;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The server side of {@link HttpIngestBenchmark}, run in its own JVM: a database (in memory, or
 * durable in the directory given as the only argument) behind the HTTP port on a free port of
 * 127.0.0.1. Prints {@code port N}, serves until a line arrives on stdin, then prints
 * {@code points N} (points the database holds) and exits.
 */
public final class HttpIngestServer {
  private HttpIngestServer() {}

  public static void main(String[] args) throws Exception {
    DatabaseConfig config = DatabaseConfig.defaults();
    if (args.length > 0) {
      config = config.withDataDirectory(Path.of(args[0]));
    }
    try (Database db = Database.open(config);
        ServerMetrics metrics = new ServerMetrics(db);
        HttpEndpoint http = new HttpEndpoint(HttpSettings.defaults().withBindHost("127.0.0.1").withPort(0), db,
            metrics)) {
      http.start();
      System.out.println("port " + http.port());
      System.out.flush();
      new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      System.out.println("points " + db.memoryUsage().points());
      System.out.flush();
    }
  }
}
