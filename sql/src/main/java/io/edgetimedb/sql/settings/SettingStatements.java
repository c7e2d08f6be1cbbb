package io.edgetimedb.sql.settings;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.settings.SettingException;
import io.edgetimedb.grammar.ast.SetSetting;

/**
 * Executes {@code SET name = value}: a run-time change of a changeable setting, recorded in
 * {@code sys.config_history} with source {@code sql:<user>}.
 */
public final class SettingStatements {
  private SettingStatements() {}

  /**
   * @throws SettingRefusedException with SQLSTATE 42704 (unknown), 55P02 (only at start-up) or
   *     22023 (bad value)
   */
  public static void execute(Database db, SetSetting set, String user) {
    try {
      db.settings().change(set.name(), set.value(), "sql:" + user);
    } catch (SettingException e) {
      throw SettingRefusedException.of(e);
    }
  }
}
