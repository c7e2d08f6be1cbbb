package io.edgetimedb.server;

/**
 * A way into a running server (HTTP, Avatica, ...), started by an {@link EndpointFactory}.
 * Closing it stops accepting new work and finishes or refuses what is in flight; the server
 * closes endpoints in the reverse order of their start, before it checkpoints the database.
 */
public interface Endpoint extends AutoCloseable {
  /**
   * What the ready line shows for this endpoint, with the address actually bound (a port of 0 in
   * the settings picks a free one), e.g. {@code http=127.0.0.1:8086}.
   */
  String address();

  @Override
  void close() throws Exception;
}
