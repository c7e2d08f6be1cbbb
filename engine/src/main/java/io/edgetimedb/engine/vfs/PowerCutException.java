package io.edgetimedb.engine.vfs;

/**
 * Thrown by a {@link SimulatedFileSystem} operation that a test chose as the moment of a power
 * cut. It is unchecked so that it passes through code that handles {@link java.io.IOException},
 * the way a real power cut does not give the program a chance to react.
 */
public final class PowerCutException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception for the cut at operation {@code operation}. */
  public PowerCutException(long operation) {
    super("simulated power cut at file system operation " + operation);
  }
}
