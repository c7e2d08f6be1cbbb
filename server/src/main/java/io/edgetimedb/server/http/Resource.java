package io.edgetimedb.server.http;

import java.io.IOException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** One path of the HTTP port and the method it answers. */
interface Resource {
  /** {@code GET} or {@code POST}; a GET resource answers HEAD too. */
  String method();

  /**
   * Answers the request: sets the status and writes the body.
   *
   * @throws RefusedRequest for an answer with an error status and a JSON body
   * @throws ConnectionLostException when the client went away; nothing is answered
   */
  void serve(HttpServletRequest request, HttpServletResponse response) throws IOException;
}
