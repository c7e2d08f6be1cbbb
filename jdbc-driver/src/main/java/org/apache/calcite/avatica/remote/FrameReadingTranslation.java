package org.apache.calcite.avatica.remote;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import io.edgetimedb.avatica.frame.ProtobufFrameRows;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.proto.Common;
import org.apache.calcite.avatica.proto.Responses;

/**
 * Avatica's protobuf translation, except that the frames of rows in fetch and execute responses
 * are read by {@link ProtobufFrameRows} (Avatica's reader builds three protobuf messages per value
 * and checks fields by reflection). The rest of each response is cut out of the bytes as it is and
 * read by Avatica; a frame {@link ProtobufFrameRows} does not read goes to Avatica as well.
 */
final class FrameReadingTranslation extends ProtobufTranslationImpl {
  private static final String FETCH = Responses.FetchResponse.class.getName();
  private static final String EXECUTE = Responses.ExecuteResponse.class.getName();

  @Override
  public Service.Response parseResponse(byte[] bytes) throws IOException {
    CodedInputStream in = CodedInputStream.newInstance(bytes);
    in.enableAliasing(true);
    Common.WireMessage wire = Common.WireMessage.parseFrom(in);
    if (wire.getName().equals(FETCH)) {
      return fetch(wire.getWrappedMessage());
    }
    if (wire.getName().equals(EXECUTE)) {
      return execute(wire.getWrappedMessage());
    }
    return super.parseResponse(bytes);
  }

  private static Service.FetchResponse fetch(ByteString message) throws IOException {
    Split split = Split.of(message, Responses.FetchResponse.FRAME_FIELD_NUMBER);
    Service.FetchResponse rest = new Service.FetchResponse().deserialize(Responses.FetchResponse.parseFrom(split.rest()));
    // Avatica reads an absent frame as an empty, unfinished one; so does reading no bytes
    ByteString frame = split.fields().isEmpty() ? ByteString.EMPTY : split.fields().get(0);
    return new Service.FetchResponse(frame(frame), rest.missingStatement, rest.missingResults, rest.rpcMetadata);
  }

  private static Service.ExecuteResponse execute(ByteString message) throws IOException {
    Split split = Split.of(message, Responses.ExecuteResponse.RESULTS_FIELD_NUMBER);
    Service.ExecuteResponse rest = new Service.ExecuteResponse().deserialize(Responses.ExecuteResponse.parseFrom(split.rest()));
    if (rest.missingStatement) {
      return rest;
    }
    List<Service.ResultSetResponse> results = new ArrayList<>(split.fields().size());
    for (ByteString result : split.fields()) {
      results.add(resultSet(result));
    }
    return new Service.ExecuteResponse(results, false, rest.rpcMetadata);
  }

  private static Service.ResultSetResponse resultSet(ByteString message) throws IOException {
    Split split = Split.of(message, Responses.ResultSetResponse.FIRST_FRAME_FIELD_NUMBER);
    Service.ResultSetResponse r = Service.ResultSetResponse.fromProto(Responses.ResultSetResponse.parseFrom(split.rest()));
    Meta.Frame frame = split.fields().isEmpty() ? null : frame(split.fields().get(0));
    return new Service.ResultSetResponse(r.connectionId, r.statementId, r.ownStatement, r.signature, frame,
        r.updateCount, r.rpcMetadata);
  }

  private static Meta.Frame frame(ByteString bytes) throws IOException {
    Meta.Frame frame = ProtobufFrameRows.read(bytes);
    return frame != null ? frame : Meta.Frame.fromProto(Common.Frame.parseFrom(bytes));
  }

  /**
   * A message's bytes split in two: the values of one length-delimited field, and every other
   * field as it was (a message of the same type, without that field).
   */
  private record Split(List<ByteString> fields, ByteString rest) {
    static Split of(ByteString message, int fieldNumber) throws IOException {
      CodedInputStream in = message.newCodedInput();
      in.enableAliasing(true);
      List<ByteString> fields = new ArrayList<>(1);
      ByteString.Output rest = ByteString.newOutput();
      CodedOutputStream out = CodedOutputStream.newInstance(rest);
      for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
        if (WireFormat.getTagFieldNumber(tag) == fieldNumber
            && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
          fields.add(in.readBytes());
        } else {
          in.skipField(tag, out);
        }
      }
      out.flush();
      return new Split(fields, rest.toByteString());
    }
  }
}
