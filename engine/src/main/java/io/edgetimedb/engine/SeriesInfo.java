package io.edgetimedb.engine;

import java.util.SortedMap;

/** A series as listed to users: its id, measurement and tag set. */
public record SeriesInfo(int id, String measurement, SortedMap<String, String> tags) {}
