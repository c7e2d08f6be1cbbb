package io.edgetimedb.bench.chaos;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The chaos run: a real server process, the steady feed writing into it throughout, and phases
 * of equal length: the feed alone (baseline), the feed beside each attack in turn, optionally
 * beside every attack at once, and the feed alone again (what the attacks left behind). After
 * each attack the feed must be acknowledged again within {@link ChaosScale#settle()}, else the
 * server is declared unresponsive, stopped (SIGTERM, then SIGKILL) and restarted on its
 * directory. At the end every acknowledged batch is looked for over remote SQL, then once more
 * after a SIGTERM and a restart.
 */
final class ChaosRun {
  private static final Duration READY_WITHIN = Duration.ofMinutes(3);
  private static final Duration STOP_WITHIN = Duration.ofSeconds(30);
  private static final Duration ATTACK_GRACE = Duration.ofSeconds(15);
  private static final long DAY = 86_400_000L;

  /**
   * One phase as the feed saw it.
   *
   * @param pointsPerSecond the feed's acknowledged points per second over the phase
   * @param healthAnswered probes of {@code /health} answered within 5 s, of {@code healthProbes}
   * @param recovery how the feed came back after the phase, or how the server was restarted
   * @param outcomes one line per attack of the phase
   */
  record Phase(String name, double pointsPerSecond, Map<String, Long> feedFailures, long heapMaxBytes,
      long rssMaxBytes, int healthProbes, int healthAnswered, String healthAfter, String recovery,
      Map<String, Outcome> outcomes) {}

  /**
   * @param live the feed's batches looked for on the running server after the last phase (null
   *     when the run could not get that far: see {@code problem})
   * @param stop how the server took SIGTERM at the end
   * @param afterRestart the same check after that stop and a new start on the directory
   * @param problem why the run ended early or a check could not be made; null when all ran
   */
  record Result(String started, List<Phase> phases, FeedCheck live, String stop, FeedCheck afterRestart,
      String healthAfterRestart, int serverStarts, String problem) {
    Phase baseline() {
      return phases.get(0);
    }

    boolean nothingLost() {
      return problem == null && live.nothingLost() && afterRestart.nothingLost();
    }

    /** Acknowledged points lost as far as they were checked. */
    long lostPoints() {
      return (live == null ? 0 : live.lostPoints()) + (afterRestart == null ? 0 : afterRestart.lostPoints());
    }
  }

  private final ChaosScale scale;
  private final PrintStream progress;
  private ServerProcess server;
  private SteadyFeed feed;

  private ChaosRun(ChaosScale scale, PrintStream progress) {
    this.scale = scale;
    this.progress = progress;
  }

  /**
   * Runs the phases in {@code work} (the server's directory, log and configuration go there);
   * the server's JVM gets {@code -Xmx} of the scale and {@code extraJvmOptions}.
   */
  static Result run(ChaosScale scale, List<Attack> attacks, boolean together, List<String> extraJvmOptions, Path work,
      PrintStream progress) throws IOException, InterruptedException {
    return new ChaosRun(scale, progress).run(attacks, together, extraJvmOptions, work);
  }

  private Result run(List<Attack> attacks, boolean together, List<String> extraJvmOptions, Path work)
      throws IOException, InterruptedException {
    String started = Instant.now().toString();
    List<String> jvmOptions = new ArrayList<>(List.of("-Xmx" + scale.heap()));
    jvmOptions.addAll(extraJvmOptions);
    server = ServerProcess.start(work, jvmOptions, READY_WITHIN);
    feed = new SteadyFeed(server, scale.sensors(), scale.pointsPerSensor(),
        System.currentTimeMillis() / DAY * DAY - 2 * DAY);
    Thread feeding = new Thread(feed, "chaos-feed");
    feeding.start();
    List<Phase> phases = new ArrayList<>();
    String problem = null;
    try {
      warmUp();
      phases.add(phase("feed alone (baseline)", List.of()));
      for (Attack attack : attacks) {
        phases.add(phase(attack.name(), List.of(attack)));
      }
      if (together && attacks.size() > 1) {
        phases.add(phase("all attacks at once", attacks));
      }
      phases.add(phase("feed alone (after)", List.of()));
    } catch (IOException e) {
      problem = "the run ended after " + phases.size() + " phases: " + e.getMessage();
    } finally {
      feed.stop();
      feeding.join(READY_WITHIN.toMillis());
    }
    FeedCheck live = null;
    FeedCheck afterRestart = null;
    String stop = "";
    String health = "";
    String stopLog = "";
    if (problem == null) {
      try {
        answering("before the check");
        live = FeedCheck.of(feed, server.jdbcUrl());
        progress.println("check on the running server: " + live);
        stop = server.stop(STOP_WITHIN);
        stopLog = stop.equals("exit 0") ? "" : "; the end of its output: " + server.logTail();
        progress.println("SIGTERM: " + stop + stopLog);
        server.startAgain(READY_WITHIN);
        afterRestart = FeedCheck.of(feed, server.jdbcUrl());
        health = server.health();
        progress.println("check after a restart: " + afterRestart + "; /health " + health);
      } catch (IOException e) {
        problem = e.getMessage();
      } catch (SQLException e) {
        problem = "the check query failed: " + RemoteQuery.describe(e);
      }
    }
    if (server.alive()) {
      server.stop(STOP_WITHIN);
    }
    if (problem != null) {
      progress.println("PROBLEM: " + problem);
    }
    return new Result(started, phases, live, stop + stopLog, afterRestart, health, server.starts(), problem);
  }

  /**
   * Half a phase of the feed alone before the baseline (the server's JIT, the first series and
   * fields), and both remote drivers loaded in this JVM, so that no attack's time goes on
   * loading classes.
   */
  private void warmUp() throws InterruptedException, IOException {
    long until = System.nanoTime() + scale.phase().toNanos() / 2;
    for (String url : List.of(server.jdbcUrl(), server.avaticaUrl())) {
      try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT 1")) {
        rs.next();
      } catch (SQLException e) {
        throw new IOException("the server does not answer remote SQL: " + RemoteQuery.describe(e), e);
      }
    }
    Thread.sleep(Math.max(0, (until - System.nanoTime()) / 1_000_000));
  }

  private Phase phase(String name, List<Attack> attacks) throws InterruptedException, IOException {
    progress.println("phase: " + name);
    long start = System.nanoTime();
    long deadline = start + scale.phase().toNanos();
    Map<String, Long> failuresBefore = feed.failures();
    long pointsBefore = feed.pointsAcknowledged();
    Sampler sampler = new Sampler();
    Thread sampling = daemon(sampler, "chaos-sampler");
    Map<Attack, CompletableFuture<Outcome>> running = new LinkedHashMap<>();
    for (Attack attack : attacks) {
      CompletableFuture<Outcome> outcome = new CompletableFuture<>();
      daemon(() -> {
        try {
          outcome.complete(attack.run(server, deadline));
        } catch (Exception | Error e) {
          outcome.complete(Outcome.of("the client failed: " + e, List.of()));
        }
      }, "chaos-" + attack.name());
      running.put(attack, outcome);
    }
    Thread.sleep(Math.max(0, (deadline - System.nanoTime()) / 1_000_000));
    double seconds = (System.nanoTime() - start) / 1e9;
    double rate = (feed.pointsAcknowledged() - pointsBefore) / seconds;
    Map<String, Outcome> outcomes = new LinkedHashMap<>();
    for (Map.Entry<Attack, CompletableFuture<Outcome>> r : running.entrySet()) {
      outcomes.put(r.getKey().name(), outcome(r.getValue()));
      progress.println("  " + r.getKey().name() + ": " + outcomes.get(r.getKey().name()));
    }
    sampler.stop();
    sampling.join();
    String recovery = attacks.isEmpty() ? "" : recover();
    Phase phase = new Phase(name, rate, difference(feed.failures(), failuresBefore), sampler.heapMax.get(),
        sampler.rssMax.get(), sampler.probes.get(), sampler.answered.get(), server.health(), recovery, outcomes);
    progress.printf("  feed %,.0f points/s, heap max %d MiB, RSS max %d MiB, /health answered %d of %d, after: %s %s%n",
        rate, phase.heapMaxBytes() >> 20, phase.rssMaxBytes() >> 20, phase.healthAnswered(), phase.healthProbes(),
        phase.healthAfter(), recovery);
    return phase;
  }

  /** The attack's outcome; an attack still waiting for the server well after its deadline got no answer. */
  private static Outcome outcome(CompletableFuture<Outcome> attack) throws InterruptedException {
    try {
      return attack.get(ATTACK_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return Outcome.of("the client was still waiting " + ATTACK_GRACE.toSeconds() + " s after the phase end "
          + "(abandoned)", List.of("no answer"));
    } catch (ExecutionException e) {
      return Outcome.of("the client failed: " + e.getCause(), List.of());
    }
  }

  /**
   * Waits for the feed to be acknowledged again; restarts the server when it is not within
   * {@link ChaosScale#settle()}. Says which.
   */
  private String recover() throws InterruptedException, IOException {
    long start = System.nanoTime();
    long before = feed.pointsAcknowledged();
    while (System.nanoTime() - start < scale.settle().toNanos()) {
      if (feed.pointsAcknowledged() > before) {
        return String.format("feed acknowledged again %.1f s after the phase", (System.nanoTime() - start) / 1e9);
      }
      Thread.sleep(20);
    }
    return restart("no acknowledgement for " + scale.settle().toSeconds() + " s");
  }

  /** Restarts the server unless it answers {@code /health}. */
  private void answering(String when) throws InterruptedException, IOException {
    if (server.health().startsWith("no answer")) {
      progress.println(restart("/health unanswered " + when));
    }
  }

  private String restart(String why) throws InterruptedException, IOException {
    String health = server.health();
    String stop = server.stop(STOP_WITHIN);
    long start = System.nanoTime();
    try {
      server.startAgain(READY_WITHIN);
    } catch (IOException e) {
      throw new IOException(why + " (/health: " + health + "); SIGTERM: " + stop + "; " + e.getMessage(), e);
    }
    return String.format("%s (/health: %s); SIGTERM: %s; restarted, ready in %.1f s", why, health, stop,
        (System.nanoTime() - start) / 1e9);
  }

  private static Map<String, Long> difference(Map<String, Long> now, Map<String, Long> before) {
    Map<String, Long> d = new TreeMap<>();
    now.forEach((k, v) -> {
      long n = v - before.getOrDefault(k, 0L);
      if (n > 0) {
        d.put(k, n);
      }
    });
    return d;
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** Probes {@code /health}, heap and RSS every half second while a phase runs. */
  private final class Sampler implements Runnable {
    final AtomicLong heapMax = new AtomicLong(-1);
    final AtomicLong rssMax = new AtomicLong(-1);
    final AtomicInteger probes = new AtomicInteger();
    final AtomicInteger answered = new AtomicInteger();
    private volatile boolean stopping;

    @Override
    public void run() {
      while (!stopping) {
        probes.incrementAndGet();
        if (!server.health().startsWith("no answer")) {
          answered.incrementAndGet();
        }
        heapMax.accumulateAndGet(server.heapUsedBytes(), Math::max);
        rssMax.accumulateAndGet(server.rssBytes(), Math::max);
        try {
          Thread.sleep(500);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    void stop() {
      stopping = true;
    }
  }
}
