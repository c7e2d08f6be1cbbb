package io.edgetimedb.server.http;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.durability.CheckpointStatus;
import io.edgetimedb.engine.wal.WalStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * {@code GET /health}: 200 with {@code "status":"ok"} while the database takes writes,
 * {@code "degraded"} (still 200) while writes work but the last checkpoint failed, 503 with
 * {@code "unavailable"} when writes cannot succeed (closed, or the log failed an fsync and waits
 * for a reopen). Cheap enough to poll every second: it reads counters, it walks no series.
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
    String status = problem != null ? "unavailable"
        : checkpoints != null && checkpoints.lastFailure() != null ? "degraded" : "ok";
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
    if (wal != null) {
      walFields(json, wal);
    }
    if (checkpoints != null) {
      checkpointFields(json, checkpoints);
    }
    response.setStatus(problem == null ? 200 : 503);
    response.setContentType("application/json; charset=utf-8");
    response.setHeader("Cache-Control", "no-store");
    response.getOutputStream().write(json.endObject().toString().getBytes(StandardCharsets.UTF_8));
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
