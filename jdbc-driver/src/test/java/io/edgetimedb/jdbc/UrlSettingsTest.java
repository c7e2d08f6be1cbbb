package io.edgetimedb.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Engine settings in an embedded URL configure the database its first connection opens. */
class UrlSettingsTest {
  @TempDir
  Path dir;

  @Test
  void aFileDatabaseOpensWithTheUrlsLogSettings() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:edgetimedb:file:" + dir
        + ";wal.fsync=always;wal.segment-size=1MiB;timeZone=UTC")) {
      assertThat(setting(c, "wal.segment-size")).isEqualTo("1MiB url");
      assertThat(setting(c, "wal.fsync")).isEqualTo("always url");
      try (Stream<Path> files = Files.walk(dir)) {
        assertThat(files.filter(p -> p.getFileName().toString().startsWith("wal-")))
            .as("log segments of the size the URL asked for").isNotEmpty()
            .allSatisfy(p -> assertThat(Files.size(p)).isEqualTo(1 << 20));
      }
    }
  }

  @Test
  void aSettingFromTheUrlGovernsWrites() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:edgetimedb:mem:;ingest.out-of-order-window=1s");
        Statement s = c.createStatement()) {
      s.execute("CREATE MEASUREMENT m (site TAG, v DOUBLE)");
      s.executeUpdate("INSERT INTO m (ts, site, v) VALUES (TIMESTAMP '2024-01-01 00:00:10', 'A', 1.0)");
      assertThatThrownBy(() -> s.executeUpdate(
          "INSERT INTO m (ts, site, v) VALUES (TIMESTAMP '2024-01-01 00:00:05', 'A', 2.0)"))
          .isInstanceOf(SQLException.class).hasMessageContaining("out-of-order window 1000 ms");
    }
  }

  @Test
  void badValuesAndMisspeltNamesAreRefusedByName() {
    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:edgetimedb:mem:;wal.fsync=sometimes"))
        .isInstanceOf(SQLException.class).hasMessageContaining("wal.fsync").hasMessageContaining("sometimes")
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22023");
    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:edgetimedb:mem:;wal.fsinc=always"))
        .isInstanceOf(SQLException.class).hasMessageContaining("'wal.fsinc'").hasMessageContaining("wal.fsync")
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42704");
  }

  @Test
  void laterConnectionsMayRepeatButNotChangeTheSettings() throws SQLException {
    String url = "jdbc:edgetimedb:mem:url-settings-" + UUID.randomUUID();
    try (Connection first = DriverManager.getConnection(url + ";ingest.out-of-order-window=1s");
        Connection same = DriverManager.getConnection(url + ";ingest.out-of-order-window=1000ms");
        Connection none = DriverManager.getConnection(url)) {
      assertThat(setting(same, "ingest.out-of-order-window")).isEqualTo("1s url");
      assertThatThrownBy(() -> DriverManager.getConnection(url + ";ingest.out-of-order-window=1h"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("already open with ingest.out-of-order-window = 1s")
          .hasMessageContaining("SET ingest.out-of-order-window")
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08004");
      assertThat(first.isClosed() || none.isClosed()).isFalse();
    }
  }

  /** The setting's value and where it came from, as sys.config shows them. */
  private static String setting(Connection c, String name) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT value, source FROM sys.config WHERE name = '" + name + "'")) {
      assertThat(rs.next()).as(name).isTrue();
      return rs.getString(1) + " " + rs.getString(2);
    }
  }

  /** Issue 12, item 1, embedded: a directory that would come back smaller is refused with XX001 unless accepted. */
  @Test
  void aFileDatabaseThatWouldLoseDataIsRefusedUnlessTheUrlAcceptsTheLoss() throws Exception {
    String url = "jdbc:edgetimedb:file:" + dir + ";wal.segment-size=4KiB;checkpoint.interval=0ms";
    for (int from : new int[] {0, 40, 80}) { // the last connection's close checkpoints
      try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
        if (from == 0) {
          s.execute("CREATE MEASUREMENT boiler (site TAG, value DOUBLE)");
        }
        try (java.sql.PreparedStatement insert = c.prepareStatement(
            "INSERT INTO boiler (ts, site, value) VALUES (?, 'A', ?)")) {
          for (int k = from; k < from + 40; k++) {
            insert.setLong(1, 1000L * k);
            insert.setDouble(2, k + 0.5);
            insert.executeUpdate();
          }
        }
      }
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path checkpoint : files.filter(p -> p.getFileName().toString().endsWith(".etc")).toList()) {
        byte[] bytes = Files.readAllBytes(checkpoint);
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(checkpoint, bytes);
      }
    }

    assertThatThrownBy(() -> DriverManager.getConnection(url)).isInstanceOf(SQLException.class)
        .hasMessageContaining("recovery would lose").hasMessageContaining("recovery.accept-loss=true")
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("XX001"));
    try (Connection c = DriverManager.getConnection(url + ";recovery.accept-loss=true")) {
      assertThat(setting(c, "recovery.accept-loss")).isEqualTo("true url");
    }
  }
}
