package io.edgetimedb.server.bench.peer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuestDbServerConfTest {

  @Test
  void bindsEveryListenerToLoopbackAndSendsNothingHome(@TempDir Path root) throws Exception {
    new QuestDbServerConf(9100, 9101, 9102).writeTo(root);

    Properties conf = new Properties();
    try (Reader reader = Files.newBufferedReader(root.resolve("conf/server.conf"))) {
      conf.load(reader);
    }
    assertThat(conf.getProperty("http.net.bind.to")).isEqualTo("127.0.0.1:9100");
    assertThat(conf.getProperty("pg.net.bind.to")).isEqualTo("127.0.0.1:9101");
    assertThat(conf.getProperty("line.tcp.net.bind.to")).isEqualTo("127.0.0.1:9102");
    assertThat(conf.getProperty("http.min.enabled")).isEqualTo("false");
    assertThat(conf.getProperty("line.udp.enabled")).isEqualTo("false");
    assertThat(conf.getProperty("telemetry.enabled")).isEqualTo("false");
    assertThat(conf.getProperty("telemetry.disable.completely")).isEqualTo("true");
    assertThat(conf.stringPropertyNames()).filteredOn(key -> key.endsWith(".bind.to"))
        .allSatisfy(key -> assertThat(conf.getProperty(key)).startsWith("127.0.0.1:"));
  }
}
