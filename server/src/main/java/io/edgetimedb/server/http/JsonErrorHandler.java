package io.edgetimedb.server.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's own error answers (a request that is not HTTP, a header too large, ...) in the same
 * JSON shape as the endpoint's, instead of Jetty's HTML page, so clients parse one format.
 */
final class JsonErrorHandler extends ErrorHandler {
  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields fields) {
    fields.put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
    String json = new RefusedRequest(status, "invalid", "malformed request: " + reason).json();
    return ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  protected void generateAcceptableResponse(Request base, HttpServletRequest request, HttpServletResponse response,
      int code, String message) throws IOException {
    base.setHandled(true);
    response.setContentType("application/json; charset=utf-8");
    String json = new RefusedRequest(code, code >= 500 ? "internal error" : "invalid",
        message == null ? "HTTP " + code : message).json();
    response.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
  }
}
