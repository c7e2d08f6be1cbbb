package io.edgetimedb.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Bodies cut into pieces of whole lines, whatever the read sizes, line lengths and buffer size. */
class LinePiecesTest {
  private static final Random SEEDS = new Random(20261127);
  private static final int NO_LINE_LIMIT = Integer.MAX_VALUE - 1;
  private static final BodyBudget UNBOUNDED = new BodyBudget(Long.MAX_VALUE);

  /** Hands out at most a random few bytes per read, as a slow network does. */
  private static InputStream trickle(byte[] body, Random random) {
    return new ByteArrayInputStream(body) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 1 + random.nextInt(40)));
      }
    };
  }

  private static byte[] randomBody(Random random) {
    StringBuilder body = new StringBuilder();
    int lines = random.nextInt(60);
    for (int i = 0; i < lines; i++) {
      body.append("x".repeat(random.nextInt(random.nextInt(10) == 0 ? 200 : 12)));
      if (i < lines - 1 || random.nextBoolean()) {
        body.append('\n');
      }
    }
    return body.toString().getBytes();
  }

  @RepeatedTest(200)
  void piecesAreWholeLinesNumberedAsInTheBodyAndTogetherTheBody() throws IOException {
    Random random = new Random(SEEDS.nextLong());
    byte[] body = randomBody(random);
    int linesPerPiece = 1 + random.nextInt(8);
    LinePieces pieces = new LinePieces(linesPerPiece, 1 + random.nextInt(64), NO_LINE_LIMIT, UNBOUNDED);
    pieces.reset(trickle(body, random));

    ByteArrayOutputStream joined = new ByteArrayOutputStream();
    int newlinesBefore = 0;
    while (pieces.next()) {
      byte[] buf = pieces.buffer();
      int newlines = 0;
      for (int i = pieces.offset(); i < pieces.offset() + pieces.length(); i++) {
        newlines += buf[i] == '\n' ? 1 : 0;
      }
      assertThat(pieces.length()).isPositive();
      assertThat(pieces.firstLine()).isEqualTo(newlinesBefore + 1);
      assertThat(newlines).isLessThanOrEqualTo(linesPerPiece);
      boolean endsWithNewline = buf[pieces.offset() + pieces.length() - 1] == '\n';
      joined.write(buf, pieces.offset(), pieces.length());
      assertThat(endsWithNewline || joined.size() == body.length).as("only the last piece may end mid-line").isTrue();
      newlinesBefore += newlines;
    }
    assertThat(joined.toByteArray()).isEqualTo(body);
    assertThat(pieces.next()).isFalse();
  }

  @Test
  void aBufferGrownForALongLineIsGivenBackOnRelease() throws IOException {
    LinePieces pieces = new LinePieces(5, 16, NO_LINE_LIMIT, UNBOUNDED);
    pieces.reset(new ByteArrayInputStream(("short\n" + "y".repeat(1000) + "\nend").getBytes()));
    int count = 0;
    while (pieces.next()) {
      count++;
    }
    assertThat(count).as("a full buffer hands out the complete lines it has").isGreaterThanOrEqualTo(2);
    assertThat(pieces.buffer().length).isGreaterThanOrEqualTo(1000);
    pieces.release();
    assertThat(pieces.buffer()).hasSize(16);
  }

  /** Random lines, some longer than a random limit: those are skipped and numbered, the rest come out whole. */
  @RepeatedTest(200)
  void linesLongerThanTheLimitAreSkippedAndNumberedAndTheOthersComeOutWhole() throws IOException {
    Random random = new Random(SEEDS.nextLong());
    int limit = 1 + random.nextInt(30);
    List<String> lines = new ArrayList<>();
    int count = 1 + random.nextInt(40);
    for (int i = 0; i < count; i++) {
      lines.add("x".repeat(random.nextInt(limit * 3)));
    }
    boolean lastEnded = random.nextBoolean();
    String body = String.join("\n", lines) + (lastEnded ? "\n" : "");
    StringBuilder kept = new StringBuilder();
    List<Integer> overlong = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      if (lines.get(i).length() > limit) {
        overlong.add(i + 1);
      } else {
        kept.append(lines.get(i)).append(i < count - 1 || lastEnded ? "\n" : "");
      }
    }
    LinePieces pieces = new LinePieces(1 + random.nextInt(8), 1 + random.nextInt(64), limit, UNBOUNDED);
    pieces.reset(trickle(body.getBytes(), random));

    StringBuilder joined = new StringBuilder();
    while (pieces.next()) {
      String piece = new String(pieces.buffer(), pieces.offset(), pieces.length());
      String[] segments = piece.split("\n", -1);
      int wholeLines = piece.endsWith("\n") ? segments.length - 1 : segments.length;
      for (int j = 0; j < wholeLines; j++) {
        assertThat(segments[j]).as("line %d", pieces.firstLine() + j).isEqualTo(lines.get(pieces.firstLine() - 1 + j));
      }
      joined.append(piece);
    }
    assertThat(joined.toString()).isEqualTo(kept.toString());
    assertThat(pieces.overlongLines()).isEqualTo(overlong);
    assertThat(pieces.buffer().length).isLessThanOrEqualTo(Math.max(64, limit + 1));
  }

  @Test
  void aBufferThatWouldOutgrowTheBudgetIsRefusedAndTheReservationGivenBack() throws IOException {
    BodyBudget budget = new BodyBudget(100);
    LinePieces pieces = new LinePieces(5, 64, 1_000, budget);
    pieces.reset(new ByteArrayInputStream(("short\n" + "y".repeat(500) + "\n").getBytes()));
    assertThat(budget.inFlight()).isEqualTo(64);
    assertThat(pieces.next()).isTrue();

    assertThatThrownBy(pieces::next).isInstanceOfSatisfying(RefusedRequest.class, r -> {
      assertThat(r.status()).isEqualTo(503);
      assertThat(r.retryAfterSeconds()).isPositive();
    });
    pieces.release();
    assertThat(budget.inFlight()).isZero();
    assertThat(budget.refusals()).isEqualTo(1);
  }
}
