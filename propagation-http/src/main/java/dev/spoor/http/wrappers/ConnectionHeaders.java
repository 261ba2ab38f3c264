package dev.spoor.http.wrappers;

import java.net.HttpURLConnection;

/**
 * An inject-only carrier writing request properties of a not yet connected
 * {@code HttpURLConnection}; {@code setRequestProperty} replaces a value the application set.
 */
final class ConnectionHeaders extends InjectOnlyCarrier {
  private final HttpURLConnection connection;

  ConnectionHeaders(HttpURLConnection connection) {
    this.connection = connection;
  }

  @Override
  public void put(String key, String value) {
    connection.setRequestProperty(key, value);
  }
}
