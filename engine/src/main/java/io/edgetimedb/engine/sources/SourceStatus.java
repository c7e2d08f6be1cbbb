package io.edgetimedb.engine.sources;

/**
 * What the database has seen from one source since it started: a row of {@code sys.sources}.
 * The protocol and address come from the source's name, {@code protocol:address} ({@code
 * tcp:10.0.0.7}, {@code mqtt:plant/A/line1/t1}, {@code jdbc:plant}); a name without a colon
 * ({@code api}, {@code import}) is all protocol.
 *
 * @param firstSeenMillis receive time of the first batch
 * @param lastSeenMillis receive time of the latest batch
 * @param pointsAccepted points written (clamped and stamped ones included)
 * @param pointsRejectedFuture points refused for a timestamp beyond the future bound
 * @param pointsRejectedPast points refused for a timestamp beyond the past bound
 * @param pointsRejectedOther points refused for any other reason (bad names, type conflicts,
 *     the out-of-order window, no timestamp under {@code ingest.receive-time-stamp = never})
 * @param pointsRejectedLimit points refused because they would have gone beyond {@code
 *     ingest.max-fields} or {@code ingest.max-series}
 * @param pointsClamped points written at a bound instead of their own timestamp
 * @param pointsStamped points written with the receive time as their timestamp
 * @param clockOffsetMillis how far the source's clock runs ahead of the database's (negative:
 *     behind), see {@link ClockOffsetEstimate}; null while no point came with a timestamp
 */
public record SourceStatus(String source, long firstSeenMillis, long lastSeenMillis, long pointsAccepted,
    long pointsRejectedFuture, long pointsRejectedPast, long pointsRejectedOther, long pointsRejectedLimit, long pointsClamped,
    long pointsStamped, Long clockOffsetMillis) {
  /** The part of the name before its first colon: {@code http}, {@code tcp}, {@code udp}, {@code mqtt}, {@code jdbc}. */
  public String protocol() {
    int colon = source.indexOf(':');
    return colon < 0 ? source : source.substring(0, colon);
  }

  /** The part after the first colon: the sender's address, the MQTT topic or the JDBC user; empty when none. */
  public String address() {
    int colon = source.indexOf(':');
    return colon < 0 ? "" : source.substring(colon + 1);
  }
}
