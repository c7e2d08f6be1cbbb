package org.apache.calcite.avatica.remote;

import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.ConnectionConfig;

/**
 * Avatica's remote driver, reading protobuf responses with {@link FrameReadingTranslation}. It
 * lives in Avatica's package because the driver chooses its translation in the package-private
 * {@code createService}; everything else (HTTP client, authentication, JSON) is Avatica's.
 */
public abstract class FrameReadingDriver extends Driver {

  @Override
  Service createService(AvaticaConnection connection, ConnectionConfig config) {
    if (config.factory() != null || config.url() == null || getSerialization(config) != Serialization.PROTOBUF) {
      return super.createService(connection, config);
    }
    return new RemoteProtobufService(getHttpClient(connection, config), new FrameReadingTranslation());
  }
}
