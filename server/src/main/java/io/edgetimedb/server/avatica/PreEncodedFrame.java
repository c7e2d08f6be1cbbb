package io.edgetimedb.server.avatica;

import com.google.protobuf.UnknownFieldSet;
import com.google.protobuf.UnsafeByteOperations;
import io.edgetimedb.avatica.frame.ProtobufFrameRows;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.proto.Common;

/**
 * A frame whose protobuf form carries its rows as bytes written by {@link ProtobufFrameRows}
 * instead of one message per row, column and value. The rows ride in the message's unknown-field
 * set under the {@code rows} field number, which protobuf writes as it writes known fields, so the
 * bytes on the wire are those of Avatica's own {@link Meta.Frame#toProto()}. Frames holding arrays
 * are left to Avatica.
 */
final class PreEncodedFrame extends Meta.Frame {

  PreEncodedFrame(Meta.Frame frame) {
    super(frame.offset, frame.done, frame.rows);
  }

  @Override
  public Common.Frame toProto() {
    ProtobufFrameRows.Written written = ProtobufFrameRows.write(rows);
    if (written == null) {
      return super.toProto();
    }
    UnknownFieldSet.Field.Builder rowsField = UnknownFieldSet.Field.newBuilder();
    for (int row = 0; row < written.ends().length; row++) {
      int start = written.start(row);
      rowsField.addLengthDelimited(UnsafeByteOperations.unsafeWrap(written.bytes(), start, written.ends()[row] - start));
    }
    return Common.Frame.newBuilder().setOffset(offset).setDone(done)
        .setUnknownFields(UnknownFieldSet.newBuilder().addField(Common.Frame.ROWS_FIELD_NUMBER, rowsField.build()).build())
        .build();
  }
}
