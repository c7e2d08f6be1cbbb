package io.edgetimedb.server.bench;

/**
 * Another database the macro benchmark can run beside EdgeTimeDB ({@code --peers questdb,sqlite,duckdb}).
 * Peers are found with {@link java.util.ServiceLoader}; their drivers and servers are not part of
 * {@code edgetimedb.jar} (an edge box does not ship them) but are loaded at run time from
 * {@link PeerContext#peerJars()}. A peer that cannot run here throws {@link PeerUnavailable},
 * and the run goes on without it.
 */
public interface Peer {
  /** The name {@code --peers} uses: {@code questdb}, {@code sqlite}, {@code duckdb}. */
  String name();

  /** Starts a fresh, empty instance for one run and returns it as a target; the target's close stops it. */
  BenchTarget start(PeerContext context) throws Exception;
}
