package io.edgetimedb.server.bench;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * What a {@link Peer} is started with.
 *
 * @param workDirectory an empty directory the peer may keep its files in (deleted after the run)
 * @param peerJars directory holding the peers' jars (JDBC drivers, the QuestDB server), as the
 *     bench module's build copies them to {@code bench/target/peers}
 * @param sensors sensors in the feed, so a peer can size or partition its tables
 * @param log where to say what the peer is doing (starting a server, skipping)
 */
public record PeerContext(Path workDirectory, Path peerJars, int sensors, PrintStream log) {
}
