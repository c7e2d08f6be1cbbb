package io.edgetimedb.server.bench.run;

import io.edgetimedb.server.bench.Peer;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * The peers this run can find: {@link Peer} implementations registered for {@link ServiceLoader}
 * on the class path or in a jar of the peer-jar directory (which also holds their drivers and
 * servers, kept out of {@code edgetimedb.jar}).
 */
final class PeerDirectory implements AutoCloseable {
  /** The peers the benchmark issue names; {@code --peers} accepts these and any other peer found. */
  static final List<String> KNOWN = List.of("questdb", "sqlite", "duckdb");

  private final URLClassLoader jars;
  private final Map<String, Peer> byName = new LinkedHashMap<>();

  PeerDirectory(Path peerJars) throws IOException {
    this.jars = new URLClassLoader(urls(peerJars), Peer.class.getClassLoader());
    for (Peer peer : ServiceLoader.load(Peer.class, jars)) {
      byName.putIfAbsent(peer.name(), peer);
    }
  }

  private static URL[] urls(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return new URL[0];
    }
    List<URL> urls = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path jar : files.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) {
        urls.add(url(jar));
      }
    }
    return urls.toArray(URL[]::new);
  }

  private static URL url(Path jar) throws MalformedURLException {
    return jar.toUri().toURL();
  }

  /** The peer of that name, or null when none was found. */
  Peer find(String name) {
    return byName.get(name);
  }

  @Override
  public void close() throws IOException {
    jars.close();
  }
}
