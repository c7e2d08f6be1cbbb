package io.edgetimedb.server.security;

import io.edgetimedb.engine.settings.SettingsRegistry;
import io.edgetimedb.server.ServerSettings;
import io.edgetimedb.sql.access.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * The users who may log in, from the users file ({@code security.users-file}), one per line:
 *
 * <pre>
 * # name     role    password (see PasswordHash)
 * alice      admin   pbkdf2-sha256:120000:3q2+7w==:...
 * telegraf   write   plain:s3cret
 * </pre>
 *
 * Fields are separated by blanks; names and passwords hold no blanks, {@code #} starts a comment
 * line. {@code avatica.auth.user} with {@code avatica.auth.password}, if set, is one more admin
 * (the single-user setting of older configurations). With no users at all, nobody is asked to
 * log in ({@link #required()} is false), which {@link ListenerExposure} allows on loopback only.
 */
public final class Users {
  private record User(Role role, PasswordHash password) {}

  private final Map<String, User> users;
  private final LongAdder refused = new LongAdder();

  private Users(Map<String, User> users) {
    this.users = Map.copyOf(users);
  }

  /** Nobody: authentication off. */
  public static Users none() {
    return new Users(Map.of());
  }

  /** One admin with a clear-text password (tests, and the older {@code avatica.auth.*} settings). */
  public static Users admin(String name, String password) {
    return new Users(Map.of(name, new User(Role.ADMIN, PasswordHash.parse(PasswordHash.PLAIN + password))));
  }

  /**
   * The users of the file {@code security.users-file} names, plus the {@code avatica.auth.user}.
   *
   * @throws SecurityConfigurationException naming the file and line that cannot be read
   */
  public static Users from(SettingsRegistry settings) {
    Map<String, User> users = new LinkedHashMap<>();
    String file = settings.stringValue(SecuritySettings.USERS_FILE);
    if (!file.isEmpty()) {
      read(Path.of(file), users);
    }
    String avaticaUser = settings.stringValue(ServerSettings.AVATICA_USER);
    if (!avaticaUser.isEmpty()) {
      users.put(avaticaUser, new User(Role.ADMIN,
          PasswordHash.parse(PasswordHash.PLAIN + settings.stringValue(ServerSettings.AVATICA_PASSWORD))));
    }
    return new Users(users);
  }

  private static void read(Path file, Map<String, User> users) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new SecurityConfigurationException("cannot read the users file " + file + " (" + SecuritySettings.USERS_FILE
          + "): " + e, e);
    }
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split("\\s+");
      try {
        if (fields.length != 3) {
          throw new IllegalArgumentException("expected 'name role password', found " + fields.length + " fields");
        }
        if (users.put(fields[0], new User(Role.of(fields[1]), PasswordHash.parse(fields[2]))) != null) {
          throw new IllegalArgumentException("user '" + fields[0] + "' is defined twice");
        }
      } catch (IllegalArgumentException e) {
        throw new SecurityConfigurationException(file + ":" + (i + 1) + ": " + e.getMessage(), e);
      }
    }
  }

  /** Whether anyone must log in: there is at least one user. */
  public boolean required() {
    return !users.isEmpty();
  }

  /**
   * The role of the user, when the password is theirs; empty (and counted in {@link #refused()})
   * for no user (null), an unknown user or a wrong password.
   */
  public Optional<Role> authenticate(String name, String password) {
    User user = name == null ? null : users.get(name);
    if (user != null && password != null && user.password().matches(password)) {
      return Optional.of(user.role());
    }
    refused.increment();
    return Optional.empty();
  }

  /** How many logins were refused (for /metrics). */
  public long refused() {
    return refused.sum();
  }
}
