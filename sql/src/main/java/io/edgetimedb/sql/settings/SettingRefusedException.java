package io.edgetimedb.sql.settings;

import io.edgetimedb.engine.settings.ImmutableSettingException;
import io.edgetimedb.engine.settings.SettingException;
import io.edgetimedb.engine.settings.UnknownSettingException;
import io.edgetimedb.sql.SqlStateCarrier;

/**
 * A {@code SET} the registry refused, with the SQLSTATE PostgreSQL gives the same refusal:
 * 42704 (undefined object) for an unknown setting, 55P02 (cannot change run-time parameter) for
 * one that only takes effect at start-up, 22023 (invalid parameter value) for a bad value.
 */
public final class SettingRefusedException extends RuntimeException implements SqlStateCarrier {
  private final String sqlState;

  private SettingRefusedException(SettingException cause, String sqlState) {
    super(cause.getMessage(), cause);
    this.sqlState = sqlState;
  }

  static SettingRefusedException of(SettingException e) {
    if (e instanceof UnknownSettingException) {
      return new SettingRefusedException(e, "42704");
    }
    if (e instanceof ImmutableSettingException) {
      return new SettingRefusedException(e, "55P02");
    }
    return new SettingRefusedException(e, "22023");
  }

  @Override
  public String sqlState() {
    return sqlState;
  }
}
