package io.edgetimedb.engine.health;

/**
 * Something an operator must know about, in force since {@code sinceMillis}.
 *
 * @param name a stable identifier of what is wrong, such as {@code checkpoint-damaged}; one
 *     condition per name is in force at a time, and metrics count by name
 * @param severity how bad it is
 * @param message what happened and, where there is one, what to do, in one or two sentences
 * @param sinceMillis when it was raised (epoch milliseconds)
 */
public record HealthCondition(String name, Severity severity, String message, long sinceMillis) {}
