package io.edgetimedb.server.http;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.read.PointCursor;
import io.edgetimedb.engine.read.ReadRequest;
import io.edgetimedb.server.metrics.ServerMetrics;
import io.edgetimedb.server.security.Users;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * A running HTTP port on 127.0.0.1 over a database, with the client calls the tests make. The
 * database belongs to the test; closing this stops the port and the metrics.
 */
final class HttpPort implements AutoCloseable {
  final Database db;
  final ServerMetrics metrics;
  final HttpEndpoint endpoint;
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  HttpPort(Database db, HttpSettings settings) {
    this(db, settings, Users.none());
  }

  /** A port whose writes need one of these users. */
  HttpPort(Database db, HttpSettings settings, Users writers) {
    this.db = db;
    this.metrics = new ServerMetrics(db);
    this.endpoint = new HttpEndpoint(settings.withBindHost("127.0.0.1").withPort(0), db, metrics, writers);
    endpoint.start();
  }

  HttpPort(Database db) {
    this(db, HttpSettings.defaults());
  }

  URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + endpoint.port() + pathAndQuery);
  }

  HttpResponse<String> post(String pathAndQuery, String body, String... headers) {
    return post(pathAndQuery, BodyPublishers.ofByteArray(body.getBytes(StandardCharsets.UTF_8)), headers);
  }

  /** A body of unknown length: the client sends it chunked. */
  HttpResponse<String> postChunked(String pathAndQuery, byte[] body, String... headers) {
    return post(pathAndQuery, BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)), headers);
  }

  HttpResponse<String> post(String pathAndQuery, BodyPublisher body, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery)).POST(body)
        .timeout(Duration.ofSeconds(30));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request.build());
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET().timeout(Duration.ofSeconds(30)).build());
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Sends raw bytes on a new connection and returns what came back until the server closed it (or 5 s). */
  String raw(byte[] bytes) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", endpoint.port())) {
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      out.write(bytes);
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      try {
        in.transferTo(answer);
      } catch (java.net.SocketTimeoutException | java.net.SocketException e) {
        // what came so far is the answer
      }
      return answer.toString(StandardCharsets.UTF_8);
    }
  }

  /** Every row of a measurement as "tags... ts field=value", in series then time order. */
  List<String> rows(String measurement) {
    List<String> rows = new ArrayList<>();
    try (PointCursor c = db.read(ReadRequest.of(measurement))) {
      while (c.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < c.tagKeys().size(); i++) {
          if (c.tag(i) != null) {
            row.append(c.tagKeys().get(i)).append('=').append(c.tag(i)).append(' ');
          }
        }
        row.append(c.timestamp());
        for (int i = 0; i < c.fieldNames().size(); i++) {
          if (!c.isNull(i)) {
            row.append(' ').append(c.fieldNames().get(i)).append('=').append(c.getObject(i));
          }
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }

  static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  @Override
  public void close() {
    endpoint.close();
    metrics.close();
  }
}
