package io.edgetimedb.server.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.DatabaseConfig;
import io.edgetimedb.engine.lineprotocol.Precision;
import io.edgetimedb.engine.write.PointBatch;
import io.edgetimedb.engine.write.WriteResult;
import io.edgetimedb.server.http.HttpEndpoint;
import io.edgetimedb.server.http.HttpSettings;
import io.edgetimedb.server.metrics.ServerMetrics;
import io.edgetimedb.testsupport.StoredRows;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Imports into a real HTTP endpoint: what the server stores and refuses is what the import reports. */
class HttpPointSinkTest {
  private static final long T = 1_700_000_000_000L;

  private final Database db = Database.open(DatabaseConfig.defaults());
  private HttpEndpoint endpoint;

  @AfterEach
  void close() {
    if (endpoint != null) {
      endpoint.close();
    }
    db.close();
  }

  private HttpPointSink sinkListing(int errorsListed) {
    endpoint = new HttpEndpoint(new HttpSettings("127.0.0.1", 0, 32L << 20, 5_000, errorsListed, 30_000, 4, 64L << 20, 2 << 20), db,
        new ServerMetrics(db));
    endpoint.start();
    return new HttpPointSink("http://127.0.0.1:" + endpoint.port());
  }

  @Test
  void everyPointOfAnAcceptedBatchIsStoredWithItsTagsFieldsAndMilliseconds() {
    PointBatch batch = new PointBatch();
    batch.point("boiler", T + 1).tag("site", "A, east").field("temp", 21.5).field("note", "say \"hi\"");
    batch.point("boiler", T + 2).tag("site", "B").field("temp", 22.25).field("on", true).field("n", 7L);

    WriteResult result = sinkListing(100).write(batch);

    assertThat(result.accepted()).isEqualTo(2);
    assertThat(result.rejected()).isEmpty();
    assertThat(StoredRows.of(db, "boiler")).hasSize(2).anySatisfy(row -> assertThat(row)
        .contains(String.valueOf(T + 1), "A, east", "21.5", "say \"hi\""));
  }

  @Test
  void pointsTheServerRefusesAreNamedByTheirIndexInTheBatchAndTheOthersAreKept() {
    PointBatch batch = new PointBatch();
    batch.point("boiler", T).tag("site", "A").field("temp", 1.0);
    batch.point("boiler", T + 1).tag("site", "A").field("site", 2.0); // a field named like a tag
    batch.point("boiler", T + 2).tag("site", "B").field("temp", 3.0);

    WriteResult result = sinkListing(100).write(batch);

    assertThat(result.accepted()).isEqualTo(2);
    assertThat(result.rejected()).singleElement().satisfies(r -> {
      assertThat(r.index()).isEqualTo(1);
      assertThat(r.reason()).contains("site");
    });
  }

  @Test
  void aPointLineProtocolCannotSpellIsRefusedHereAndTheLinesAfterItStillMapToTheirPoints() {
    PointBatch batch = new PointBatch();
    batch.point("boiler", T).tag("site", "A").field("temp", Double.NaN);
    batch.point("boiler", T + 1).tag("site", "A").field("site", 2.0);
    batch.point("boiler", T + 2).tag("site", "B").field("temp", 3.0);

    WriteResult result = sinkListing(100).write(batch);

    assertThat(result.accepted()).isEqualTo(1);
    assertThat(result.rejected()).extracting(r -> r.index()).containsExactly(0, 1);
  }

  @Test
  void refusalsBeyondWhatTheServerListsAreCountedByTheImportWithoutALine() throws IOException {
    StringBuilder file = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      file.append("boiler,site=A site=").append(i).append(".5 ").append(T + i).append('\n');
    }
    file.append("boiler,site=A temp=1.5 ").append(T + 9).append('\n');

    ImportReport report = new LineProtocolImport(Precision.MILLISECONDS, sinkListing(2))
        .run(new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)), n -> { });

    assertThat(report.written()).isEqualTo(1);
    assertThat(report.errorCount()).isEqualTo(5);
    assertThat(report.errors()).extracting(RowError::line).containsExactly(1L, 2L, 0L);
    assertThat(report.errors().get(2).message()).startsWith("3 more points of this batch refused");
  }

  @Test
  void aServerThatIsNotThereIsNamedInTheError() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    PointBatch batch = new PointBatch();
    batch.point("boiler", T).field("temp", 1.0);
    HttpPointSink sink = new HttpPointSink("http://127.0.0.1:" + closedPort);

    assertThatThrownBy(() -> sink.write(batch)).isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("no server answers at http://127.0.0.1:" + closedPort);
  }

  @Test
  void anAddressThatIsNotHttpIsRefusedBeforeAnythingIsSent() {
    assertThatThrownBy(() -> new HttpPointSink("jdbc:edgetimedb:remote:url=http://x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http://host:8086");
  }
}
