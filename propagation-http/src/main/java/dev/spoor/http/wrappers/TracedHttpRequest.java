package dev.spoor.http.wrappers;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiPredicate;

/**
 * The application's request with the trace headers added: everything else is read from the
 * original, so no setting of the request is lost in a copy. A trace header the application set
 * itself is replaced, since two contexts in one request would be ambiguous.
 */
final class TracedHttpRequest extends HttpRequest {
  private static final BiPredicate<String, String> ALL = (name, value) -> true;

  private final HttpRequest original;
  private final HttpHeaders headers;

  /**
   * @param traceHeaders the trace headers, case-insensitive by name (as {@link OutgoingHeaders}
   *     collects them)
   */
  TracedHttpRequest(HttpRequest original, Map<String, List<String>> traceHeaders) {
    this.original = original;
    this.headers = HttpHeaders.of(merge(original.headers().map(), traceHeaders), ALL);
  }

  // HttpHeaders.of copies into its own map anyway: merge only when the request has headers.
  private static Map<String, List<String>> merge(
      Map<String, List<String>> applicationHeaders, Map<String, List<String>> traceHeaders) {
    if (applicationHeaders.isEmpty()) {
      return traceHeaders;
    }
    Map<String, List<String>> merged = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    merged.putAll(applicationHeaders);
    merged.putAll(traceHeaders);
    return merged;
  }

  @Override
  public Optional<BodyPublisher> bodyPublisher() {
    return original.bodyPublisher();
  }

  @Override
  public String method() {
    return original.method();
  }

  @Override
  public Optional<Duration> timeout() {
    return original.timeout();
  }

  @Override
  public boolean expectContinue() {
    return original.expectContinue();
  }

  @Override
  public URI uri() {
    return original.uri();
  }

  @Override
  public Optional<HttpClient.Version> version() {
    return original.version();
  }

  @Override
  public HttpHeaders headers() {
    return headers;
  }

  @Override
  public String toString() {
    return original.toString();
  }
}
