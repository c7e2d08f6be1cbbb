package io.edgetimedb.server.security;

import io.edgetimedb.engine.settings.Setting;
import io.edgetimedb.engine.settings.SettingsRegistry;

/**
 * Who may reach the server and as whom, defined in the server's one registry by {@link
 * io.edgetimedb.server.ServerSettings#define} and read once at start. docs/remote-access.md
 * explains them together with the listeners' bind addresses.
 */
public final class SecuritySettings {
  public static final String USERS_FILE = "security.users-file";
  public static final String ALLOW_OPEN = "security.allow-open";

  private SecuritySettings() {}

  public static void define(SettingsRegistry r) {
    r.define(Setting.text(USERS_FILE, "", "File of the users who may log in (one 'name role credential' per "
        + "line, role read, write or admin); with users, remote JDBC needs BASIC authentication and HTTP writes "
        + "a token. Empty for no users: then only loopback listeners may start."));
    r.define(Setting.flag(ALLOW_OPEN, false, "Let listeners beyond loopback start without authentication (HTTP "
        + "and Avatica without users, TCP and UDP line protocol always): a warning in the log and a degraded "
        + "/health say so for as long as it runs."));
  }
}
