package io.edgetimedb.engine.series;

import io.edgetimedb.engine.chunk.SealedChunk;

/**
 * A series as a checkpoint stores it: its sealed chunks, its head encoded as a chunk (null when
 * empty), the last log sequence applied to it and its newest timestamp.
 */
public record SeriesImage(SealedChunk[] sealed, SealedChunk head, long appliedSequence, long maxTimestamp) {}
