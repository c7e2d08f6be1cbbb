package io.edgetimedb.engine.chunkenc;

import java.lang.reflect.Array;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

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
  abstract Arbitrary<A> valueChunks();

  @Provide
  Arbitrary<A> chunks() {
    return valueChunks();
  }

  @Property
  void roundTripsAnyChunkBitExactly(@ForAll("chunks") A values) {
    roundTrip().check(values, Array.getLength(values));
  }

  @Property(tries = 300)
  void garbageIsCorruptOrDecodes(@ForAll @Size(max = 64) byte[] bytes, @ForAll @IntRange(max = 200) int count) {
    roundTrip().checkGarbage(bytes, count);
  }

  @Property(tries = 300)
  void mangledEncodingsAreCorruptOrDecode(@ForAll("chunks") A values, @ForAll long seed) {
    roundTrip().checkMangled(values, Array.getLength(values), seed);
  }
}
