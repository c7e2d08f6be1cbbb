package io.edgetimedb.bench.tcp;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.DatabaseConfig;
import io.edgetimedb.server.tcp.TcpConfig;
import io.edgetimedb.server.tcp.TcpListener;
import io.edgetimedb.server.tcp.TcpStatistics;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The server side of {@link TcpIngestBenchmark}, run in its own JVM: a database (in memory, or
 * durable in the directory given as the first argument, {@code -} for none) behind the TCP
 * listener on a free port of 127.0.0.1, with the writer threads given as the second argument.
 * Prints {@code port N}; answers {@code count} with {@code points N} (points written so far);
 * on {@code stop} waits until every connection is closed and drained, prints {@code points N}
 * (points the database holds) and the listener's counters, and exits.
 */
public final class TcpIngestServer {
  private TcpIngestServer() {}

  public static void main(String[] args) throws Exception {
    DatabaseConfig config = DatabaseConfig.defaults();
    if (args.length > 0 && !args[0].equals("-")) {
      config = config.withDataDirectory(Path.of(args[0]));
    }
    int writerThreads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    try (Database db = Database.open(config)) {
      TcpListener tcp = TcpListener.start(TcpConfig.loopback().withWriterThreads(writerThreads), db::write,
          System::currentTimeMillis);
      try {
        System.out.println("port " + tcp.port());
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String command = in.readLine(); command != null && !command.equals("stop"); command = in.readLine()) {
          System.out.println("points " + tcp.statistics().ingest().pointsWritten());
          System.out.flush();
        }
        awaitDrained(tcp.statistics());
        System.out.println("points " + db.memoryUsage().points());
        TcpStatistics s = tcp.statistics();
        System.out.println("counters written=" + s.ingest().pointsWritten() + " refused=" + s.ingest().refusedByParser()
            + "/" + s.ingest().refusedByDatabase() + " bytes=" + s.ingest().bytesReceived() + " pauses="
            + s.backPressurePauses() + " peak-buffered=" + s.peakBufferedBytes());
        System.out.flush();
      } finally {
        tcp.close();
      }
    }
  }

  private static void awaitDrained(TcpStatistics statistics) throws InterruptedException {
    while (statistics.connectionsOpen() > 0 || statistics.bufferedBytes() > 0) {
      Thread.sleep(10);
    }
  }
}
