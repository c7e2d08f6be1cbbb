package io.edgetimedb.server.udp;

import io.edgetimedb.server.ingest.IngestCounters;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The UDP listener's counters: datagrams, the ones lost (by the kernel before we saw them, and
 * by the listener when their write failed) and, in {@link #ingest()}, what became of the lines.
 */
public final class UdpStatistics {
  private final IngestCounters ingest = new IngestCounters();
  private final AtomicLong datagrams = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private volatile Optional<KernelUdpDrops> kernel = Optional.empty();

  public IngestCounters ingest() {
    return ingest;
  }

  public long datagramsReceived() {
    return datagrams.get();
  }

  /** Datagrams received but not written because their chunk's database write failed. */
  public long datagramsDroppedByListener() {
    return dropped.get();
  }

  /** Datagrams the kernel dropped for a full receive buffer; -1 where it cannot be read (not Linux). */
  public long datagramsDroppedByKernel() {
    return kernel.map(k -> k.read().orElse(-1)).orElse(-1L);
  }

  void received(int count) {
    datagrams.addAndGet(count);
  }

  void dropped(int count) {
    dropped.addAndGet(count);
  }

  void kernelDrops(Optional<KernelUdpDrops> drops) {
    kernel = drops;
  }

  /**
   * Registers {@code edgetimedb.udp.*}: the line counters, datagrams received and dropped by
   * the listener, and (when /proc/net/udp has the socket) the kernel's drops as a gauge.
   */
  public void bindTo(MeterRegistry registry) {
    ingest.bindTo(registry, "udp");
    FunctionCounter.builder("edgetimedb.udp.datagrams.received", this, UdpStatistics::datagramsReceived)
        .description("UDP datagrams received").register(registry);
    String dropped = "UDP datagrams lost: their write failed (listener), or the socket's receive buffer was full "
        + "(kernel, read from /proc/net/udp)";
    FunctionCounter.builder("edgetimedb.udp.datagrams.dropped", this, UdpStatistics::datagramsDroppedByListener)
        .tag("by", "listener").description(dropped).register(registry);
    if (kernel.isPresent()) {
      // the kernel keeps the count; it is read at each scrape (NaN should /proc become unreadable)
      FunctionCounter.builder("edgetimedb.udp.datagrams.dropped", this, s -> {
        long drops = s.datagramsDroppedByKernel();
        return drops < 0 ? Double.NaN : drops;
      }).tag("by", "kernel").description(dropped).register(registry);
    }
  }
}
