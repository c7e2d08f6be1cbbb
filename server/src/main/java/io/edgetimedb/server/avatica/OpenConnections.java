package io.edgetimedb.server.avatica;

import io.edgetimedb.server.mqtt.ThrottledLog;
import java.lang.System.Logger;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;

/**
 * The remote connections open now, by user, checked against the {@link ConnectionLimits} when a
 * client opens one. Connections leave when they close or expire: the ids still open are read from
 * the connection cache at each check, so a connection closed by any path stops counting.
 */
final class OpenConnections {
  /** SQLSTATE 53300, PostgreSQL's too_many_connections. */
  static final String TOO_MANY = "53300";
  private static final Logger LOG = System.getLogger(OpenConnections.class.getName());

  private final ConnectionLimits limits;
  private final Map<String, String> userById = new HashMap<>();
  private final AtomicLong refusedTotal = new AtomicLong();
  private final AtomicLong refusedPerUser = new AtomicLong();
  private final ThrottledLog log = new ThrottledLog(LOG, 10_000, System::currentTimeMillis);

  OpenConnections(ConnectionLimits limits) {
    this.limits = limits;
  }

  /**
   * Admits connection {@code id} of {@code user}, or throws the refusal the client sees.
   *
   * @param stillOpen the ids of the connections open now
   */
  synchronized void admit(String id, String user, Set<String> stillOpen) {
    userById.keySet().retainAll(stillOpen);
    if (userById.size() >= limits.total()) {
      refusedTotal.incrementAndGet();
      throw refused(limits.total() + " remote connections are open (" + ConnectionLimits.MAX_CONNECTIONS + ")");
    }
    long ofUser = userById.values().stream().filter(user::equals).count();
    if (ofUser >= limits.perUser()) {
      refusedPerUser.incrementAndGet();
      throw refused(limits.perUser() + " remote connections of user '" + user + "' are open ("
          + ConnectionLimits.MAX_CONNECTIONS_PER_USER + ")");
    }
    userById.put(id, user);
  }

  /** Forgets a connection whose opening failed after it was admitted. */
  synchronized void forget(String id) {
    userById.remove(id);
  }

  long refusedTotal() {
    return refusedTotal.get();
  }

  long refusedPerUser() {
    return refusedPerUser.get();
  }

  private AvaticaRuntimeException refused(String why) {
    String message = "connection refused: " + why + "; close unused connections or raise the limit";
    log.warn("Avatica endpoint: " + message);
    return new AvaticaRuntimeException(message, 0, TOO_MANY, AvaticaSeverity.ERROR);
  }
}
