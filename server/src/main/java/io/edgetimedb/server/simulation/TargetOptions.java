package io.edgetimedb.server.simulation;

/**
 * How targets send: {@code connections} TCP connections (a sensor always uses the same one, so
 * its readings stay in order), {@code batchLines} lines per HTTP request at most, and the MQTT
 * {@code qos} of every publish.
 */
public record TargetOptions(int connections, int batchLines, int qos) {
  public static final int DEFAULT_BATCH_LINES = 5_000;

  public TargetOptions {
    if (connections < 1 || batchLines < 1 || qos < 0 || qos > 2) {
      throw new IllegalArgumentException("target options out of range: " + connections + " connections, "
          + batchLines + " lines per batch, QoS " + qos);
    }
  }

  public static TargetOptions defaults() {
    return new TargetOptions(1, DEFAULT_BATCH_LINES, 1);
  }
}
