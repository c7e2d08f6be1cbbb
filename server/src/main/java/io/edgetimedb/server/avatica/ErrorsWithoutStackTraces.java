package io.edgetimedb.server.avatica;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.NoSuchConnectionException;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;
import org.apache.calcite.avatica.remote.Service;

/**
 * The endpoint's service, whose errors reach clients as SQLSTATE, error code and message only.
 * Avatica's handler answers an error with the printed stack trace of the exception and every
 * cause (ErrorResponse's {@code exceptions}), which tells a remote client the server's code,
 * libraries and versions; so every error leaving the service is replaced by a {@link RemoteError},
 * which has no stack trace and no cause. Errors that are not the client's (bugs, also Errors
 * such as a stack overflow; not running out of memory, which ends the process) are logged here
 * with their trace and reach the client as SQLSTATE XX000 and their message.
 */
final class ErrorsWithoutStackTraces implements InvocationHandler {
  private static final Logger LOG = System.getLogger(ErrorsWithoutStackTraces.class.getName());
  /** Avatica's client reopens its connection on this code (ErrorResponse.MISSING_CONNECTION_ERROR_CODE). */
  private static final int MISSING_CONNECTION = 1;

  private final Service target;

  private ErrorsWithoutStackTraces(Service target) {
    this.target = target;
  }

  static Service wrap(Service target) {
    return (Service) Proxy.newProxyInstance(Service.class.getClassLoader(), new Class<?>[] {Service.class},
        new ErrorsWithoutStackTraces(target));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      // out of memory is the process's problem, not the request's: it goes on as it is
      throw e.getCause() instanceof OutOfMemoryError error ? error : remote(e.getCause());
    }
  }

  static RemoteError remote(Throwable error) {
    if (error instanceof AvaticaRuntimeException e) {
      return new RemoteError(String.valueOf(e.getErrorMessage()), e.getErrorCode(), e.getSqlState(), e.getSeverity());
    }
    if (error instanceof NoSuchConnectionException) {
      return new RemoteError("no such connection: the server closed it after avatica.connection-idle-timeout unused, "
          + "or it was never opened", MISSING_CONNECTION, "08003", AvaticaSeverity.ERROR);
    }
    LOG.log(Level.WARNING, "remote request failed", error);
    return new RemoteError("internal error (" + error.getClass().getSimpleName() + "): " + error.getMessage(), -1,
        "XX000", AvaticaSeverity.ERROR);
  }

  /** An error as the client sees it: what its toString and message say is all Avatica sends. */
  static final class RemoteError extends AvaticaRuntimeException {
    private static final long serialVersionUID = 1L;

    RemoteError(String message, int errorCode, String sqlState, AvaticaSeverity severity) {
      super(message, errorCode, sqlState, severity);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }

    @Override
    public String toString() {
      return getErrorMessage();
    }
  }
}
