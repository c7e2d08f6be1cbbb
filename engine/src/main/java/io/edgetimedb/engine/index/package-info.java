/**
 * The tag index: one {@link io.edgetimedb.engine.index.TagIndex} per measurement maps tag keys and
 * values to the series carrying them, and evaluates {@link io.edgetimedb.engine.index.TagPredicate}
 * trees to bitmaps of series ids.
 */
package io.edgetimedb.engine.index;
