package io.edgetimedb.engine.write;

/**
 * A batch that is logged and applied (readers see it) but not yet known to be on disk; {@code
 * Database.awaitDurable} waits until it is. Lets one thread write several batches and wait for
 * one fsync that covers them all, where {@code Database.write} waits after each.
 *
 * @param result what the write did
 * @param logSequence the batch's write-ahead log record, 0 when nothing was logged (an
 *     in-memory database, or no point accepted)
 */
public record PendingWrite(WriteResult result, long logSequence) {}
