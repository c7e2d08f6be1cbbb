package io.edgetimedb.server.bench.report;

/**
 * Memory at one moment of a target's run.
 *
 * @param seconds since the target started
 * @param engineBytes what the target's own accounting says it holds ({@code BenchTarget.bytesHeld})
 * @param heapAfterGcBytes this JVM's heap in use after the latest garbage collection (a peer
 *     running in its own process does not show here)
 */
public record MemorySample(double seconds, long engineBytes, long heapAfterGcBytes) {
}
