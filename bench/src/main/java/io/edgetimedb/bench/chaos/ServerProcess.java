package io.edgetimedb.bench.chaos;

import io.edgetimedb.server.cli.EdgeTimeDbCommand;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server under attack: {@code edgetimedb server} in a child JVM, as an operator runs it,
 * durable in one data directory, every endpoint on loopback. Its ports are chosen once, so a
 * restart (after the server died or stopped answering) serves the same addresses and the
 * clients need not know it happened.
 */
final class ServerProcess {
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);
  private static final int LOG_TAIL_LINES = 6;

  private final Path dataDirectory;
  private final Path config;
  private final Path log;
  private final List<String> jvmOptions;
  private final int httpPort;
  private final int avaticaPort;
  private final int tcpPort;
  private final HttpClient probes = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(PROBE_TIMEOUT).build();
  private Process process;
  private int starts;

  private ServerProcess(Path work, List<String> jvmOptions) throws IOException {
    this.dataDirectory = work.resolve("data");
    this.config = work.resolve("edgetimedb.conf");
    this.log = work.resolve("server.log");
    this.jvmOptions = jvmOptions;
    this.httpPort = freePort();
    this.avaticaPort = freePort();
    this.tcpPort = freePort();
    Files.writeString(config, "http.bind = 127.0.0.1\navatica.bind = 127.0.0.1\ntcp.bind = 127.0.0.1\n");
  }

  /** Starts the server in {@code work} and waits for its ready line. */
  static ServerProcess start(Path work, List<String> jvmOptions, Duration readyWithin) throws IOException {
    ServerProcess server = new ServerProcess(work, jvmOptions);
    server.startAgain(readyWithin);
    return server;
  }

  /** Starts a new process on the same directory and ports (the previous one must have ended). */
  void startAgain(Duration readyWithin) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), EdgeTimeDbCommand.class.getName(), "server",
        "--data", dataDirectory.toString(), "--config", config.toString(), "--http-port", Integer.toString(httpPort),
        "--avatica-port", Integer.toString(avaticaPort), "--tcp-port", Integer.toString(tcpPort)));
    process = new ProcessBuilder(command).redirectErrorStream(true).start();
    starts++;
    CompletableFuture<String> ready = new CompletableFuture<>();
    Thread copier = new Thread(() -> copyOutput(ready), "chaos-server-output");
    copier.setDaemon(true);
    copier.start();
    try {
      ready.get(readyWithin.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      String state = process.isAlive() ? "still starting, killed" : "exited with " + process.exitValue();
      process.destroyForcibly();
      throw new IOException("the server did not print its ready line within " + readyWithin.toSeconds() + " s (start "
          + starts + ", " + state + "); the end of its output: " + logTail(), e);
    }
  }

  /** Copies the server's output into the log (every start appends) and completes on the ready line. */
  private void copyOutput(CompletableFuture<String> ready) {
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter to = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8,
            java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND), true)) {
      to.println("---- start " + starts);
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        to.println(line);
        if (line.startsWith("ready ")) {
          ready.complete(line);
        }
      }
    } catch (IOException e) {
      ready.completeExceptionally(e);
    }
    ready.completeExceptionally(new IOException("the server exited"));
  }

  int httpPort() {
    return httpPort;
  }

  int tcpPort() {
    return tcpPort;
  }

  String jdbcUrl() {
    return "jdbc:edgetimedb:remote:url=http://127.0.0.1:" + avaticaPort;
  }

  /** The same endpoint through Avatica's own driver, as any Avatica client would reach it. */
  String avaticaUrl() {
    return "jdbc:avatica:remote:url=http://127.0.0.1:" + avaticaPort + ";serialization=protobuf;timeZone=UTC";
  }

  URI http(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + httpPort + pathAndQuery);
  }

  boolean alive() {
    return process.isAlive();
  }

  int starts() {
    return starts;
  }

  Path log() {
    return log;
  }

  /** The last lines of the server's output that are not stack frames, joined with " / ". */
  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log).stream().filter(l -> !l.startsWith("\tat ") && !l.isBlank())
          .toList();
      return String.join(" / ", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
    } catch (IOException e) {
      return "(no output: " + e + ")";
    }
  }

  /** {@code GET /health}: "200 ok", "503 unavailable", ..., or why there was no answer within 5 s. */
  String health() {
    try {
      HttpResponse<String> r = probes.send(HttpRequest.newBuilder(http("/health")).timeout(PROBE_TIMEOUT).build(),
          HttpResponse.BodyHandlers.ofString());
      Matcher status = Pattern.compile("\"status\":\"([a-z]+)\"").matcher(r.body());
      return r.statusCode() + " " + (status.find() ? status.group(1) : "?");
    } catch (IOException e) {
      return "no answer (" + e.getClass().getSimpleName() + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "no answer (interrupted)";
    }
  }

  /** Heap in use as {@code /metrics} reports it, -1 without an answer. */
  long heapUsedBytes() {
    return (long) metric("jvm_memory_used_bytes", "area=\"heap\"");
  }

  /**
   * One meter of {@code /metrics} summed over the label sets containing {@code labels}, -1
   * without an answer or without the meter.
   */
  double metric(String name, String labels) {
    try {
      String metrics = probes.send(HttpRequest.newBuilder(http("/metrics")).timeout(PROBE_TIMEOUT).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      Matcher m = Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*})? (\\S+)$", Pattern.MULTILINE).matcher(metrics);
      double sum = 0;
      boolean found = false;
      while (m.find()) {
        if (m.group(1) == null ? labels.isEmpty() : m.group(1).contains(labels)) {
          sum += Double.parseDouble(m.group(2));
          found = true;
        }
      }
      return found ? sum : -1;
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** Resident set size from {@code /proc/<pid>/status}, -1 when unknown. */
  long rssBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  /**
   * SIGTERM, as an operator stops it; SIGKILL after {@code within}. Says which: "exit 0",
   * "exit 1", or "hung on SIGTERM, killed".
   */
  String stop(Duration within) throws InterruptedException {
    if (!process.isAlive()) {
      return "already dead (exit " + process.exitValue() + ")";
    }
    process.destroy();
    if (process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
      return "exit " + process.exitValue();
    }
    process.destroyForcibly().waitFor();
    return "hung on SIGTERM for " + within.toSeconds() + " s, killed";
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
