package io.edgetimedb.server.security;

import io.edgetimedb.engine.health.HealthConditions;
import io.edgetimedb.engine.health.Severity;
import io.edgetimedb.engine.settings.SettingsRegistry;
import io.edgetimedb.server.ServerSettings;
import io.edgetimedb.server.tcp.TcpSettings;
import io.edgetimedb.server.udp.UdpSettings;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Which listeners the settings open beyond loopback, and whether that is allowed, decided before
 * the database opens. HTTP and Avatica authenticate when there are {@link Users}; TCP and UDP line
 * protocol cannot, so beyond loopback they always need {@code security.allow-open}. A listener
 * reachable from other machines without authentication refuses the start unless {@code
 * security.allow-open = true}; then it is announced in the log and kept in {@code /health} as a
 * degraded condition for as long as the server runs.
 */
public final class ListenerExposure {
  /** The health condition of a server running open. */
  public static final String CONDITION = "security.open";

  /** @param setting the bind setting that put it there */
  private record Listener(String name, String setting, String host, boolean authenticated) {
    String binding() {
      return setting + " = " + host;
    }
  }

  private final List<Listener> exposed;
  private final List<Listener> open;

  private ListenerExposure(List<Listener> exposed, List<Listener> open) {
    this.exposed = exposed;
    this.open = open;
  }

  /**
   * Checks the settings and says in the log how the server faces the network: one line either
   * way (how to open it, or a warning that it runs open).
   *
   * @throws SecurityConfigurationException when a listener beyond loopback has no authentication
   *     and running open was not asked for, or the users file is bad
   */
  public static ListenerExposure check(SettingsRegistry settings, PrintStream log) {
    boolean users = Users.from(settings).required();
    List<Listener> listeners = new ArrayList<>();
    listeners.add(listener(settings, "http", ServerSettings.HTTP_BIND, users));
    listeners.add(listener(settings, "avatica", ServerSettings.AVATICA_BIND, users));
    if (settings.booleanValue(TcpSettings.ENABLED)) {
      listeners.add(listener(settings, "tcp", TcpSettings.BIND, false));
    }
    if (settings.booleanValue(UdpSettings.ENABLED)) {
      listeners.add(listener(settings, "udp", UdpSettings.BIND, false));
    }
    List<Listener> exposed = listeners.stream().filter(l -> !isLoopback(l.host())).toList();
    List<Listener> open = exposed.stream().filter(l -> !l.authenticated()).toList();
    if (!open.isEmpty() && !settings.booleanValue(SecuritySettings.ALLOW_OPEN)) {
      throw new SecurityConfigurationException(refusal(open));
    }
    ListenerExposure exposure = new ListenerExposure(exposed, open);
    log.println(exposure.summary());
    return exposure;
  }

  private static Listener listener(SettingsRegistry settings, String name, String bindSetting, boolean authenticated) {
    return new Listener(name, bindSetting, settings.stringValue(bindSetting), authenticated);
  }

  /** An address that cannot be resolved counts as beyond loopback: when in doubt, ask for authentication. */
  private static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static String refusal(List<Listener> open) {
    List<String> fixes = new ArrayList<>();
    if (open.stream().anyMatch(l -> l.name().equals("http") || l.name().equals("avatica"))) {
      fixes.add("set " + SecuritySettings.USERS_FILE + " so HTTP and Avatica require users");
    }
    if (open.stream().anyMatch(l -> l.name().equals("tcp") || l.name().equals("udp"))) {
      fixes.add("bind TCP/UDP line protocol (no authentication) to 127.0.0.1");
    }
    fixes.add("or set " + SecuritySettings.ALLOW_OPEN + " = true to run open (docs/remote-access.md)");
    return "refusing to start: " + bindings(open) + " would let anyone reach the server without authentication; "
        + String.join(", ", fixes);
  }

  private static String bindings(List<Listener> listeners) {
    return listeners.stream().map(Listener::binding).collect(Collectors.joining(", "));
  }

  private String summary() {
    if (exposed.isEmpty()) {
      return "listening on loopback only; to serve other machines set http.bind, avatica.bind, tcp.bind, udp.bind "
          + "(e.g. 0.0.0.0) and " + SecuritySettings.USERS_FILE + " (docs/remote-access.md)";
    }
    if (open.isEmpty()) {
      return "listening beyond loopback with authentication: " + bindings(exposed);
    }
    return "WARNING: " + warning();
  }

  private String warning() {
    return "listening without authentication (" + SecuritySettings.ALLOW_OPEN + " = true): "
        + open.stream().map(l -> l.name() + "=" + l.host()).collect(Collectors.joining(", "))
        + " accept anyone who can reach them";
  }

  /** Keeps running open in the health register, where /health and /metrics show it. */
  public void report(HealthConditions health) {
    if (!open.isEmpty()) {
      health.raise(CONDITION, Severity.DEGRADED, warning());
    }
  }
}
