package io.edgetimedb.server;

/**
 * Starts one kind of endpoint for a server whose database is open: reads its settings from
 * {@code server.settings()} (see {@link ServerSettings}) and serves {@code server.database()}.
 * This is the plug-in point of {@link Server#start}.
 */
@FunctionalInterface
public interface EndpointFactory {
  /**
   * Starts listening and returns once the endpoint accepts work.
   *
   * @throws Exception when it cannot start (port taken, bad keystore): the server then stops the
   *     endpoints started before it and closes the database
   */
  Endpoint start(Server server) throws Exception;
}
