package io.edgetimedb.engine.chunkenc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.edgetimedb.testsupport.AdversarialValues;
import org.junit.jupiter.api.Test;

class DictionaryStringCodecTest {
  private final DictionaryStringCodec codec = new DictionaryStringCodec();
  private final CodecRoundTrip<String[]> roundTrip =
      CodecRoundTrip.ofStrings(codec::encode, codec::decode);

  @Test
  void roundTripsPooledStrings() {
    qt().withExamples(500)
        .forAll(AdversarialValues.stringChunks())
        .checkAssert(values -> roundTrip.check(values, values.length));
  }

  @Test
  void roundTripsArbitraryStrings() {
    qt().withExamples(500)
        .forAll(AdversarialValues.distinctStringChunks())
        .checkAssert(values -> roundTrip.check(values, values.length));
  }

  @Test
  void garbageIsCorruptOrDecodes() {
    qt().withExamples(300)
        .forAll(AdversarialValues.byteArrays(0, 64), integers().between(0, 200))
        .checkAssert(roundTrip::checkGarbage);
  }

  @Test
  void mangledEncodingsAreCorruptOrDecode() {
    qt().withExamples(300)
        .forAll(AdversarialValues.stringChunks(), AdversarialValues.seeds())
        .checkAssert((values, seed) -> roundTrip.checkMangled(values, values.length, seed));
  }

  @Test
  void equalStringsDecodeToOneInstance() {
    String[] values = {"pump-1", new String("pump-1"), "pump-2", new String("pump-1")};
    String[] decoded = roundTrip.decode(roundTrip.encode(values, 4), 4);
    assertThat(decoded).containsExactly(values);
    assertThat(decoded[1]).isSameAs(decoded[0]);
    assertThat(decoded[3]).isSameAs(decoded[0]);
  }

  @Test
  void layoutIsDictionaryThenRuns() {
    String[] values = {"a", "a", "", "a"};
    assertThat(roundTrip.encode(values, 4))
        .containsExactly(2, 1, 'a', 0, /* runs */ 0, 2, 1, 1, 0, 1);
  }

  @Test
  void loneSurrogatesAndSupplementaryCharsRoundTripExactly() {
    String[] values = {"\uD800", "x\uDC00y", "\uDBFF\uDFFF", "\uDC00\uD800", "é温😀", ""};
    roundTrip.check(values, values.length);
    assertThat(roundTrip.encode(new String[] {"\uD83D\uDE00"}, 1))
        .as("a surrogate pair is plain 4-byte UTF-8")
        .containsExactly(1, 4, 0xF0, 0x9F, 0x98, 0x80, 0, 1);
  }

  @Test
  void longStringsRoundTrip() {
    String[] values = {"é".repeat(10_000), "x".repeat(10_000), "é".repeat(10_000)};
    roundTrip.check(values, values.length);
  }

  @Test
  void malformedUtf8IsCorrupt() {
    byte[][] malformed = {
      {1, 1, (byte) 0x80, 0, 1}, // stray continuation byte
      {1, 2, (byte) 0xC3, 'x', 0, 1}, // missing continuation
      {1, 1, (byte) 0xE2, 0, 1}, // sequence cut by the length
      {1, 4, (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80, 0, 1}, // above U+10FFFF
      {1, 4, (byte) 0xF0, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0, 1}, // overlong, below U+10000
      {1, 1, (byte) 0xF8, 0, 1}, // no such lead byte
    };
    for (byte[] encoding : malformed) {
      assertThatThrownBy(() -> roundTrip.decode(encoding, 1))
          .isInstanceOf(CorruptChunkException.class)
          .hasMessageStartingWith("DictionaryStringCodec: invalid UTF-8");
    }
  }

  @Test
  void badDictionaryIdsAndRunsAreCorrupt() {
    byte[] emptyDictionary = {0};
    assertThatThrownBy(() -> roundTrip.decode(emptyDictionary, 1))
        .isInstanceOf(CorruptChunkException.class)
        .hasMessageContaining("empty dictionary");
    byte[] unknownId = {1, 0, 1, 1};
    assertThatThrownBy(() -> roundTrip.decode(unknownId, 1))
        .isInstanceOf(CorruptChunkException.class)
        .hasMessageContaining("dictionary id 1");
    byte[] emptyRun = {1, 0, 0, 0};
    assertThatThrownBy(() -> roundTrip.decode(emptyRun, 1))
        .isInstanceOf(CorruptChunkException.class)
        .hasMessageContaining("empty run");
  }
}
