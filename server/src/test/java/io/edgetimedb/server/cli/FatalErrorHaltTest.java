package io.edgetimedb.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.server.ChildJvm;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FatalErrorHaltTest {
  @TempDir
  Path dir;

  /**
   * A server thread dies of an OutOfMemoryError (as the TCP selector did at 490 k series): the
   * process halts with exit code 3 and says why, instead of keeping its ports open and answering
   * nothing. Run without -XX:+ExitOnOutOfMemoryError, so only the handler can end it; the start
   * warns about the missing flag.
   */
  @Test
  void aServerThreadKilledByAnErrorHaltsTheProcess() throws Exception {
    Path log = dir.resolve("server.log");
    Process server = ChildJvm.start(log, List.of("-Xmx128m"), ThreadDeathServer.class.getName(),
        "server", "--data", dir.resolve("data").toString(), "--http-port", "0", "--avatica-port", "0",
        "--tcp-port", "0");
    try {
      ChildJvm.awaitLine(server, log, "ready ");
      try (OutputStream in = server.getOutputStream()) {
        in.write("die\n".getBytes(StandardCharsets.US_ASCII));
      }

      assertThat(server.waitFor(60, TimeUnit.SECONDS)).as("exited; output:%n%s", Files.readString(log)).isTrue();
      assertThat(server.exitValue()).isEqualTo(FatalErrorHalt.EXIT_CODE);
      assertThat(Files.readString(log))
          .contains("warning: the JVM runs without -XX:+ExitOnOutOfMemoryError")
          .contains("fatal: thread edgetimedb-simulated-selector died of java.lang.OutOfMemoryError: simulated; halting");
    } finally {
      server.destroyForcibly();
    }
  }

  /** The server's own main, plus a thread that dies of an OutOfMemoryError when a line arrives on stdin. */
  public static final class ThreadDeathServer {
    public static void main(String[] args) throws Exception {
      Thread serving = new Thread(() -> EdgeTimeDbCommand.main(args), "main-server");
      serving.start();
      new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII)).readLine();
      Thread dying = new Thread(() -> {
        throw new OutOfMemoryError("simulated");
      }, "edgetimedb-simulated-selector");
      dying.start();
      serving.join();
    }
  }
}
