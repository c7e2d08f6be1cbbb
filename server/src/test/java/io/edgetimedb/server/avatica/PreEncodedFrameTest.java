package io.edgetimedb.server.avatica;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.avatica.Meta;
import org.junit.jupiter.api.Test;

/** On the wire a pre-encoded frame is byte for byte the frame Avatica would have sent. */
class PreEncodedFrameTest {

  @Test
  void sendsTheBytesOfAvaticasOwnFrame() {
    List<Object> rows = Arrays.asList(new Object[] {1_709_294_400_250L, 21.5, "A"}, new Object[] {-1L, null, ""},
        new Object[] {0L, -0.0, null}, null, new Object[] {}, new Object[] {new BigDecimal("2.50"), true, 7});
    for (Meta.Frame frame : List.of(new Meta.Frame(0, true, rows), new Meta.Frame(4000, false, rows))) {
      assertThat(new PreEncodedFrame(frame).toProto().toByteArray()).isEqualTo(frame.toProto().toByteArray());
    }
  }

  @Test
  void leavesFramesWithArraysToAvatica() {
    Meta.Frame frame = new Meta.Frame(0, true, Arrays.asList((Object) new Object[] {1L, List.of(2L, 3L)}));
    assertThat(new PreEncodedFrame(frame).toProto()).isEqualTo(frame.toProto());
  }
}
