package io.edgetimedb.server.avatica;

import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.remote.LocalService;

/**
 * Avatica's service over a Meta, answering with {@link PreEncodedFrame}s, so the rows of execute
 * and fetch responses are written to protobuf without a message per value. For the protobuf
 * endpoint only: the JSON one writes frames with Jackson.
 */
final class FrameEncodingService extends LocalService {

  FrameEncodingService(Meta meta) {
    super(meta);
  }

  @Override
  public ResultSetResponse toResponse(Meta.MetaResultSet resultSet) {
    ResultSetResponse r = super.toResponse(resultSet);
    if (r.firstFrame == null) {
      return r;
    }
    return new ResultSetResponse(r.connectionId, r.statementId, r.ownStatement, r.signature,
        new PreEncodedFrame(r.firstFrame), r.updateCount, r.rpcMetadata);
  }

  @Override
  public FetchResponse apply(FetchRequest request) {
    FetchResponse r = super.apply(request);
    if (r.frame == null) {
      return r;
    }
    return new FetchResponse(new PreEncodedFrame(r.frame), r.missingStatement, r.missingResults, r.rpcMetadata);
  }
}
