package io.edgetimedb.jdbc;

/** A database served to embedded connections by {@link EdgeDriver#serve}; closing it stops new connections. */
public final class ServedDatabase implements AutoCloseable {
  private final Runnable unserve;

  ServedDatabase(Runnable unserve) {
    this.unserve = unserve;
  }

  @Override
  public void close() {
    unserve.run();
  }
}
