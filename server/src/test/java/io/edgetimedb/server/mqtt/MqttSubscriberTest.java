package io.edgetimedb.server.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.testsupport.StoredRows;
import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.DatabaseConfig;
import io.edgetimedb.engine.StorageException;
import io.edgetimedb.engine.schema.SchemaChange;
import io.edgetimedb.engine.settings.SettingsRegistry;
import io.edgetimedb.engine.write.PendingWrite;
import io.edgetimedb.engine.write.PointBatch;
import io.edgetimedb.server.ServerSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The subscriber against a real broker (Moquette in this JVM) and a real publisher (paho): what is
 * published ends up in the database, as documented in docs/mqtt.md.
 */
class MqttSubscriberTest {
  private static final long WAIT_MILLIS = 10_000;
  private static final long RECEIVED = 1_714_564_900_000L;

  @TempDir
  static Path brokerData;

  /** One broker for the tests that do not stop it: starting and stopping one costs about 2 s (netty's quiet period). */
  private static EmbeddedBroker shared;
  private static final AtomicInteger CLIENTS = new AtomicInteger();

  private EmbeddedBroker broker;
  private Database db;
  private final List<MqttSubscriber> subscribers = new ArrayList<>();

  @BeforeAll
  static void startBroker() throws Exception {
    shared = EmbeddedBroker.start(brokerData);
  }

  @AfterAll
  static void stopBroker() {
    shared.close();
  }

  @BeforeEach
  void open() {
    broker = shared;
    db = Database.open(DatabaseConfig.defaults());
  }

  @AfterEach
  void close() throws Exception {
    for (MqttSubscriber s : subscribers) {
      s.close();
    }
    if (broker != shared) {
      broker.close();
    }
    db.close();
  }

  /** For the tests that stop the broker. */
  private void ownBroker() throws Exception {
    broker = EmbeddedBroker.start(brokerData.resolve("own"));
  }

  private MqttConfig config(Map<String, String> values) {
    SettingsRegistry settings = ServerSettings.registry();
    settings.set(MqttSettings.BROKER, broker.uri(), "test");
    settings.set(MqttSettings.CLIENT_ID, "edge-test-" + CLIENTS.incrementAndGet(), "test");
    settings.set(MqttSettings.RECONNECT_MIN_DELAY, "50ms", "test");
    settings.set(MqttSettings.RECONNECT_MAX_DELAY, "400ms", "test");
    settings.set(MqttSettings.CONNECT_TIMEOUT, "2s", "test");
    values.forEach((k, v) -> settings.set(k, v, "test"));
    return MqttConfig.from(settings);
  }

  private MqttSubscriber subscribe(MqttConfig config, MqttSubscriber.PointWriter writer) throws Exception {
    MqttSubscriber s = MqttSubscriber.start(config, writer, () -> RECEIVED);
    subscribers.add(s);
    assertThat(StoredRows.await(() -> s.statistics().connected(), WAIT_MILLIS)).as("connected").isTrue();
    return s;
  }

  private MqttSubscriber subscribe(Map<String, String> values) throws Exception {
    return subscribe(config(values), MqttSubscriber.PointWriter.of(db));
  }

  private void awaitRows(String measurement, int rows) throws InterruptedException {
    StoredRows.await(() -> StoredRows.of(db, measurement).size() >= rows, WAIT_MILLIS);
  }

  @Test
  void lineProtocolAtQos0And1IsWrittenWithTheTopicLevelsAsTags() throws Exception {
    MqttSubscriber s = subscribe(Map.of(MqttSettings.TOPICS, "plant/#",
        MqttSettings.TOPIC_TAGS, "plant/{site}/{line}/{sensor}", MqttSettings.PRECISION, "ms"));

    broker.publish("plant/A/l1/t1", "boiler temp=21.5 1714564800000", 0);
    broker.publish("plant/A/l1/t2", "boiler temp=22.5 1714564800000\nboiler temp=22.75 1714564801000", 1);
    broker.publish("plant/A/l1/t3", "boiler,site=B temp=1i", 1);
    awaitRows("boiler", 4);

    assertThat(StoredRows.of(db, "boiler")).containsExactlyInAnyOrder(
        "1714564800000 line=l1,sensor=t1,site=A temp=21.5",
        "1714564800000 line=l1,sensor=t2,site=A temp=22.5",
        "1714564801000 line=l1,sensor=t2,site=A temp=22.75",
        RECEIVED + " line=l1,sensor=t3,site=B temp=1.0");
    assertThat(s.statistics().messagesReceived()).isEqualTo(3);
    assertThat(s.statistics().pointsWritten()).isEqualTo(4);
    assertThat(s.statistics().messagesRejected()).isZero();
    assertThat(db.schemaHistory()).extracting(SchemaChange::source).contains("mqtt:plant/A/l1/t1");
  }

  @Test
  void jsonObjectsAndArraysMapAsDocumented() throws Exception {
    MqttSubscriber s = subscribe(Map.of(MqttSettings.TOPICS, "json/#", MqttSettings.TOPIC_TAGS,
        "json/{measurement}/{site}", MqttSettings.JSON_TAG_FIELDS, "sensor,site,loc.room", MqttSettings.PAYLOAD, "json"));

    broker.publish("json/env/A", "{\"ts\":\"2024-05-01T12:00:00.250Z\",\"sensor\":\"t1\",\"temp\":21.5,"
        + "\"ok\":true,\"note\":\"fine\",\"count\":7,\"env\":{\"rh\":40.5,\"deep\":{\"x\":1}},\"skip\":null}", 1);
    broker.publish("json/env/B", "[{\"ts\":1714564800000,\"sensor\":\"t2\",\"temp\":20},"
        + "{\"ts\":1714564801000,\"sensor\":\"t2\",\"loc\":{\"room\":\"r1\"},\"temp\":20.5},"
        + "{\"ts\":1714564802000,\"sensor\":\"t2\",\"temp\":[1,2]},"
        + "{\"sensor\":\"t3\",\"site\":\"C\",\"temp\":19}]", 1);
    awaitRows("env", 4);
    // the rows are readable as soon as the write returns; the refusal is counted just after it
    StoredRows.await(() -> s.statistics().messagesRejected() >= 1, WAIT_MILLIS);

    assertThat(StoredRows.of(db, "env")).containsExactlyInAnyOrder(
        "1714564800250 sensor=t1,site=A temp=21.5,ok=true,note=fine,count=7,env.rh=40.5,env.deep.x=1",
        "1714564800000 sensor=t2,site=B temp=20.0",
        "1714564801000 loc.room=r1,sensor=t2,site=B temp=20.5",
        RECEIVED + " sensor=t3,site=C temp=19.0");
    // the rows are readable as soon as the write applied them; the message is tallied after the write returns
    assertThat(StoredRows.await(() -> s.statistics().messagesRejected() == 1, 10_000)).isTrue();
    assertThat(s.statistics().pointsWritten()).isEqualTo(4);
    assertThat(s.statistics().pointsRejected()).isEqualTo(1);
    assertThat(s.statistics().messagesRejected()).isEqualTo(1);
    assertThat(s.statistics().lastError()).isEqualTo("json/env/B: element 3: 'temp' is an array; arrays are not "
        + "values (send several points as a top-level array)");
  }

  @Test
  void badPayloadsAreCountedAndTheSubscriberGoesOn() throws Exception {
    MqttSubscriber s = subscribe(Map.of(MqttSettings.TOPICS, "in/+", MqttSettings.PRECISION, "ms"));

    broker.publish("in/a", "{\"temp\": 21.5,", 1);
    broker.publish("in/b", "m v=1 1714564800000\nm v=abc\nm v=3 1714564802000", 1);
    broker.publish("in/c", new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 1, 2}, 0);
    broker.publish("in/d", "m,tag=x v=4 1714564803000", 1);
    // a message is counted when it arrives, its points once written: wait for both
    assertThat(StoredRows.await(() -> s.statistics().messagesReceived() == 4
        && s.statistics().pointsWritten() == 3, WAIT_MILLIS)).isTrue();

    assertThat(StoredRows.of(db, "m")).containsExactly("1714564800000  v=1.0", "1714564802000  v=3.0",
        "1714564803000 tag=x v=4.0");
    assertThat(s.statistics().messagesRejected()).isEqualTo(3);
    assertThat(s.statistics().pointsRejected()).isEqualTo(3);
    assertThat(s.statistics().pointsWritten()).isEqualTo(3);
    assertThat(s.statistics().connectionsLost()).isZero();
  }

  @Test
  void reconnectsWithBackOffAfterTheBrokerRestartsAndSubscribesAgain() throws Exception {
    ownBroker();
    MqttSubscriber s = subscribe(Map.of(MqttSettings.TOPICS, "r/#", MqttSettings.PRECISION, "ms"));
    broker.publish("r/1", "m v=1 1714564800000", 1);
    awaitRows("m", 1);

    broker.stop();
    assertThat(StoredRows.await(() -> !s.statistics().connected(), WAIT_MILLIS)).as("noticed the loss").isTrue();
    Thread.sleep(600); // several failed attempts while the broker is down
    broker.restart();
    assertThat(StoredRows.await(() -> s.statistics().connected(), WAIT_MILLIS)).as("reconnected").isTrue();
    broker.publish("r/1", "m v=2 1714564801000", 1);
    awaitRows("m", 2);

    assertThat(StoredRows.of(db, "m")).containsExactly("1714564800000  v=1.0", "1714564801000  v=2.0");
    assertThat(s.statistics().connects()).isEqualTo(2);
    assertThat(s.statistics().connectionsLost()).isEqualTo(1);
  }

  @Test
  void aPersistentSessionGetsTheQos1MessagesPublishedWhileTheSubscriberWasAway() throws Exception {
    MqttConfig config = config(Map.of(MqttSettings.TOPICS, "p/#", MqttSettings.PRECISION, "ms",
        MqttSettings.CLIENT_ID, "edge-persistent"));
    MqttSubscriber first = subscribe(config, MqttSubscriber.PointWriter.of(db));
    broker.publish("p/1", "m v=1 1714564800000", 1);
    awaitRows("m", 1);
    first.close();
    subscribers.remove(first);

    broker.publish("p/1", "m v=2 1714564801000", 1);
    broker.publish("p/2", "m v=3 1714564802000", 1);
    broker.publish("p/2", "m v=4 1714564803000", 0);
    MqttSubscriber second = subscribe(config, MqttSubscriber.PointWriter.of(db));
    awaitRows("m", 3);

    assertThat(StoredRows.of(db, "m")).containsExactly("1714564800000  v=1.0", "1714564801000  v=2.0",
        "1714564802000  v=3.0");
    assertThat(second.statistics().messagesReceived()).isEqualTo(2);
  }

  @Test
  void aFailedWriteLeavesTheMessageUnacknowledgedSoTheBrokerDeliversItAgain() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    MqttSubscriber.PointWriter failingOnce = new DatabaseWriter() {
      @Override
      public PendingWrite write(PointBatch batch) {
        if (calls.getAndIncrement() == 0) {
          throw new StorageException("disk full (simulated)", null);
        }
        return super.write(batch);
      }
    };
    MqttSubscriber s = subscribe(config(Map.of(MqttSettings.TOPICS, "f/#", MqttSettings.PRECISION, "ms")),
        failingOnce);

    broker.publish("f/1", "m v=1 1714564800000", 1);
    awaitRows("m", 1);

    assertThat(StoredRows.of(db, "m")).containsExactly("1714564800000  v=1.0");
    assertThat(s.statistics().writeFailures()).isEqualTo(1);
    assertThat(s.statistics().connectionsLost()).isEqualTo(1);
    assertThat(s.statistics().messagesReceived()).isEqualTo(2);
    assertThat(s.statistics().lastError()).contains("disk full (simulated)");
  }

  /**
   * Messages are acknowledged after one durability wait for all those written meanwhile, not one
   * wait each; every one is acknowledged, so a persistent session has nothing to deliver again.
   */
  @Test
  void oneDurabilityWaitAcknowledgesEveryMessageWrittenMeanwhile() throws Exception {
    AtomicInteger waits = new AtomicInteger();
    MqttSubscriber.PointWriter slowDisk = new DatabaseWriter() {
      @Override
      public void awaitDurable(PendingWrite write) {
        waits.incrementAndGet();
        sleep(20);
      }
    };
    MqttConfig config = config(Map.of(MqttSettings.TOPICS, "w/#", MqttSettings.PRECISION, "ms",
        MqttSettings.CLIENT_ID, "edge-batched-acks"));
    MqttSubscriber first = subscribe(config, slowDisk);
    for (int i = 0; i < 200; i++) {
      broker.publish("w/" + (i % 7), "m v=" + i + " " + (1714564800000L + i), 1);
    }
    awaitRows("m", 200);
    first.close();
    subscribers.remove(first);

    assertThat(StoredRows.of(db, "m")).hasSize(200);
    assertThat(waits.get()).as("waits for 200 messages").isBetween(1, 100);
    MqttSubscriber second = subscribe(config, MqttSubscriber.PointWriter.of(db));
    Thread.sleep(300);
    assertThat(second.statistics().messagesReceived()).as("delivered again").isZero();
  }

  /** When the write cannot be made durable, the messages waiting for it are delivered again. */
  @Test
  void aFailedDurabilityWaitDropsTheConnectionAndTheMessagesComeAgain() throws Exception {
    AtomicInteger waits = new AtomicInteger();
    MqttSubscriber.PointWriter failingOnce = new DatabaseWriter() {
      @Override
      public void awaitDurable(PendingWrite write) {
        if (waits.getAndIncrement() == 0) {
          throw new StorageException("fsync failed (simulated)", null);
        }
      }
    };
    MqttSubscriber s = subscribe(config(Map.of(MqttSettings.TOPICS, "d/#", MqttSettings.PRECISION, "ms")),
        failingOnce);

    broker.publish("d/1", "m v=1 1714564800000", 1);
    assertThat(StoredRows.await(() -> s.statistics().messagesReceived() >= 2, WAIT_MILLIS)).as("delivered again")
        .isTrue();

    assertThat(StoredRows.of(db, "m")).containsExactly("1714564800000  v=1.0");
    assertThat(s.statistics().connectionsLost()).isEqualTo(1);
    assertThat(s.statistics().lastError()).contains("fsync failed (simulated)");
  }

  /** The database as the subscriber uses it, for stand-ins that change one step. */
  private class DatabaseWriter implements MqttSubscriber.PointWriter {
    private final MqttSubscriber.PointWriter db = MqttSubscriber.PointWriter.of(MqttSubscriberTest.this.db);

    @Override
    public PendingWrite write(PointBatch batch) {
      return db.write(batch);
    }

    @Override
    public void awaitDurable(PendingWrite write) {
      db.awaitDurable(write);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void closingStopsTheSubscriberAndItsReconnectionAttempts() throws Exception {
    ownBroker();
    MqttSubscriber s = subscribe(Map.of(MqttSettings.TOPICS, "c/#"));
    broker.stop();
    s.close();
    subscribers.remove(s);
    assertThat(s.statistics().connected()).isFalse();
    long lost = s.statistics().connects();
    Thread.sleep(200);
    assertThat(s.statistics().connects()).isEqualTo(lost);
  }
}
