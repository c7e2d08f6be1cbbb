package io.edgetimedb.server.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lines put back together across reads, over-long ones skipped, without sockets in between. */
class LineAssemblerTest {
  /** Feeds reads one after the other as the writer thread does, collecting what comes out. */
  private static final class Feed implements LineAssembler.Lines {
    final LineAssembler assembler;
    final StringBuilder runs = new StringBuilder();
    int tooLong;
    int incomplete;
    final byte[] buf;

    Feed(int maxLineLength) {
      assembler = new LineAssembler(maxLineLength);
      buf = new byte[maxLineLength + 65_536];
    }

    Feed read(String text, boolean ended) {
      int end = assembler.restore(buf);
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      System.arraycopy(bytes, 0, buf, end, bytes.length);
      assembler.split(buf, end + bytes.length, ended, this);
      return this;
    }

    @Override
    public void run(byte[] b, int off, int len) {
      String run = new String(b, off, len, StandardCharsets.UTF_8);
      assertThat(run).satisfiesAnyOf(r -> assertThat(r).isEmpty(), r -> assertThat(r).endsWith("\n"));
      runs.append(run);
    }

    @Override
    public void tooLong() {
      tooLong++;
    }

    @Override
    public void incomplete() {
      incomplete++;
    }
  }

  @Test
  void linesSplitAtEveryByteBoundaryComeOutWhole() {
    String text = "cpu,host=a usage=1.5 1700000000000000000\ncpu,host=b usage=2i\r\n# note\nmem free=3u 17\n";
    for (int cut = 0; cut <= text.length(); cut++) {
      Feed feed = new Feed(256).read(text.substring(0, cut), false).read(text.substring(cut), false);
      assertThat(feed.runs.toString()).as("cut at %d", cut).isEqualTo(text);
      assertThat(feed.assembler.carried()).isZero();
    }
  }

  @Test
  void oneByteAtATimeComesOutWhole() {
    String text = "a v=1\nbb v=2\n\nccc v=3\n";
    Feed feed = new Feed(256);
    for (char c : text.toCharArray()) {
      feed.read(String.valueOf(c), false);
    }
    assertThat(feed.runs.toString()).isEqualTo(text);
  }

  @Test
  void aLineOverTheLimitIsSkippedWithinOneRead() {
    String longLine = "x".repeat(300);
    Feed feed = new Feed(256).read("a v=1\n" + longLine + "\nb v=2\n", false);
    assertThat(feed.runs.toString()).isEqualTo("a v=1\nb v=2\n");
    assertThat(feed.tooLong).isEqualTo(1);
  }

  @Test
  void aLineOverTheLimitIsSkippedAcrossReadsAndTheNextLineKept() {
    Feed feed = new Feed(256).read("a v=1\n" + "x".repeat(200), false);
    assertThat(feed.tooLong).isZero();
    feed.read("y".repeat(200), false);
    assertThat(feed.tooLong).isEqualTo(1);
    assertThat(feed.assembler.carried()).isZero();
    feed.read("z".repeat(5000), false).read("zz\nb v=2\nc v", false).read("=3\n", false);
    assertThat(feed.runs.toString()).isEqualTo("a v=1\nb v=2\nc v=3\n");
    assertThat(feed.tooLong).isEqualTo(1);
  }

  @Test
  void aLineOfExactlyTheLimitIsKept() {
    String line = "m v=" + "1".repeat(252);
    assertThat(line).hasSize(256);
    Feed feed = new Feed(256).read(line.substring(0, 100), false).read(line.substring(100) + "\n", false);
    assertThat(feed.runs.toString()).isEqualTo(line + "\n");
    assertThat(feed.tooLong).isZero();
  }

  @Test
  void anUnfinishedLastLineOfAnEndedConnectionIsDroppedAndCounted() {
    Feed feed = new Feed(256).read("a v=1\nb v=2", false).read("1", true);
    assertThat(feed.runs.toString()).isEqualTo("a v=1\n");
    assertThat(feed.incomplete).isEqualTo(1);
    Feed blankTail = new Feed(256).read("a v=1\n  \r", true);
    assertThat(blankTail.incomplete).isZero();
  }

  @Test
  void manyLinesInOneRead() {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      lines.add("m,i=" + i + " v=" + i);
    }
    String text = String.join("\n", lines) + "\n";
    Feed feed = new Feed(256);
    int end = text.length() / 2;
    feed.read(text.substring(0, end), false).read(text.substring(end), false);
    assertThat(feed.runs.toString()).isEqualTo(text);
  }

  @Test
  void theWordAtATimeSearchFindsEveryLineEndAtEveryOffset() {
    java.util.Random random = new java.util.Random(7);
    for (int round = 0; round < 2_000; round++) {
      byte[] buf = new byte[random.nextInt(40)];
      for (int i = 0; i < buf.length; i++) {
        int kind = random.nextInt(6);
        buf[i] = (byte) (kind == 0 ? '\n' : kind == 1 ? 0x0B : kind == 2 ? 0x8A : random.nextInt(256));
      }
      int from = buf.length == 0 ? 0 : random.nextInt(buf.length);
      int expected = from;
      while (expected < buf.length && buf[expected] != '\n') {
        expected++;
      }
      assertThat(LineAssembler.nextLineEnd(buf, from, buf.length)).isEqualTo(expected);
    }
  }
}
