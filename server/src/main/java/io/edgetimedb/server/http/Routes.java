package io.edgetimedb.server.http;

import io.edgetimedb.server.metrics.ServerMetrics;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.AbstractHandler;

/**
 * Dispatches a request to the resource at its path; answers 404 and 405 itself, turns a
 * {@link RefusedRequest} into its JSON answer, and counts every request in the metrics by path
 * and status.
 */
final class Routes extends AbstractHandler {
  private static final Logger LOG = System.getLogger(Routes.class.getName());
  /** The status counted for a client that went away before it could be answered (nginx's convention). */
  static final int CLIENT_GONE = 499;

  private final Map<String, Resource> resources;
  private final ServerMetrics metrics;

  Routes(Map<String, Resource> resources, ServerMetrics metrics) {
    this.resources = Map.copyOf(resources);
    this.metrics = metrics;
  }

  @Override
  public void handle(String target, Request base, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    base.setHandled(true);
    long started = System.nanoTime();
    Resource resource = resources.get(target);
    int status;
    try {
      serve(resource, target, request, response);
      status = response.getStatus();
    } catch (RefusedRequest refused) {
      status = answer(response, refused);
    } catch (ConnectionLostException gone) {
      status = CLIENT_GONE;
      base.getHttpChannel().abort(gone);
    } catch (BadMessageException bad) {
      status = answer(response, new RefusedRequest(bad.getCode(), "invalid", "malformed request: " + bad.getReason()));
    } catch (RuntimeException bug) {
      // the trace is for the operator's log; the client gets one line
      LOG.log(Level.WARNING, "HTTP " + request.getMethod() + " " + target + " failed", bug);
      status = answer(response, new RefusedRequest(500, "internal error", String.valueOf(bug)));
    }
    metrics.httpRequest(resource == null ? "other" : target, status, System.nanoTime() - started);
  }

  private static void serve(Resource resource, String target, HttpServletRequest request,
      HttpServletResponse response) throws IOException {
    if (resource == null) {
      throw new RefusedRequest(404, "not found", "no endpoint at " + target
          + " (there are POST /api/v2/write, POST /write, GET /health, GET /metrics)");
    }
    String method = request.getMethod();
    boolean head = method.equals("HEAD") && resource.method().equals("GET");
    if (!head && !method.equals(resource.method())) {
      response.setHeader("Allow", resource.method().equals("GET") ? "GET, HEAD" : resource.method());
      throw new RefusedRequest(405, "method not allowed", target + " answers " + resource.method() + ", not " + method);
    }
    resource.serve(request, response);
  }

  /**
   * Writes the refusal's JSON. A refusal found while the body was still arriving (413) closes
   * the connection, so the rest of the body is not read for nothing.
   */
  private static int answer(HttpServletResponse response, RefusedRequest refused) throws IOException {
    if (response.isCommitted()) {
      return response.getStatus();
    }
    response.resetBuffer();
    response.setStatus(refused.status());
    response.setContentType("application/json; charset=utf-8");
    if (refused.status() == 413) {
      response.setHeader("Connection", "close");
    }
    if (refused.retryAfterSeconds() > 0) {
      response.setHeader("Retry-After", String.valueOf(refused.retryAfterSeconds()));
    }
    response.getOutputStream().write(refused.json().getBytes(StandardCharsets.UTF_8));
    return refused.status();
  }
}
