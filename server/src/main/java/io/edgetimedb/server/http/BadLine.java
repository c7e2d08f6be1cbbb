package io.edgetimedb.server.http;

/**
 * A line of a write body that was not written, as a 400 answer lists it.
 *
 * @param line 1-based line number in the (decompressed) body
 * @param column 1-based column of the fault, in characters; 0 when the database refused the
 *     point as a whole (a type conflict, a value too long, a point too late)
 * @param message what is wrong
 */
record BadLine(int line, int column, String message) {}
