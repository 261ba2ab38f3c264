package dev.spoor.examples.shop;

import dev.spoor.SpoorTracer;
import dev.spoor.examples.logging.LogfmtLayout;
import dev.spoor.scope.MdcScopeManager;
import dev.spoor.metrics.Metric;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The four services of the demo, each with its own {@link SpoorTracer}:
 * {@code shop-gateway} → {@code cart-manager} → ({@code inventory}, {@code payment}).
 *
 * <p>A checkout enters at the gateway, which tags the customer's tier and item count and puts the
 * customer's name in baggage; the cart manager checks stock, then charges; payment reads the name
 * back from baggage. Now and then inventory is slow (every fourth request) and payment fails with
 * a 503 tagged {@code error} (every fifth), so the long tail and the error path both show up.
 * Each tracer has process tags {@code datacenter} and {@code env}, 128-bit trace ids, and writes
 * {@code traceID}/{@code spanID} into the MDC for the logfmt log lines. The services carry the
 * trace from one to the next with propagation-http's wrappers, never by hand (see
 * {@link TracedService}).
 */
public final class IceCreamShop implements DemoShop {
  /** Requests whose number is a multiple of this are slowed down in inventory. */
  static final int SLOW_EVERY = 4;
  /** Requests whose number is a multiple of this fail in payment. */
  static final int FAIL_EVERY = 5;
  /** How long a slow inventory lookup takes. */
  static final long SLOW_MILLIS = 300;
  /** How long {@link #flush()} waits for the services to finish their requests. */
  static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(10);

  private static final Logger logger = LoggerFactory.getLogger(IceCreamShop.class);
  /** The JDK server's switch for TCP_NODELAY on accepted connections (off by default). */
  static final String SERVER_NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

  static {
    // The JDK server writes a response's headers and body separately; with Nagle's algorithm on,
    // the body then waits for the client's delayed ACK (about 40 ms on Linux) in a third of the
    // calls, a gap between client and server spans that the demo is not about. Read once, when
    // the first server starts; a value given on the command line wins.
    if (System.getProperty(SERVER_NODELAY_PROPERTY) == null) {
      System.setProperty(SERVER_NODELAY_PROPERTY, "true");
    }
  }

  private static final String[] CUSTOMERS = {"Ada", "Grace", "Edsger", "Barbara", "Alan"};
  private static final String[] TIERS = {"gold", "silver", "bronze"};

  private final SpanReporting reporting;
  private final List<TracedService> services = new ArrayList<>();
  private final TracedService gateway;

  private IceCreamShop(SpanReporting reporting) throws IOException {
    this.reporting = reporting;
    try {
      TracedService payment = start("payment", "eu-west-1b", "/charge", ShopHandlers::charge);
      TracedService inventory = start("inventory", "eu-west-1a", "/stock", ShopHandlers::stock);
      TracedService cart = start("cart-manager", "eu-west-1a", "/cart",
          request -> ShopHandlers.cart(request, inventory, payment));
      gateway = start("shop-gateway", "eu-west-1c", "/checkout",
          request -> ShopHandlers.checkout(request, cart));
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * A factory for {@link ShopDemo}: each shop it starts reports through the
   * {@link SpanReporting} that {@code reportingTo} makes for the chosen agent.
   */
  public static DemoShop.Factory factory(Function<AgentEndpoint, SpanReporting> reportingTo) {
    if (reportingTo == null) {
      throw new NullPointerException("reportingTo == null");
    }
    return agent -> start(reportingTo.apply(agent));
  }

  /** Starts the four services on free loopback ports, reporting through {@code reporting}. */
  public static IceCreamShop start(SpanReporting reporting) throws IOException {
    if (reporting == null) {
      throw new NullPointerException("reporting == null");
    }
    return new IceCreamShop(reporting);
  }

  private TracedService start(String serviceName, String datacenter, String path,
      TracedService.Handler handler) throws IOException {
    SpoorTracer tracer = SpoorTracer.builder(serviceName)
        .reporter(reporting.reporter(serviceName))
        .traceId128Bit(true)
        .withTag("datacenter", datacenter)
        .withTag("env", "demo")
        .scopeManager(new MdcScopeManager(
            LogfmtLayout.TRACE_ID_KEY, LogfmtLayout.SPAN_ID_KEY, "sampled"))
        .build();
    try {
      TracedService service = new TracedService(serviceName, tracer, path, handler);
      services.add(service);
      return service;
    } catch (IOException | RuntimeException e) {
      tracer.close();
      throw e;
    }
  }

  @Override
  public RequestOutcome checkout(int requestNumber) throws IOException {
    String customer = CUSTOMERS[(requestNumber - 1) % CUSTOMERS.length];
    String tier = TIERS[(requestNumber - 1) % TIERS.length];
    int items = 1 + requestNumber % 3;
    String query = "?request=" + requestNumber + "&customer=" + encode(customer) + "&tier=" + tier
        + "&items=" + items;
    TracedService.Reply reply = order(gateway.uri("/checkout" + query));
    if (reply.traceId() == null) {
      throw new IOException("shop-gateway answered " + reply.status() + " without a trace id");
    }
    return new RequestOutcome(reply.traceId(), reply.status(), reply.body());
  }

  /**
   * Waits until every service has finished handling its requests, so their spans are finished,
   * then has the reporting send everything it holds.
   */
  @Override
  public void flush() {
    try {
      for (TracedService service : services) {
        if (!service.awaitIdle(FLUSH_TIMEOUT)) {
          logger.warn("{} is still handling a request after {} s; flushing without it",
              service.serviceName(), FLUSH_TIMEOUT.toSeconds());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    reporting.flush();
  }

  /** The messages (datagrams or OTLP/HTTP requests) the four tracers sent so far, as counted. */
  @Override
  public long messagesSent() {
    long sent = 0;
    for (TracedService service : services) {
      sent += service.tracer().metrics().get(Metric.MESSAGES_SENT);
    }
    return sent;
  }

  /**
   * Sends what the reporters hold, then stops the services, gateway first, and closes their
   * tracers (which close their reporters).
   */
  @Override
  public void close() {
    reporting.flush();
    for (int i = services.size() - 1; i >= 0; i--) {
      services.get(i).close();
    }
    services.clear();
  }

  /** The customer's request: plain HTTP, untraced, as from a browser. */
  private static TracedService.Reply order(URI uri) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
    try {
      connection.setConnectTimeout(5_000);
      connection.setReadTimeout((int) TracedService.CALL_TIMEOUT.toMillis());
      int status = connection.getResponseCode();
      InputStream stream = status >= 400 ? connection.getErrorStream()
          : connection.getInputStream();
      String body = stream == null ? ""
          : new String(stream.readAllBytes(), StandardCharsets.UTF_8);
      return new TracedService.Reply(status, body,
          connection.getHeaderField(TracedService.TRACE_ID_HEADER));
    } finally {
      connection.disconnect();
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
