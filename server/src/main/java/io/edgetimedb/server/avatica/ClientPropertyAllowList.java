package io.edgetimedb.server.avatica;

import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;

/**
 * The connection properties a remote client may set on the embedded connection it gets. Avatica's
 * JdbcMeta would merge every property a client sends into the server's connection properties, and
 * Calcite acts on many of them: {@code model} loads a schema model (an {@code inline:} or file
 * model can read files on the server), {@code parserFactory}, {@code schemaFactory}, {@code fun}
 * and others load or swap code paths. So only {@code user} and {@code password} pass (the user
 * names the connection's writes; on a server with users the logged-in user replaces both, and
 * {@code role} is never the client's to set); the session's time zone, conformance and case rules
 * stay the server's. Any other property refuses the connection, naming the property,
 * so a client learns why instead of wondering why its setting had no effect.
 *
 * <p>Avatica's own client settings ({@code serialization}, {@code authentication},
 * {@code truststore}, {@code timeZone}, ...) never reach the server: the remote driver keeps them.
 */
final class ClientPropertyAllowList {
  static final Set<String> FORWARDED = Set.of("user", "password");
  /** SQLSTATE 08004: the server rejected the establishment of the connection. */
  static final String REFUSED = "08004";

  private ClientPropertyAllowList() {}

  /** Fails, naming every property outside the allow-list, if the client sent any. */
  static void check(Map<String, String> clientProperties) {
    if (clientProperties == null) {
      return;
    }
    Set<String> refused = new TreeSet<>(clientProperties.keySet());
    refused.removeAll(FORWARDED);
    if (!refused.isEmpty()) {
      String message = "connection propert" + (refused.size() == 1 ? "y " : "ies ") + String.join(", ",
          refused.stream().map(p -> "'" + p + "'").toList()) + " not allowed over remote access"
          + " (allowed: user, password)";
      throw new AvaticaRuntimeException(message, 0, REFUSED, AvaticaSeverity.ERROR);
    }
  }

  /** The allowed subset of merged properties: what the embedded driver gets. */
  static Properties forwarded(Properties merged) {
    Properties forwarded = new Properties();
    for (String key : FORWARDED) {
      String value = merged.getProperty(key);
      if (value != null) {
        forwarded.setProperty(key, value);
      }
    }
    return forwarded;
  }
}
