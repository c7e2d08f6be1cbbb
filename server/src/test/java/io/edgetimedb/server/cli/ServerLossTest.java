package io.edgetimedb.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.DatabaseConfig;
import io.edgetimedb.engine.EngineSettings;
import io.edgetimedb.engine.settings.SettingsRegistry;
import io.edgetimedb.engine.wal.WalOptions;
import io.edgetimedb.engine.write.PointBatch;
import io.edgetimedb.server.Server;
import io.edgetimedb.server.ServerSettings;
import io.edgetimedb.server.http.HttpServerEndpoint;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Issue 12, item 1, at the server: a directory that would come back smaller stops the start unless accepted. */
class ServerLossTest {
  @TempDir
  Path dir;

  /** 100 batches, checkpoints after 40 and 80 and on close, then both checkpoints kept damaged in the middle. */
  private Path directoryWithNoIntactCheckpoint() throws IOException {
    Path data = dir.resolve("data");
    DatabaseConfig config = DatabaseConfig.defaults().withDataDirectory(data).withCheckpointIntervalMillis(0)
        .withWal(WalOptions.defaults().withSegmentBytes(4096));
    try (Database db = Database.open(config)) {
      for (int k = 0; k < 100; k++) {
        PointBatch batch = new PointBatch();
        for (int i = 0; i < 10; i++) {
          batch.point("boiler", 100L * k + i).tag("site", "s" + (i % 2)).field("value", k + i / 10.0);
        }
        db.write(batch);
        if (k == 40 || k == 80) {
          db.checkpoint();
        }
      }
    }
    for (Path checkpoint : checkpoints(data)) {
      try (FileChannel file = FileChannel.open(checkpoint, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
        ByteBuffer eight = ByteBuffer.allocate(8);
        long middle = file.size() / 2;
        file.read(eight, middle);
        for (int i = 0; i < 8; i++) {
          eight.put(i, (byte) ~eight.get(i));
        }
        file.write(eight.flip(), middle);
      }
    }
    return data;
  }

  @Test
  void theServerRefusesWithOneLineAndExitCodeTwoAndCheckNamesTheSameLoss() throws Exception {
    Path data = directoryWithNoIntactCheckpoint();
    List<Path> before = files(data);

    Path log = dir.resolve("server.log");
    Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), EdgeTimeDbCommand.class.getName(),
        "server", "--data", data.toString(), "--http-port", "0", "--avatica-port", "0", "--tcp-port", "0")
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
    List<String> output = Files.readAllLines(log);

    assertThat(server.exitValue()).as("%s", output).isEqualTo(2);
    List<String> refusal = output.stream().filter(l -> l.startsWith("refusing to open")).toList();
    assertThat(refusal).singleElement().asString().contains("log records 1 to ", "checkpoint-", "--accept-loss");
    assertThat(output).noneMatch(l -> l.startsWith("\tat ") || l.startsWith("ready ") || l.contains("Exception"));
    assertThat(files(data)).isEqualTo(before);

    StringWriter checked = new StringWriter();
    CommandLine cli = new CommandLine(new EdgeTimeDbCommand());
    cli.setOut(new PrintWriter(checked));
    assertThat(cli.execute("check", data.toString())).isEqualTo(1);
    String lost = refusal.get(0).substring(refusal.get(0).indexOf("would lose ") + "would lose ".length(),
        refusal.get(0).indexOf(". Nothing was changed"));
    assertThat(checked.toString()).contains("a start would lose " + lost);
  }

  @Test
  void acceptedTheServerStartsAndHealthNamesTheLossForTheLifeOfTheProcess() throws Exception {
    Path data = directoryWithNoIntactCheckpoint();
    SettingsRegistry settings = ServerSettings.registry();
    settings.set(ServerSettings.DATA_DIRECTORY, data.toString(), "test");
    settings.set(ServerSettings.HTTP_PORT, "0", "test");
    settings.set(ServerSettings.HTTP_BIND, "127.0.0.1", "test");
    settings.set(EngineSettings.ACCEPT_LOSS, "true", "flag:--accept-loss");
    Server server = Server.start(settings, List.of(HttpServerEndpoint::start),
        new PrintStream(OutputStream.nullOutputStream()));
    try {
      String address = server.endpoints().get(0).address();
      String port = address.substring(address.lastIndexOf(':') + 1);
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(health.body()).startsWith("{\"status\":\"damaged\"").contains("\"name\":\"data-lost\"",
          "log records 1 to ", "\"name\":\"checkpoint-damaged\"");
      HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
          + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(metrics.body()).contains("condition=\"data-lost\"");
    } finally {
      server.stop();
    }
    assertThat(files(data)).anyMatch(f -> f.getFileName().toString().endsWith(".etc.damaged"));
  }

  private static List<Path> checkpoints(Path data) throws IOException {
    try (Stream<Path> files = Files.list(data)) {
      return files.filter(f -> f.getFileName().toString().matches("checkpoint-\\d+\\.etc")).sorted().toList();
    }
  }

  private static List<Path> files(Path data) throws IOException {
    try (Stream<Path> files = Files.walk(data)) {
      return files.filter(f -> !f.getFileName().toString().equals("LOCK")).sorted().toList();
    }
  }
}
