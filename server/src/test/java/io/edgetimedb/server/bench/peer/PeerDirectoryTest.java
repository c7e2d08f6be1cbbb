package io.edgetimedb.server.bench.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeerDirectoryTest {

  @Test
  void measuresEveryFileBelowAndDeletesThemAll(@TempDir Path work) throws IOException {
    PeerDirectory directory = PeerDirectory.create(work, "sqlite");
    Files.write(directory.path().resolve("plant.sqlite"), new byte[4096]);
    Files.createDirectories(directory.path().resolve("db/t~1"));
    Files.write(directory.path().resolve("db/t~1/ts.d"), new byte[100]);

    assertThat(directory.bytes()).isEqualTo(4196);
    assertThat(PeerDirectory.bytes(directory.path().resolve("db"))).isEqualTo(100);

    directory.delete();
    assertThat(work.resolve("sqlite")).doesNotExist();
    assertThat(PeerDirectory.bytes(work.resolve("sqlite"))).isZero();
  }

  @Test
  void refusesADirectoryHoldingAnotherRunsFiles(@TempDir Path work) throws IOException {
    Files.createDirectories(work.resolve("duckdb"));
    Files.writeString(work.resolve("duckdb/plant.duckdb"), "old");

    assertThatThrownBy(() -> PeerDirectory.create(work, "duckdb"))
        .isInstanceOf(IOException.class)
        .hasMessage(work.resolve("duckdb") + " is not empty: a peer starts on an empty directory");
  }
}
