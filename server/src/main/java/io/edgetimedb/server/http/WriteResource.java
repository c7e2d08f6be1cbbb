package io.edgetimedb.server.http;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.ReadOnlyException;
import io.edgetimedb.engine.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * {@code POST /api/v2/write} and {@code POST /write}: line protocol into the database. Answers
 * 204 once every good line is written (the durability acknowledgement), 400 listing the bad
 * lines (the good ones are written all the same), 401/403 when the server has users and the
 * request is not from one who writes ({@link WriteAuthorization}), 413 past the body limit, 415
 * for an unknown encoding, 503 when the database could not log the points, with Retry-After when
 * it is read-only for lack of disk space (then the body is not even read).
 */
final class WriteResource implements Resource {
  /**
   * What a read-only database asks a client to wait: it retries its disk space every second,
   * and a sender such as Telegraf keeps its points buffered meanwhile.
   */
  static final int RETRY_AFTER_SECONDS = 5;

  private final WriteDialect dialect;
  private final Database db;
  private final long maxBodyBytes;
  private final ThreadLocal<LineProtocolIngest> ingests;
  private final WriteAuthorization authorization;

  /**
   * @param ingests one {@link LineProtocolIngest} per request thread, shared by both dialects:
   *     threads are pooled, so each keeps its parser caches and buffer across requests
   */
  WriteResource(WriteDialect dialect, HttpSettings settings, Database db, ThreadLocal<LineProtocolIngest> ingests,
      WriteAuthorization authorization) {
    this.dialect = dialect;
    this.authorization = authorization;
    this.db = db;
    this.maxBodyBytes = settings.maxBodyBytes();
    this.ingests = ingests;
  }

  @Override
  public String method() {
    return "POST";
  }

  @Override
  public void serve(HttpServletRequest request, HttpServletResponse response) throws IOException {
    long arrived = System.currentTimeMillis();
    if (db.isClosed()) {
      throw new RefusedRequest(503, "unavailable", "the database is closed");
    }
    QueryParameters query = new QueryParameters(request);
    authorization.check(request, query);
    String readOnly = db.writesRefused();
    if (readOnly != null) {
      throw RefusedRequest.unavailableFor(RETRY_AFTER_SECONDS, "not written, " + readOnly);
    }
    TimestampUnit unit = dialect.unit(query.get("precision"));
    boolean gzip = RequestBody.isGzip(request);
    IngestReport report;
    try (InputStream body = RequestBody.open(request, maxBodyBytes)) {
      try {
        // the sender's host without its port, which changes with every connection: one source per sensor
        report = ingests.get().ingest(body, unit, arrived, "http:" + request.getRemoteAddr());
      } catch (RefusedRequest busy) {
        if (busy.retryAfterSeconds() > 0) {
          // read to its end without keeping it, so the client, still sending, can read the 503
          body.transferTo(OutputStream.nullOutputStream());
        }
        throw busy;
      }
    } catch (ConnectionLostException e) {
      throw e;
    } catch (IOException e) {
      // not the network (that is ConnectionLostException): the bytes did not decode
      throw RefusedRequest.invalid((gzip ? "body is not valid gzip: " : "body could not be read: ") + e.getMessage());
    } catch (ReadOnlyException e) {
      throw RefusedRequest.unavailableFor(RETRY_AFTER_SECONDS, "not written (lines of this request before the refusal"
          + " may be written; retrying the request is safe): " + e.getMessage());
    } catch (StorageException e) {
      throw new RefusedRequest(503, "unavailable", "not written, the database could not log the points (lines of"
          + " this request before the failure may be written; retrying the request is safe): " + e.getMessage());
    }
    if (report.allWritten()) {
      response.setStatus(HttpServletResponse.SC_NO_CONTENT);
      return;
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    response.setContentType("application/json; charset=utf-8");
    response.getOutputStream().write(report.json().getBytes(StandardCharsets.UTF_8));
  }
}
