package io.edgetimedb.server.bench.peer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Free TCP ports on 127.0.0.1 for a peer's server, found by letting the kernel pick (port 0).
 * The sockets are held until all are picked, so the ports differ, then released for the server
 * to take.
 */
final class LoopbackPorts {
  private LoopbackPorts() {
  }

  static int[] free(int count) throws IOException {
    ServerSocket[] sockets = new ServerSocket[count];
    int[] ports = new int[count];
    try {
      for (int i = 0; i < count; i++) {
        sockets[i] = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        ports[i] = sockets[i].getLocalPort();
      }
    } finally {
      for (ServerSocket socket : sockets) {
        if (socket != null) {
          socket.close();
        }
      }
    }
    return ports;
  }
}
