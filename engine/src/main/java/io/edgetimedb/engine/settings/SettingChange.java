package io.edgetimedb.engine.settings;

/**
 * One entry of the settings history. Values are display texts (secrets masked); the first entry
 * of every setting is its default, with no old value and source {@code default}.
 *
 * @param timeMillis when the change took effect, epoch milliseconds
 * @param oldValue the value before, null for the default entry
 * @param source who changed it: {@code default}, {@code file:<path>}, {@code flag:<option>},
 *     {@code sql:<user>}, {@code api}
 */
public record SettingChange(long timeMillis, String name, String oldValue, String newValue, String source) {}
