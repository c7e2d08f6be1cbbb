package io.edgetimedb.server.http;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.durability.CheckpointStatus;
import io.edgetimedb.engine.health.HealthCondition;
import io.edgetimedb.engine.health.Severity;
import io.edgetimedb.engine.wal.WalStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * {@code GET /health}: 200 with {@code "status":"ok"} only while nothing is wrong; the status
 * is otherwise the worst {@link HealthCondition} in force, each listed under {@code
 * "conditions"}: {@code "degraded"} (still 200; e.g. the last checkpoint failed), {@code
 * "damaged"} (200: data was found damaged or lost, the rest is served), 503 with {@code
 * "unavailable"} when writes cannot succeed (closed, or the log failed an fsync and waits for a
 * reopen). Cheap enough to poll every second: it reads counters, it walks no series.
 */
final class HealthResource implements Resource {
  private final Database db;
  private final Instant started;

  HealthResource(Database db, Instant started) {
    this.db = db;
    this.started = started;
  }

  @Override
  public String method() {
    return "GET";
  }

  @Override
  public void serve(HttpServletRequest request, HttpServletResponse response) throws IOException {
    WalStatus wal = db.walStatus();
    CheckpointStatus checkpoints = db.checkpointStatus();
    String problem = writeProblem(wal);
    Severity worst = worst(problem, checkpoints);
    String status = worst == null ? "ok" : worst.status();
    JsonWriter json = new JsonWriter().beginObject()
        .field("status", status)
        .field("message", problem)
        .field("version", "0.1.0")
        .field("startedAt", started.toString())
        .field("uptimeSeconds", Duration.between(started, Instant.now()).toMillis() / 1000.0)
        .field("durable", db.config().durable())
        .field("dataDirectory", db.config().durable() ? db.config().dataDirectory().toAbsolutePath().toString() : null);
    if (!db.isClosed()) {
      json.field("measurements", db.measurements().size());
    }
    conditionFields(json, db.health().current());
    if (wal != null) {
      walFields(json, wal);
    }
    if (checkpoints != null) {
      checkpointFields(json, checkpoints);
    }
    response.setStatus(worst == Severity.UNAVAILABLE ? 503 : 200);
    response.setContentType("application/json; charset=utf-8");
    response.setHeader("Cache-Control", "no-store");
    response.getOutputStream().write(json.endObject().toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The worst of the conditions in force and what the log and checkpoints say; null when all is well. */
  private Severity worst(String writeProblem, CheckpointStatus checkpoints) {
    Severity worst = db.health().worst().orElse(null);
    if (writeProblem != null) {
      return Severity.UNAVAILABLE;
    }
    if (worst == null && checkpoints != null && checkpoints.lastFailure() != null) {
      return Severity.DEGRADED;
    }
    return worst;
  }

  private static void conditionFields(JsonWriter json, List<HealthCondition> conditions) {
    json.beginArray("conditions");
    for (HealthCondition c : conditions) {
      json.beginObject()
          .field("name", c.name())
          .field("severity", c.severity().status())
          .field("message", c.message())
          .field("since", Instant.ofEpochMilli(c.sinceMillis()).toString())
          .endObject();
    }
    json.endArray();
  }

  /** Why a write cannot succeed now, or null. */
  private String writeProblem(WalStatus wal) {
    if (db.isClosed()) {
      return "the database is closed";
    }
    if (wal != null && wal.failed()) {
      return "the write-ahead log refuses writes until the database is reopened: " + wal.failure();
    }
    return null;
  }

  private static void walFields(JsonWriter json, WalStatus wal) {
    json.beginObject("wal")
        .field("state", wal.failed() ? "failed" : "ok")
        .field("segments", wal.segments())
        .field("bytes", wal.bytes())
        .field("writtenSequence", wal.writtenSequence())
        .field("durableSequence", wal.durableSequence())
        .field("fsyncs", wal.fsyncs())
        .field("lastFsyncMillis", wal.lastFsyncNanos() / 1e6)
        .field("failure", wal.failure())
        .endObject();
  }

  private static void checkpointFields(JsonWriter json, CheckpointStatus c) {
    json.beginObject("checkpoint")
        .field("written", c.written())
        .field("failed", c.failed())
        .field("lastWrittenAt", c.lastWrittenMillis() == 0 ? null : Instant.ofEpochMilli(c.lastWrittenMillis()).toString())
        .field("lastDurationMillis", c.lastDurationNanos() / 1e6)
        .field("lastFailure", c.lastFailure())
        .endObject();
  }
}
