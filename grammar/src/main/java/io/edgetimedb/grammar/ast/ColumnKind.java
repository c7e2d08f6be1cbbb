package io.edgetimedb.grammar.ast;

/**
 * What a declared column holds. The timestamp is not among them: every measurement has the
 * implicit timestamp column {@code ts}.
 */
public enum ColumnKind {
    /** An indexed string that identifies a series, such as a device or site. */
    TAG,
    /** A 64-bit floating-point field. */
    DOUBLE,
    /** A 64-bit signed integer field. */
    BIGINT,
    /** A true-or-false field. */
    BOOLEAN,
    /** A character string field. */
    VARCHAR,
    /** A byte string field. */
    VARBINARY
}
