package io.edgetimedb.sql.table;

import io.edgetimedb.engine.write.RejectedPoint;
import io.edgetimedb.sql.SqlStateCarrier;
import io.edgetimedb.engine.write.WriteResult;
import java.util.stream.Collectors;

/**
 * Some rows of a write were refused. The others were written: the message says how many, and
 * names each refused row by its 0-based index in the statement or batch with the reason.
 */
public final class RowsRefusedException extends RuntimeException implements SqlStateCarrier {
  private final transient WriteResult result;

  public RowsRefusedException(WriteResult result) {
    super(result.rejected().size() + " row(s) refused, " + result.accepted() + " written: "
        + result.rejected().stream().map(RowsRefusedException::describe).collect(Collectors.joining("; ")));
    this.result = result;
  }

  private static String describe(RejectedPoint p) {
    return "row " + p.index() + ": " + p.reason();
  }

  public WriteResult result() {
    return result;
  }

  /** A data exception: the rows broke a rule of the engine (a type, a name, the time window). */
  @Override
  public String sqlState() {
    return "22000";
  }
}
