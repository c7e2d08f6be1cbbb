package org.apache.calcite.avatica.remote;

import org.apache.calcite.avatica.Meta;

/**
 * Requests sent straight through a remote connection's {@link Service}, around Avatica's JDBC
 * objects: a statement's execution holds the statement's lock, so a close or cancel through the
 * statement would wait for the very execution it is meant to stop. It lives in Avatica's package
 * because {@link RemoteMeta}'s service is package-private.
 */
public final class OutOfBand {
  private OutOfBand() {}

  /**
   * Closes the statement on the server in a request of its own; the server stops a query the
   * statement runs (its cancel flag, checked by the query's guards). Another kind of meta (not
   * remote) closes it its own way.
   */
  public static void closeStatement(Meta meta, Meta.StatementHandle h) {
    if (meta instanceof RemoteMeta remote) {
      remote.service.apply(new Service.CloseStatementRequest(h.connectionId, h.id));
    } else {
      meta.closeStatement(h);
    }
  }
}
