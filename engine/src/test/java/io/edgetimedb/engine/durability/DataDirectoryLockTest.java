package io.edgetimedb.engine.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.DatabaseConfig;
import io.edgetimedb.engine.StorageException;
import io.edgetimedb.engine.vfs.CutPolicy;
import io.edgetimedb.engine.vfs.SimulatedFileSystem;
import io.edgetimedb.engine.wal.ReplayProgressListener;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryLockTest {
  @TempDir
  Path dir;

  @Test
  void aSecondDatabaseOnTheSameDirectoryIsRefusedUntilTheFirstCloses() {
    DatabaseConfig config = DatabaseConfig.defaults().withDataDirectory(dir);
    Database first = Database.open(config);
    assertThatThrownBy(() -> Database.open(config))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("data directory " + dir + " is in use");
    first.close();
    Database.open(config).close();
  }

  /** The lock belongs to the process: another process is refused, and a SIGKILL leaves no lock behind. */
  @Test
  void anotherProcessIsRefusedAndItsDeathReleasesTheLock() throws Exception {
    Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Holder.class.getName(), dir.toString())
        .redirectErrorStream(true).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(out.readLine()).isEqualTo("open");
      DatabaseConfig config = DatabaseConfig.defaults().withDataDirectory(dir);
      assertThatThrownBy(() -> Database.open(config)).hasMessageContaining("is in use");
      holder.destroyForcibly();
      assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
      Database.open(config).close();
    } finally {
      holder.destroyForcibly();
    }
  }

  @Test
  void aPowerCutEndsTheHolderOnTheSimulatedDisk() {
    SimulatedFileSystem fs = new SimulatedFileSystem();
    DatabaseConfig config = DatabaseConfig.defaults().withDataDirectory(Path.of("/db"));
    Database.open(config, fs, ReplayProgressListener.NONE);
    assertThatThrownBy(() -> Database.open(config, fs, ReplayProgressListener.NONE)).hasMessageContaining("in use");
    fs.powerCut(new Random(1), CutPolicy.DROP_ALL);
    Database.open(config, fs, ReplayProgressListener.NONE).close();
  }

  /** Holds a database open in its own process until killed. */
  public static final class Holder {
    public static void main(String[] args) throws InterruptedException {
      Database.open(DatabaseConfig.defaults().withDataDirectory(Path.of(args[0])));
      System.out.println("open");
      System.out.flush();
      Thread.sleep(120_000);
    }
  }
}
