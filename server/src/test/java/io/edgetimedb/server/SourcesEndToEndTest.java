package io.edgetimedb.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.engine.lineprotocol.LineProtocolWriter;
import io.edgetimedb.engine.lineprotocol.Precision;
import io.edgetimedb.engine.settings.SettingsRegistry;
import io.edgetimedb.engine.simulation.SensorFeed;
import io.edgetimedb.engine.write.PointBatch;
import io.edgetimedb.server.avatica.AvaticaServerEndpoint;
import io.edgetimedb.server.http.HttpServerEndpoint;
import io.edgetimedb.server.mqtt.EmbeddedBroker;
import io.edgetimedb.server.mqtt.MqttSettings;
import io.edgetimedb.server.mqtt.MqttSubscriber;
import io.edgetimedb.server.tcp.TcpListener;
import io.edgetimedb.server.tcp.TcpSettings;
import io.edgetimedb.server.udp.UdpListener;
import io.edgetimedb.server.udp.UdpSettings;
import io.edgetimedb.testsupport.StoredRows;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each way in, against the running server, read back over remote JDBC: a new field sent through
 * the protocol lands in {@code sys.schema_history} under that protocol's source, and the source
 * shows in {@code sys.sources} with its counts; a gateway whose sensors' clocks are skewed
 * ({@link SensorFeed#skewClocks}) shows its clock offset and its points beyond the future bound
 * refused and counted, beside a gateway whose clock is right.
 */
class SourcesEndToEndTest {
  private static final long MINUTE = 60_000;

  @TempDir
  Path dir;

  private Server server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void http() throws Exception {
    start(ServerSettings.registry(), HttpServerEndpoint::start);
    long now = System.currentTimeMillis();
    HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port("http") + "/api/v2/write?precision=ms"))
        .POST(HttpRequest.BodyPublishers.ofString(newFieldLines(now, 1))).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
    assertNewFieldAndSource("http", "127.0.0.1");
  }

  @Test
  void tcp() throws Exception {
    start(ServerSettings.registry(), TcpListener::start);
    try (Socket socket = new Socket("127.0.0.1", port("tcp"))) {
      socket.getOutputStream().write(newFieldLines(System.currentTimeMillis(), 1_000_000).getBytes(StandardCharsets.UTF_8));
    }
    awaitAccepted("tcp", 2);
    assertNewFieldAndSource("tcp", "127.0.0.1");
  }

  @Test
  void udp() throws Exception {
    SettingsRegistry settings = ServerSettings.registry();
    settings.set(UdpSettings.ENABLED, "true", "test");
    settings.set(UdpSettings.PORT, "0", "test");
    start(settings, UdpListener::start);
    try (DatagramSocket sender = new DatagramSocket()) {
      byte[] lines = newFieldLines(System.currentTimeMillis(), 1_000_000).getBytes(StandardCharsets.UTF_8);
      sender.send(new DatagramPacket(lines, lines.length, InetAddress.getLoopbackAddress(), port("udp")));
    }
    awaitAccepted("udp", 2);
    assertNewFieldAndSource("udp", "127.0.0.1");
  }

  @Test
  void mqtt() throws Exception {
    try (EmbeddedBroker broker = EmbeddedBroker.start(dir.resolve("broker"))) {
      SettingsRegistry settings = ServerSettings.registry();
      settings.set(MqttSettings.BROKER, broker.uri(), "test");
      settings.set(MqttSettings.TOPICS, "plant/#", "test");
      settings.set(MqttSettings.PRECISION, "ms", "test");
      start(settings, MqttSubscriber::start);
      MqttSubscriber subscriber = (MqttSubscriber) server.endpoints().get(1);
      assertThat(StoredRows.await(() -> subscriber.statistics().connected(), 10_000)).isTrue();
      broker.publish("plant/A/t1", newFieldLines(System.currentTimeMillis(), 1), 1);
      awaitAccepted("mqtt", 2);
    }
    assertNewFieldAndSource("mqtt", "plant/A/t1");
  }

  @Test
  void aGatewayWithSkewedSensorClocksShowsItsOffsetAndItsRefusedPoints() throws Exception {
    SettingsRegistry settings = ServerSettings.registry();
    start(settings, TcpListener::start);
    long now = System.currentTimeMillis();
    SensorFeed skewed = new SensorFeed(4, 3, now, 1000).skewClocks(1.0, 20 * MINUTE, 0, 11);
    List<Long> offsets = new ArrayList<>();
    for (int s = 0; s < 4; s++) {
      offsets.add(skewed.clockOffset(s, now));
    }
    // the seed's sensors lie on both sides of the 5-minute bound, none within the test's latency of it
    assertThat(offsets).anyMatch(o -> o > 6 * MINUTE).anyMatch(o -> o < 4 * MINUTE)
        .noneMatch(o -> o > 4 * MINUTE && o < 6 * MINUTE);
    long beyond = offsets.stream().filter(o -> o > 5 * MINUTE).count();
    int ticks = 10;

    send(InetAddress.getByName("127.0.0.2"), skewed, ticks);
    send(InetAddress.getByName("127.0.0.1"), new SensorFeed(4, 3, now, 1000), ticks);
    awaitAccepted("tcp", ticks * 8L);

    long newest = offsets.stream().mapToLong(Long::longValue).max().orElseThrow();
    List<Object> skewedRow = sourceRow("tcp:127.0.0.2");
    assertThat(skewedRow.subList(0, 3)).containsExactly(ticks * (4 - beyond), ticks * beyond, 0L);
    assertThat((Long) skewedRow.get(3)).as("offset of the newest reading").isBetween(newest - 5_000, newest + 1_000);
    List<Object> rightRow = sourceRow("tcp:127.0.0.1");
    assertThat(rightRow.subList(0, 3)).containsExactly(ticks * 4L, 0L, 0L);
    assertThat((Long) rightRow.get(3)).isBetween(-5_000L, 1_000L);
  }

  /** Sends one tick of the feed at a time, stamped with the wall clock, from a connection bound to {@code from}. */
  private void send(InetAddress from, SensorFeed feed, int ticks) throws Exception {
    LineProtocolWriter lines = new LineProtocolWriter(Precision.NANOSECONDS);
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port("tcp"), from, 0)) {
      OutputStream out = socket.getOutputStream();
      for (int t = 0; t < ticks; t++) {
        PointBatch tick = new PointBatch();
        long trueTime = System.currentTimeMillis();
        for (int s = 0; s < feed.sensors(); s++) {
          feed.addPoint(tick, s, trueTime);
        }
        out.write(lines.write(tick));
        out.flush();
        Thread.sleep(20);   // one tick per read, as a gateway flushing every so often
      }
    }
  }

  /** Two lines of measurement e2e, the second with the new field humidity; timestamps in the given unit. */
  private static String newFieldLines(long nowMillis, long unitsPerMilli) {
    return "e2e,site=A temp=21.5 " + nowMillis * unitsPerMilli + "\n"
        + "e2e,site=A temp=21.6,humidity=40 " + (nowMillis + 1) * unitsPerMilli + "\n";
  }

  private void assertNewFieldAndSource(String protocol, String address) throws SQLException {
    String source = protocol + ":" + address;
    assertThat(rows("SELECT source FROM sys.schema_history WHERE item = 'humidity'"))
        .containsExactly(List.of(source));
    assertThat(rows("SELECT protocol, address, points_accepted, points_rejected_future, points_rejected_past, "
        + "points_rejected_other, points_clamped FROM sys.sources WHERE source = '" + source + "'"))
        .containsExactly(List.of(protocol, address, 2L, 0L, 0L, 0L, 0L));
    List<Object> offset = rows("SELECT clock_offset_ms FROM sys.sources WHERE source = '" + source + "'").get(0);
    assertThat((Long) offset.get(0)).as("a sender whose clock is right").isBetween(-10_000L, 1_000L);
  }

  /** points_accepted, points_rejected_future, points_rejected_other, clock_offset_ms of a source. */
  private List<Object> sourceRow(String source) throws SQLException {
    return rows("SELECT points_accepted, points_rejected_future, points_rejected_other, clock_offset_ms "
        + "FROM sys.sources WHERE source = '" + source + "'").get(0);
  }

  /** Waits until the sources of a protocol accepted {@code points} in all: listeners write after the sender is done. */
  private void awaitAccepted(String protocol, long points) throws InterruptedException {
    assertThat(StoredRows.await(() -> server.database().sources().stream()
        .filter(s -> s.protocol().equals(protocol))
        .mapToLong(s -> s.pointsAccepted() + s.pointsRejectedFuture()).sum() >= points, 10_000)).isTrue();
  }

  private void start(SettingsRegistry settings, EndpointFactory way) throws Exception {
    settings.set(ServerSettings.DATA_DIRECTORY, dir.resolve("data").toString(), "test");
    settings.set(ServerSettings.HTTP_PORT, "0", "test");
    settings.set(ServerSettings.AVATICA_PORT, "0", "test");
    settings.set(TcpSettings.PORT, "0", "test");
    server = Server.start(settings, List.of(AvaticaServerEndpoint::start, way),
        new PrintStream(new ByteArrayOutputStream()));
  }

  private int port(String endpoint) {
    Matcher m = Pattern.compile(endpoint + "=[^ ]*:(\\d+)").matcher(server.readyLine());
    assertThat(m.find()).as(server.readyLine()).isTrue();
    return Integer.parseInt(m.group(1));
  }

  private List<List<Object>> rows(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:edgetimedb:remote:url=http://127.0.0.1:" + port("avatica"));
        Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      List<List<Object>> rows = new ArrayList<>();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          row.add(rs.getObject(i));
        }
        rows.add(row);
      }
      return rows;
    }
  }
}
