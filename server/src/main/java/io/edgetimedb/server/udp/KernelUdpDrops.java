package io.edgetimedb.server.udp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Datagrams the Linux kernel dropped for our socket because its receive buffer was full: the
 * loss that happens before the listener ever sees a datagram. Linux lists every UDP socket in
 * {@code /proc/net/udp} (IPv4) and {@code /proc/net/udp6} (IPv6, also dual-stack sockets, which
 * Java opens by default), one line each, the drop count in the last column:
 *
 * <pre>
 *   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops
 *  42: 0100007F:1F99 00000000:0000 07 00000000:00000000 00:00000000 00000000  1000        0 5634521 2 ffff8f3c1d2e0000 17
 * </pre>
 *
 * The local port is hex after the colon. Other processes may have sockets on the same port
 * (SO_REUSEPORT), so the socket is found once by port among the inodes this process holds open
 * ({@code /proc/self/fd/N -> socket:[inode]}) and then read by inode.
 */
final class KernelUdpDrops {
  private static final List<Path> TABLES = List.of(Path.of("/proc/net/udp"), Path.of("/proc/net/udp6"));
  private static final int INODE = 9;
  private static final int DROPS = 12;

  private final Set<Long> inodes;

  private KernelUdpDrops(Set<Long> inodes) {
    this.inodes = inodes;
  }

  /** The drops of this process's UDP socket on {@code port}; empty when not on Linux or not readable. */
  static Optional<KernelUdpDrops> of(int port) {
    try {
      Set<Long> own = ownSocketInodes();
      Set<Long> found = new HashSet<>();
      for (Path table : TABLES) {
        if (Files.isReadable(table)) {
          found.addAll(inodesOnPort(Files.readAllLines(table), port, own));
        }
      }
      return found.isEmpty() ? Optional.empty() : Optional.of(new KernelUdpDrops(found));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Drops counted so far; empty when the tables cannot be read (any more). */
  OptionalLong read() {
    try {
      long sum = 0;
      boolean seen = false;
      for (Path table : TABLES) {
        if (Files.isReadable(table)) {
          OptionalLong drops = drops(Files.readAllLines(table), inodes);
          if (drops.isPresent()) {
            sum += drops.getAsLong();
            seen = true;
          }
        }
      }
      return seen ? OptionalLong.of(sum) : OptionalLong.empty();
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty();
    }
  }

  /** Sum of the drops column over the table rows of the given inodes; empty when none is listed. */
  static OptionalLong drops(List<String> table, Set<Long> inodes) {
    long sum = 0;
    boolean seen = false;
    for (String[] row : rows(table)) {
      if (inodes.contains(Long.parseLong(row[INODE]))) {
        sum += Long.parseLong(row[DROPS]);
        seen = true;
      }
    }
    return seen ? OptionalLong.of(sum) : OptionalLong.empty();
  }

  /** Inodes of the table rows bound to local {@code port} that are among {@code own} (all of them when own is null). */
  static Set<Long> inodesOnPort(List<String> table, int port, Set<Long> own) {
    Set<Long> found = new HashSet<>();
    for (String[] row : rows(table)) {
      String local = row[1];
      int localPort = Integer.parseInt(local.substring(local.lastIndexOf(':') + 1), 16);
      long inode = Long.parseLong(row[INODE]);
      if (localPort == port && (own == null || own.contains(inode))) {
        found.add(inode);
      }
    }
    return found;
  }

  /** The data rows split into columns; the header and malformed lines are skipped. */
  private static List<String[]> rows(List<String> table) {
    return table.stream()
        .map(line -> line.trim().split("\\s+"))
        .filter(row -> row.length > DROPS && row[0].endsWith(":") && row[INODE].chars().allMatch(Character::isDigit)
            && row[DROPS].chars().allMatch(Character::isDigit))
        .toList();
  }

  /** Inodes of the sockets this process holds; null when /proc/self/fd cannot be listed (then any inode counts). */
  private static Set<Long> ownSocketInodes() {
    Set<Long> inodes = new HashSet<>();
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      fds.forEach(fd -> {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.startsWith("socket:[")) {
            inodes.add(Long.parseLong(target.substring(8, target.length() - 1)));
          }
        } catch (IOException | RuntimeException e) {
          // an fd closed while listing
        }
      });
      return inodes;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
