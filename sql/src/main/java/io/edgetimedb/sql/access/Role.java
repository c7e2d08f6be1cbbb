package io.edgetimedb.sql.access;

import java.util.Arrays;
import java.util.Locale;

/**
 * What a connection's user may do; each role may do everything the ones before it may. An
 * embedded connection is {@link #ADMIN} unless its {@code role} property says otherwise (the
 * application owns its database); a server gives remote users the role of their entry in the
 * users file.
 */
public enum Role {
  /** Queries, SHOW and EXPLAIN. */
  READ,
  /** Also INSERT, CREATE MEASUREMENT and line-protocol writes. */
  WRITE,
  /** Also SET, DROP, DELETE and every other statement. */
  ADMIN;

  /** The connection property naming a connection's role. */
  public static final String PROPERTY = "role";

  /** Whether this role may do what {@code needed} may. */
  public boolean permits(Role needed) {
    return compareTo(needed) >= 0;
  }

  /** {@code read}, {@code write} or {@code admin}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The role of that label, in any case.
   *
   * @throws IllegalArgumentException naming the label and the roles there are
   */
  public static Role of(String label) {
    for (Role role : values()) {
      if (role.label().equalsIgnoreCase(label.strip())) {
        return role;
      }
    }
    throw new IllegalArgumentException("unknown role '" + label + "' (roles: "
        + String.join(", ", Arrays.stream(values()).map(Role::label).toList()) + ")");
  }
}
