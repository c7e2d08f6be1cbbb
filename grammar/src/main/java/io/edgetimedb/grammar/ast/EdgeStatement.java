package io.edgetimedb.grammar.ast;

/**
 * A parsed EdgeTimeDB statement: one of the statements that Apache Calcite's SQL parser does not
 * know. Names of measurements, columns and tags are normalised: unquoted ones lower-cased, quoted
 * ones exactly as written.
 */
public sealed interface EdgeStatement
        permits CreateMeasurement,
                DropMeasurement,
                ShowMeasurements,
                ShowSeries,
                ShowTagKeys,
                ShowTagValues,
                ShowFields,
                ShowConfig,
                SetSetting {}
