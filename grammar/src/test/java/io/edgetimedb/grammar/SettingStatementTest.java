package io.edgetimedb.grammar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgetimedb.grammar.ast.SetSetting;
import io.edgetimedb.grammar.ast.ShowConfig;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingStatementTest {
  @Test
  void showConfigWithAndWithoutAPattern() {
    assertThat(StatementParser.parse("SHOW CONFIG")).contains(new ShowConfig(Optional.empty()));
    assertThat(StatementParser.parse("show config like 'http.%';"))
        .contains(new ShowConfig(Optional.of("http.%")));
  }

  @Test
  void setTakesDottedHyphenatedNamesAndValuesWithUnits() {
    assertThat(StatementParser.parse("SET http.max-body-size = 64MiB"))
        .contains(new SetSetting("http.max-body-size", "64MiB"));
    assertThat(StatementParser.parse("set Ingest.Out-Of-Order-Window = 1.5 h;"))
        .contains(new SetSetting("ingest.out-of-order-window", "1.5 h"));
    assertThat(StatementParser.parse("SET wal.fsync = 'it''s'"))
        .contains(new SetSetting("wal.fsync", "it's"));
    assertThat(StatementParser.parse("SET wal.fsync = Always"))
        .contains(new SetSetting("wal.fsync", "Always"));
    assertThat(StatementParser.parse("SET a.b = -1")).contains(new SetSetting("a.b", "-1"));
    assertThat(StatementParser.parse("SET storage.chunk-rows = 2048"))
        .contains(new SetSetting("storage.chunk-rows", "2048"));
  }

  @Test
  void malformedSetStatementsAreReportedWithAPosition() {
    assertThatThrownBy(() -> StatementParser.parse("SET http . port = 1"))
        .isInstanceOf(StatementSyntaxException.class).hasMessageContaining("cannot contain blanks");
    assertThatThrownBy(() -> StatementParser.parse("SET http.port 1"))
        .isInstanceOf(StatementSyntaxException.class);
    assertThatThrownBy(() -> StatementParser.parse("SET http.port = "))
        .isInstanceOf(StatementSyntaxException.class);
  }
}
