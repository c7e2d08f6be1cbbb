package io.edgetimedb.server.bench.run;

/** The feed flowing into a target, from this process or from a {@code simulate} process. */
interface Ingest extends AutoCloseable {
  /** Starts the feed at the first reading. */
  void start() throws Exception;

  /**
   * Points the target has taken so far, as the target knows it: acknowledged writes, or points
   * it holds. Fails when the feed has died.
   */
  long written() throws Exception;

  /** Stops the feed; what was sent before may still be arriving. */
  @Override
  void close() throws Exception;
}
