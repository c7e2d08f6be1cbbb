package io.edgetimedb.server.bench.run;

import io.edgetimedb.server.bench.BenchTarget;
import io.edgetimedb.server.bench.Peer;
import io.edgetimedb.server.bench.PeerContext;
import io.edgetimedb.server.bench.PeerUnavailable;

/**
 * A peer that can never run here, registered for ServiceLoader in the test resources: shows that
 * peers are found on the class path and that one which cannot start is skipped with its reason.
 */
public final class UnavailablePeer implements Peer {
  @Override
  public String name() {
    return "unavailable-for-tests";
  }

  @Override
  public BenchTarget start(PeerContext context) throws PeerUnavailable {
    throw new PeerUnavailable("its server is not installed on this machine", null);
  }
}
