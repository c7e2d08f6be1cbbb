package io.edgetimedb.server.udp;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The hosts datagrams come from, numbered, each with its source name {@code udp:<host>} made
 * once, so that the listener can group a chunk's datagrams by sender and write each sender's in
 * one batch under its own name. The port is left out: a sensor that reopens its socket keeps its
 * name in {@code sys.sources}. Forgets everything once it knows {@value #MAX_HOSTS} hosts, so
 * spoofed or roaming senders cannot grow it without bound. Listener thread only.
 */
final class UdpSenders {
  static final int MAX_HOSTS = 4096;
  private final Map<InetAddress, Integer> ids = new HashMap<>();
  private final List<String> names = new ArrayList<>();

  /** The number of a host, from 0 up; call {@link #forgetIfFull} only between chunks, as numbers change then. */
  int id(InetAddress host) {
    Integer id = ids.get(host);
    if (id == null) {
      id = names.size();
      ids.put(host, id);
      names.add("udp:" + host.getHostAddress());
    }
    return id;
  }

  String name(int id) {
    return names.get(id);
  }

  void forgetIfFull() {
    if (names.size() >= MAX_HOSTS) {
      ids.clear();
      names.clear();
    }
  }
}
