package dev.spoor.http.wrappers;

import io.opentracing.propagation.TextMap;
import java.net.HttpURLConnection;
import java.util.Iterator;
import java.util.Map;

/**
 * An inject-only carrier writing request properties of a not yet connected
 * {@code HttpURLConnection}; {@code setRequestProperty} replaces a value the application set.
 */
final class ConnectionHeaders implements TextMap {
  private final HttpURLConnection connection;

  ConnectionHeaders(HttpURLConnection connection) {
    this.connection = connection;
  }

  @Override
  public void put(String key, String value) {
    connection.setRequestProperty(key, value);
  }

  @Override
  public Iterator<Map.Entry<String, String>> iterator() {
    throw new UnsupportedOperationException("an outgoing carrier is write-only");
  }
}
