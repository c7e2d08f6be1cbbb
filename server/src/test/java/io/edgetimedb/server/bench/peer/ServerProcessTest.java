package io.edgetimedb.server.bench.peer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerProcessTest {

  @Test
  void aServerThatIgnoresSigtermIsKilledAfterTheGrace(@TempDir Path dir) throws Exception {
    ServerProcess server = ServerProcess.start(
        List.of("sh", "-c", "trap '' TERM; echo up; while true; do sleep 1; done"), dir, dir.resolve("server.log"));
    awaitLog(server, "up");

    server.stop(300);

    assertThat(server.isAlive()).isFalse();
    assertThat(ProcessHandle.current().descendants()).doesNotContain(server.handle());
  }

  @Test
  void aServerThatStopsOnSigtermIsNotKilled(@TempDir Path dir) throws Exception {
    ServerProcess server = ServerProcess.start(
        List.of("sh", "-c", "trap 'echo stopping; exit 0' TERM; echo up; while true; do sleep 0.1; done"), dir,
        dir.resolve("server.log"));
    awaitLog(server, "up");

    server.stop(30_000);

    assertThat(server.isAlive()).isFalse();
    assertThat(server.logTail()).contains("stopping");
  }

  @Test
  void itsOutputGoesToTheLogInItsDirectory(@TempDir Path dir) throws Exception {
    ServerProcess server = ServerProcess.start(List.of("sh", "-c", "pwd; echo failed >&2"), dir,
        dir.resolve("server.log"));
    server.handle().onExit().get();

    assertThat(server.logTail()).contains(dir.toRealPath().toString(), "failed");
    server.close();
  }

  private static void awaitLog(ServerProcess server, String text) throws InterruptedException {
    for (int i = 0; i < 500 && !server.logTail().contains(text); i++) {
      Thread.sleep(10);
    }
    assertThat(server.logTail()).contains(text);
  }
}
