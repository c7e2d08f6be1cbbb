package io.edgetimedb.server.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The sending side of {@code POST /api/v2/write?precision=ms} (see {@link WriteResource}), for
 * our own clients: {@code simulate --target http} and {@code import --url}. One HTTP/1.1
 * keep-alive connection; millisecond precision, the engine's own unit, so nothing is rounded. What
 * an answer means is the caller's business: the simulator counts deliveries, the importer maps
 * refused lines back to its file.
 */
public final class WriteClient {
  private final URI writeUri;
  private final Duration requestTimeout;
  private final HttpClient client;

  /**
   * @param serverUrl the server's HTTP address, such as {@code http://127.0.0.1:8086}
   * @throws IllegalArgumentException when it is no http(s) URL
   */
  public WriteClient(String serverUrl, Duration connectTimeout, Duration requestTimeout) {
    URI base = URI.create(serverUrl.endsWith("/") ? serverUrl : serverUrl + "/");
    if (!"http".equals(base.getScheme()) && !"https".equals(base.getScheme())) {
      throw new IllegalArgumentException("not the server's HTTP address (http://host:8086): '" + serverUrl + "'");
    }
    this.writeUri = base.resolve("api/v2/write?precision=ms");
    this.requestTimeout = requestTimeout;
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build();
  }

  /** Sends one body of line protocol, waiting for the answer. */
  public HttpResponse<String> post(byte[] lineProtocol) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(writeUri).timeout(requestTimeout)
        .header("Content-Type", "text/plain; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofByteArray(lineProtocol)).build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  public URI writeUri() {
    return writeUri;
  }
}
