package io.edgetimedb.server.security;

/**
 * The server refuses to start because of how it is told to face the network: a listener beyond
 * loopback without authentication, or a users file it cannot read. The message is one line that
 * says what to set, for the operator's terminal rather than a stack trace.
 */
public final class SecurityConfigurationException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  SecurityConfigurationException(String message) {
    super(message);
  }

  SecurityConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
