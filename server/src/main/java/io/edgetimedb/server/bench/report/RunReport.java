package io.edgetimedb.server.bench.report;

import java.util.List;

/**
 * Everything one {@code bench} run measured, as written to its JSON file and drawn in its table
 * and charts.
 *
 * @param machine what the run ran on, and how busy the machine was
 * @param settings what was asked for
 * @param targets one entry per target and sensor count, in the order they ran
 * @param skipped one line per target that could not run (an unknown or unavailable peer)
 */
public record RunReport(Machine machine, RunSettings settings, List<TargetReport> targets, List<String> skipped) {
}
