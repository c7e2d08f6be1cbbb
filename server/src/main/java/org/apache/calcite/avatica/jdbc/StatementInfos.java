package org.apache.calcite.avatica.jdbc;

import java.sql.Statement;

/**
 * What {@link StatementInfo} keeps package-private: the embedded statement a remote statement
 * runs on. It lives in Avatica's package for that field alone.
 */
public final class StatementInfos {
  private StatementInfos() {}

  /** The embedded JDBC statement behind a remote statement. */
  public static Statement statement(StatementInfo info) {
    return info.statement;
  }
}
