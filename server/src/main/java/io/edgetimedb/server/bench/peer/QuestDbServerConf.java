package io.edgetimedb.server.bench.peer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code conf/server.conf} a benchmark run starts QuestDB with: Java properties, one
 * {@code key=value} per line, every other setting left at QuestDB's default.
 *
 * <pre>
 *   http.net.bind.to=127.0.0.1:&lt;http&gt;       web console and REST, loopback only
 *   http.min.enabled=false                   no health-check port
 *   pg.net.bind.to=127.0.0.1:&lt;pg&gt;           PostgreSQL wire, where the questions are asked
 *   line.tcp.net.bind.to=127.0.0.1:&lt;ilp&gt;    InfluxDB line protocol over TCP, where the feed goes
 *   line.udp.enabled=false                   no UDP listener
 *   telemetry.enabled=false                  nothing is recorded or sent about the run
 *   telemetry.disable.completely=true
 *   cairo.mat.view.enabled=false             no materialized views, so no refresh workers
 *   shared.worker.count=2                    the worker pools sized for a 2-core edge box
 *   wal.apply.worker.count=1
 *   mat.view.refresh.worker.count=1
 *   export.worker.count=1
 * </pre>
 */
record QuestDbServerConf(int httpPort, int pgPort, int ilpPort) {
  String text() {
    return String.join("\n",
        "# written by the EdgeTimeDB benchmark for one run: loopback only, no telemetry",
        "http.net.bind.to=127.0.0.1:" + httpPort,
        "http.min.enabled=false",
        "pg.net.bind.to=127.0.0.1:" + pgPort,
        "line.tcp.net.bind.to=127.0.0.1:" + ilpPort,
        "line.udp.enabled=false",
        "telemetry.enabled=false",
        "telemetry.disable.completely=true",
        "cairo.mat.view.enabled=false",
        "shared.worker.count=2",
        "wal.apply.worker.count=1",
        "mat.view.refresh.worker.count=1",
        "export.worker.count=1",
        "");
  }

  /** Writes {@code root/conf/server.conf}, where {@code ServerMain -d root} reads it. */
  void writeTo(Path root) throws IOException {
    Path conf = root.resolve("conf");
    Files.createDirectories(conf);
    Files.writeString(conf.resolve("server.conf"), text(), StandardCharsets.UTF_8);
  }
}
