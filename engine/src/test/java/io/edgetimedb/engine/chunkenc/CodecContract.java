package io.edgetimedb.engine.chunkenc;

import static io.edgetimedb.testsupport.AdversarialValues.byteArrays;
import static io.edgetimedb.testsupport.AdversarialValues.seeds;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.lang.reflect.Array;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The properties every codec must have, written once: any chunk of its values round-trips
 * bit-exactly, and random or mangled bytes either decode or throw CorruptChunkException.
 * A codec's test class extends this with its round trip and its value generator.
 *
 * @param <A> the codec's value array type
 */
abstract class CodecContract<A> {
  /** The codec under test, wrapped for round trips. */
  abstract CodecRoundTrip<A> roundTrip();

  /** Random and adversarial chunks of the codec's values. */
  abstract Gen<A> valueChunks();

  @Test
  void roundTripsAnyChunkBitExactly() {
    qt().withExamples(1000)
        .forAll(valueChunks())
        .checkAssert(values -> roundTrip().check(values, Array.getLength(values)));
  }

  @Test
  void garbageIsCorruptOrDecodes() {
    qt().withExamples(300)
        .forAll(byteArrays(0, 64), integers().between(0, 200))
        .checkAssert((bytes, count) -> roundTrip().checkGarbage(bytes, count));
  }

  @Test
  void mangledEncodingsAreCorruptOrDecode() {
    qt().withExamples(300)
        .forAll(valueChunks(), seeds())
        .checkAssert((values, seed) -> roundTrip().checkMangled(values, Array.getLength(values), seed));
  }
}
