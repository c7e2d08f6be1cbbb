package io.edgetimedb.server.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.edgetimedb.testsupport.StoredRows;
import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.DatabaseConfig;
import io.edgetimedb.engine.lineprotocol.Precision;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The kernel's UDP drops: the /proc/net/udp format, and the live gauge on Linux. */
class KernelUdpDropsTest {
  private static final List<String> UDP = List.of(
      "   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops",
      "  42: 0100007F:1F99 00000000:0000 07 00000000:00000000 00:00000000 00000000  1000        0 5634521 2 ffff8f3c1d2e0000 17",
      "  43: 00000000:1F99 00000000:0000 07 00000000:00000000 00:00000000 00000000  1000        0 7777777 2 ffff8f3c1d2e0400 5",
      "  44: 00000000:0044 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 1234 2 ffff8f3c1d2e0800 99",
      "garbage line");
  private static final List<String> UDP6 = List.of(
      "  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops",
      "  7: 00000000000000000000000000000000:1F99 00000000000000000000000000000000:0000 07 00000000:00000000 00:00000000 00000000  1000        0 888 2 ffff8f3c1d2e0c00 3");

  @Test
  void socketsAreFoundByLocalPortAmongOurOwnInodes() {
    assertThat(KernelUdpDrops.inodesOnPort(UDP, 0x1F99, Set.of(5634521L, 1234L))).containsExactly(5634521L);
    assertThat(KernelUdpDrops.inodesOnPort(UDP, 0x1F99, null)).containsExactlyInAnyOrder(5634521L, 7777777L);
    assertThat(KernelUdpDrops.inodesOnPort(UDP6, 8089, Set.of(888L))).containsExactly(888L);
    assertThat(KernelUdpDrops.inodesOnPort(UDP, 9999, null)).isEmpty();
  }

  @Test
  void theDropsColumnIsReadByInode() {
    assertThat(KernelUdpDrops.drops(UDP, Set.of(5634521L))).isEqualTo(OptionalLong.of(17));
    assertThat(KernelUdpDrops.drops(UDP, Set.of(5634521L, 1234L))).isEqualTo(OptionalLong.of(116));
    assertThat(KernelUdpDrops.drops(UDP6, Set.of(888L))).isEqualTo(OptionalLong.of(3));
    assertThat(KernelUdpDrops.drops(UDP, Set.of(888L))).isEmpty();
  }

  @Test
  void liveTheGaugeCountsWhatTheKernelDroppedWhileTheListenerWasHeld() throws Exception {
    assumeTrue(Files.isReadable(Path.of("/proc/net/udp")), "Linux only");
    CountDownLatch released = new CountDownLatch(1);
    UdpConfig tiny = new UdpConfig(true, "127.0.0.1", 0, 4096, Precision.NANOSECONDS, 4096);
    try (Database db = Database.open(DatabaseConfig.defaults())) {
      UdpListener listener = UdpListener.start(tiny, batch -> {
        try {
          released.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return db.write(batch);
      }, System::currentTimeMillis);
      try (DatagramSocket sender = new DatagramSocket()) {
        assertThat(listener.statistics().datagramsDroppedByKernel()).isZero();
        byte[] line = ("drop,s=a v=1 1700000000000000000\n" + "#".repeat(900)).getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 2_000; i++) {
          sender.send(new DatagramPacket(line, line.length, InetAddress.getLoopbackAddress(), listener.port()));
        }
        assertThat(StoredRows.await(() -> listener.statistics().datagramsDroppedByKernel() > 0, 5_000)).isTrue();
        released.countDown();
        long dropped = listener.statistics().datagramsDroppedByKernel();
        assertThat(StoredRows.await(() -> listener.statistics().datagramsReceived() + dropped == 2_000, 10_000))
            .as("received %d, dropped %d", listener.statistics().datagramsReceived(), dropped).isTrue();
      } finally {
        released.countDown();
        listener.close();
      }
    }
  }
}
