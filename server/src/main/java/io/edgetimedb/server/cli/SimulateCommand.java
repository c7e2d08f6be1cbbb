package io.edgetimedb.server.cli;

import io.edgetimedb.engine.settings.DurationText;
import io.edgetimedb.engine.simulation.GroundTruthCsv;
import io.edgetimedb.server.simulation.ClockSkew;
import io.edgetimedb.server.simulation.DeliveryCounts;
import io.edgetimedb.server.simulation.LateReadings;
import io.edgetimedb.server.simulation.ReadingRate;
import io.edgetimedb.server.simulation.SimulatedFleet;
import io.edgetimedb.server.simulation.Simulation;
import io.edgetimedb.server.simulation.SimulationReport;
import io.edgetimedb.server.simulation.SimulationTarget;
import io.edgetimedb.server.simulation.TargetAddress;
import io.edgetimedb.server.simulation.TargetOptions;
import io.edgetimedb.server.transfer.TransferProgress;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code simulate --sensors N --rate HZ|max --duration D|--points N --to URL}: a simulated sensor
 * fleet ({@code SensorFeed}) sending its readings to a server over HTTP, TCP, UDP or MQTT, paced
 * or as fast as possible, with optional anomalies, wrong clocks and late readings. Prints a
 * summary; exit code 0 when every point was delivered without an error, 1 when points were lost
 * or the target could not be reached, 2 for bad options. docs/simulate.md has the details.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Send a simulated sensor fleet's readings to a server (HTTP, TCP, UDP or MQTT).",
        "Sensors of seven kinds (temperature, pressure, vibration, energy, door, valve, status) tagged "
            + "site, line and sensor; see docs/simulate.md."},
    exitCodeOnInvalidInput = 2, exitCodeOnExecutionException = 1)
final class SimulateCommand implements Callable<Integer> {
  @Option(names = "--to", required = true, paramLabel = "URL", converter = AddressConverter.class,
      description = {"Where to send (default ports 8086, 8094, 8089, 1883):",
          "http://host:port: POST line protocol to /api/v2/write?precision=ms",
          "tcp://host:port: newline-delimited line protocol",
          "udp://host:port: datagrams of whole lines, at most 1,400 bytes",
          "mqtt://host:port: a message per reading on topic plant/{site}/{line}/{sensor}"})
  TargetAddress to;

  @Option(names = "--sensors", paramLabel = "N", defaultValue = "100",
      description = "Number of sensors (default ${DEFAULT-VALUE}); kinds take turns: sensor 0 temperature, 1 pressure, ...")
  int sensors;

  @Option(names = "--rate", paramLabel = "HZ|max", defaultValue = "1", converter = RateConverter.class,
      description = {"Readings per second per sensor (default ${DEFAULT-VALUE}), paced in real time: "
          + "N x HZ points per second. After a stall the run catches up at most 1 s of readings at once and "
          + "reports when it cannot keep the rate.",
          "max: as fast as the target takes them (readings 1 s apart in sensor time)."})
  ReadingRate rate;

  @Option(names = "--duration", paramLabel = "D", converter = DurationConverter.class,
      description = "How much sensor time to send: 30s, 5m, 2h (default 30s unless --points is given). "
          + "Paced, that is also how long the run takes.")
  Long durationMillis;

  @Option(names = "--points", paramLabel = "N", description = "Stop after N points instead of a duration.")
  Long points;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "Seed of every random choice (default ${DEFAULT-VALUE}): the same seed and options send the same readings.")
  long seed;

  @Option(names = "--start", paramLabel = "TIME", converter = InstantConverter.class,
      description = "Time of the first reading, ISO-8601 (2026-11-27T06:00:00Z) or epoch milliseconds; default now.")
  Long startMillis;

  @Option(names = "--anomalies", paramLabel = "COUNT", defaultValue = "0",
      description = "Inject COUNT anomalies (spikes, level shifts, drifts, stuck readings, noise bursts, "
          + "dropouts) at random over the run (default none).")
  int anomalies;

  @Option(names = "--ground-truth", paramLabel = "FILE",
      description = "Write the injected anomalies to FILE as CSV (measurement, sensor, field, kind, window, magnitude).")
  Path groundTruth;

  @Option(names = "--clock-skew", paramLabel = "SHARE:MAX_OFFSET[:MAX_DRIFT_PPM]", converter = SkewConverter.class,
      description = "Give a share of the sensors wrong clocks: 0.1:5s:50 = 10%% of them up to 5 s off, drifting "
          + "up to 50 ppm. Their readings carry their own (wrong) timestamps.")
  ClockSkew clockSkew;

  @Option(names = "--late", paramLabel = "SHARE:MAX_TICKS", converter = LateConverter.class,
      description = "Deliver a share of the readings late, out of order: 0.05:10 = 5%% of them 1 to 10 readings' "
          + "time late, keeping their timestamps.")
  LateReadings late;

  @Option(names = "--connections", paramLabel = "K", defaultValue = "1",
      description = "TCP: connections to spread the sensors over (default ${DEFAULT-VALUE}); a sensor always uses the same one.")
  int connections;

  @Option(names = "--batch-lines", paramLabel = "N", defaultValue = "5000",
      description = "HTTP: lines per request at most (default ${DEFAULT-VALUE}); a request also goes after 100 ms.")
  int batchLines;

  @Option(names = "--qos", paramLabel = "0|1|2", defaultValue = "1",
      description = "MQTT: QoS of every publish (default ${DEFAULT-VALUE}).")
  int qos;

  @Option(names = "--quiet", description = "No progress bar.")
  boolean quiet;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException, InterruptedException {
    checkOptions();
    SimulatedFleet fleet = fleet();
    long maxPoints = points != null ? points : Long.MAX_VALUE;
    // a --points run may need more ticks than planned when dropouts swallow readings
    long ticks = points != null ? Long.MAX_VALUE : fleet.ticks();
    double asked = rate.pointsPerSecond(sensors);
    if (groundTruth != null) {
      writeGroundTruth(fleet);
    }
    PrintWriter err = spec.commandLine().getErr();
    DeliveryCounts counts = new DeliveryCounts();
    SimulationTarget target;
    try {
      target = SimulationTarget.open(to, new TargetOptions(connections, batchLines, qos), counts);
    } catch (IOException e) {
      err.println("simulate: cannot reach " + to + ": " + e.getMessage());
      err.flush();
      return 1;
    }
    SimulationReport report;
    long total = points != null ? points : fleet.ticks() * sensors;
    try (TransferProgress progress = TransferProgress.start("simulate", total, "points", quiet)) {
      Simulation simulation = new Simulation(fleet, ticks, maxPoints, asked, rate.pacer(), progress::advance, warning -> {
        err.println("simulate: " + warning);
        err.flush();
      });
      report = simulation.run(target, counts);
    }
    PrintWriter out = spec.commandLine().getOut();
    report.lines().forEach(out::println);
    if (groundTruth != null) {
      out.println("ground truth: " + groundTruth);
    }
    out.flush();
    return report.clean() ? 0 : 1;
  }

  /** The checks that concern several options or ranges picocli does not know. */
  private void checkOptions() {
    if (durationMillis != null && points != null) {
      throw invalid("--duration and --points exclude each other: give one");
    }
    positive("--sensors", sensors);
    positive("--connections", connections);
    positive("--batch-lines", batchLines);
    if (points != null && points < 1) {
      throw invalid("--points " + points + ": give at least 1");
    }
    if (anomalies < 0) {
      throw invalid("--anomalies " + anomalies + ": give 0 or more");
    }
    if (qos < 0 || qos > 2) {
      throw invalid("--qos " + qos + ": MQTT QoS is 0, 1 or 2");
    }
    if (durationMillis != null && durationMillis < rate.periodMillis()) {
      throw invalid("--duration " + DurationText.format(durationMillis) + ": shorter than one reading ("
          + rate.periodMillis() + " ms apart at this rate)");
    }
  }

  private void positive(String option, long value) {
    if (value < 1) {
      throw invalid(option + " " + value + ": give at least 1");
    }
  }

  private ParameterException invalid(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  private SimulatedFleet fleet() {
    long period = rate.periodMillis();
    long ticks = points != null ? (points + sensors - 1) / sensors
        : (durationMillis != null ? durationMillis : 30_000L) / period;
    long start = startMillis != null ? startMillis : defaultStart(period, ticks);
    return new SimulatedFleet(sensors, seed, start, period, ticks, anomalies, clockSkew, late);
  }

  /**
   * Paced readings start now and keep time with the clock. Unpaced ones would race ahead of it,
   * into the server's future bound (ingest.future-bound), so they are history that ends now.
   */
  private long defaultStart(long period, long ticks) {
    long now = Math.floorDiv(System.currentTimeMillis(), period) * period;
    return rate.max() ? now - ticks * period : now;
  }

  private void writeGroundTruth(SimulatedFleet fleet) throws IOException {
    try (Writer w = Files.newBufferedWriter(groundTruth, StandardCharsets.UTF_8)) {
      GroundTruthCsv.write(fleet.newFeed(), w);
    }
  }

  static final class AddressConverter implements ITypeConverter<TargetAddress> {
    @Override
    public TargetAddress convert(String value) {
      try {
        return TargetAddress.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  static final class RateConverter implements ITypeConverter<ReadingRate> {
    @Override
    public ReadingRate convert(String value) {
      try {
        return ReadingRate.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  static final class DurationConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      Long millis = DurationText.parse(value);
      if (millis == null || millis <= 0) {
        throw new TypeConversionException("'" + value + "' is not a positive duration such as 30s, 5m or 2h");
      }
      return millis;
    }
  }

  static final class InstantConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      try {
        return value.matches("-?\\d+") ? Long.parseLong(value) : Instant.parse(value).toEpochMilli();
      } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
        throw new TypeConversionException("'" + value + "' is neither an ISO-8601 time (2026-11-27T06:00:00Z)"
            + " nor epoch milliseconds");
      }
    }
  }

  static final class SkewConverter implements ITypeConverter<ClockSkew> {
    @Override
    public ClockSkew convert(String value) {
      try {
        return ClockSkew.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("'" + value + "': " + e.getMessage());
      }
    }
  }

  static final class LateConverter implements ITypeConverter<LateReadings> {
    @Override
    public LateReadings convert(String value) {
      try {
        return LateReadings.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("'" + value + "': " + e.getMessage());
      }
    }
  }
}
