package io.edgetimedb.server.http;

import io.edgetimedb.server.metrics.ServerMetrics;
import java.io.IOException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** {@code GET /metrics}: every meter in Prometheus' text exposition format, as Micrometer renders it. */
final class MetricsResource implements Resource {
  private final ServerMetrics metrics;

  MetricsResource(ServerMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public String method() {
    return "GET";
  }

  @Override
  public void serve(HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.setStatus(200);
    response.setContentType(ServerMetrics.CONTENT_TYPE);
    metrics.scrape(response.getOutputStream());
  }
}
