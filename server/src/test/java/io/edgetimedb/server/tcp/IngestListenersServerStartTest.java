package io.edgetimedb.server.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.testsupport.StoredRows;
import io.edgetimedb.engine.settings.SettingsRegistry;
import io.edgetimedb.server.Server;
import io.edgetimedb.server.ServerSettings;
import io.edgetimedb.server.udp.UdpListener;
import io.edgetimedb.server.udp.UdpSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both listeners as the server command starts them: through {@code Server.start} and the settings registry. */
class IngestListenersServerStartTest {
  @TempDir
  Path dir;

  private SettingsRegistry settings() {
    SettingsRegistry settings = ServerSettings.registry();
    settings.set(ServerSettings.DATA_DIRECTORY, dir.resolve("data").toString(), "test");
    settings.set(TcpSettings.PORT, "0", "test");
    settings.set(UdpSettings.PORT, "0", "test");
    return settings;
  }

  private static int port(String readyLine, String endpoint) {
    Matcher m = Pattern.compile(endpoint + "=127\\.0\\.0\\.1:(\\d+)").matcher(readyLine);
    assertThat(m.find()).as(readyLine).isTrue();
    return Integer.parseInt(m.group(1));
  }

  @Test
  void theReadyLineShowsBothAddressesAndLinesSentToThemAreWrittenAndMetered() throws Exception {
    SettingsRegistry settings = settings();
    settings.set(UdpSettings.ENABLED, "true", "file:test.conf");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Server server = Server.start(settings, List.of(TcpListener::start, UdpListener::start), new PrintStream(out, true));
    try {
      String ready = server.readyLine();
      int tcp = port(ready, "tcp");
      int udp = port(ready, "udp");
      try (Socket socket = new Socket("127.0.0.1", tcp)) {
        socket.getOutputStream().write("boiler,site=A temp=21.5 1700000000000000000\n".getBytes(StandardCharsets.UTF_8));
      }
      try (DatagramSocket sender = new DatagramSocket()) {
        byte[] line = "boiler,site=B temp=22.5 1700000000000000000".getBytes(StandardCharsets.UTF_8);
        sender.send(new DatagramPacket(line, line.length, InetAddress.getLoopbackAddress(), udp));
      }
      assertThat(StoredRows.await(() -> StoredRows.of(server.database(), "boiler").size() == 2, 10_000)).isTrue();
      // A listener counts a chunk after its write returns, so the rows can be visible a moment
      // before the counters move; the scrape below must not race that.
      assertThat(StoredRows.await(() -> server.metrics().scrape().contains("edgetimedb_points_written_total 2.0"),
          10_000)).isTrue();
      assertThat(server.metrics().scrape())
          .contains("edgetimedb_points_written_total 2.0") // the server-wide count adds up both
          .contains("edgetimedb_tcp_points_written_total 1.0")
          .contains("edgetimedb_tcp_connections_accepted_total 1.0")
          .contains("edgetimedb_tcp_lines_refused_total{reason=\"too-long\"} 0.0")
          .contains("edgetimedb_tcp_backpressure_pauses_total")
          .contains("edgetimedb_udp_points_written_total 1.0")
          .contains("edgetimedb_udp_datagrams_received_total 1.0")
          .contains("edgetimedb_udp_datagrams_dropped_total{by=\"listener\"} 0.0");
      if (java.nio.file.Files.isReadable(Path.of("/proc/net/udp"))) {
        assertThat(server.metrics().scrape()).contains("edgetimedb_udp_datagrams_dropped_total{by=\"kernel\"} 0.0");
      }
    } finally {
      server.stop();
    }
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("stopped tcp=127.0.0.1:").contains("stopped udp=127.0.0.1:");
  }

  @Test
  void tcpIsOnByDefaultAndUdpOff() throws Exception {
    Server server = Server.start(settings(), List.of(TcpListener::start, UdpListener::start),
        new PrintStream(new ByteArrayOutputStream()));
    try {
      assertThat(server.readyLine()).contains(" tcp=127.0.0.1:").doesNotContain("udp=");
    } finally {
      server.stop();
    }
  }
}
