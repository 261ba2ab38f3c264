package dev.spoor.internal;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.util.regex.Pattern;

/**
 * The HTTP plumbing shared by the HTTP senders and the remote sampler: a bounded
 * {@link HttpURLConnection}, and endpoints and error texts with any user info in a URL hidden, so
 * that a password in a URL never reaches a log line. Not API.
 */
public final class HttpConnections {
  // "//", then the user info up to its last '@' before the authority ends ('/', '?', '#') or the
  // text leaves the URL (whitespace).
  private static final Pattern USER_INFO = Pattern.compile("//[^/?#\\s]*@");
  /** The length {@link #endpointForLog} keeps of an endpoint. */
  public static final int MAX_ENDPOINT_LENGTH = 200;

  private HttpConnections() {}

  /**
   * A connection to {@code url} that gives up connecting, and waiting for each read, after
   * {@code timeoutMillis}, and bypasses the JDK's response cache. Not yet connected: the caller
   * sets the method, headers and redirect policy.
   */
  public static HttpURLConnection open(URL url, int timeoutMillis) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) url.openConnection();
    connection.setConnectTimeout(timeoutMillis);
    connection.setReadTimeout(timeoutMillis);
    connection.setUseCaches(false);
    return connection;
  }

  /**
   * {@code text} with the user info of every URL in it ({@code //user:password@host}) replaced by
   * {@code ***}: an exception's message may quote the URL it failed on. Null stays null.
   */
  public static String withoutUserInfo(String text) {
    return text == null ? null : USER_INFO.matcher(text).replaceAll("//***@");
  }

  /**
   * {@code endpoint} for a log line or a message: user info hidden, then cleaned and cut by
   * {@link UntrustedText} to {@value #MAX_ENDPOINT_LENGTH} characters.
   */
  public static String endpointForLog(String endpoint) {
    return UntrustedText.forLog(withoutUserInfo(endpoint), MAX_ENDPOINT_LENGTH);
  }
}
