package io.edgetimedb.engine.health;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The one place a database says that something is wrong: damage found, data lost, writes
 * refused, a setting that leaves it exposed. Whoever finds a problem raises a condition here; it
 * is logged once when raised (damage and unavailability at error level), stays in force until
 * whoever owns it clears it, and {@code /health} and {@code /metrics} read it from here, so no
 * problem can be found and stay silent.
 *
 * <p>Conditions are few and named by kind, so holding them costs nothing worth budgeting.
 */
public final class HealthConditions {
  private static final Logger LOG = System.getLogger(HealthConditions.class.getName());

  private final Map<String, HealthCondition> current = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> raised = new ConcurrentHashMap<>();
  private final LongSupplier clock;

  public HealthConditions() {
    this(System::currentTimeMillis);
  }

  HealthConditions(LongSupplier clock) {
    this.clock = clock;
  }

  /**
   * Puts a condition in force (replacing one of the same name), counts it and logs it. Raising a
   * condition already in force with the same message changes nothing and logs nothing, so a
   * problem seen on every attempt does not flood the log.
   */
  public void raise(String name, Severity severity, String message) {
    HealthCondition previous = current.get(name);
    if (previous != null && previous.severity() == severity && previous.message().equals(message)) {
      return;
    }
    current.put(name, new HealthCondition(name, severity, message, clock.getAsLong()));
    raised.computeIfAbsent(name, n -> new AtomicLong()).incrementAndGet();
    LOG.log(severity == Severity.DEGRADED ? Level.WARNING : Level.ERROR, "[{0}] {1}", name, message);
  }

  /** Ends the condition of this name, if one is in force; logs that it ended. */
  public void clear(String name) {
    HealthCondition ended = current.remove(name);
    if (ended != null) {
      LOG.log(Level.INFO, "[{0}] resolved", name);
    }
  }

  /** The conditions in force, worst first, then by name. */
  public List<HealthCondition> current() {
    List<HealthCondition> list = new ArrayList<>(current.values());
    list.sort(Comparator.comparing(HealthCondition::severity).reversed().thenComparing(HealthCondition::name));
    return list;
  }

  /** The condition of this name, if it is in force. */
  public Optional<HealthCondition> get(String name) {
    return Optional.ofNullable(current.get(name));
  }

  /** The worst severity in force, or empty when nothing is wrong. */
  public Optional<Severity> worst() {
    return current.values().stream().map(HealthCondition::severity).max(Comparator.naturalOrder());
  }

  /** How often each condition was raised since the database opened, by name (for counters). */
  public Map<String, Long> raisedCounts() {
    Map<String, Long> counts = new TreeMap<>();
    raised.forEach((name, count) -> counts.put(name, count.get()));
    return counts;
  }
}
