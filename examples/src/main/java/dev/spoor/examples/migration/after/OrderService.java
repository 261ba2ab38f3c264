package dev.spoor.examples.migration.after;

import dev.spoor.SpoorTracer;
import dev.spoor.scope.MdcScopeManager;
import io.opentracing.Scope;
import io.opentracing.Span;
import io.opentracing.Tracer;
import io.opentracing.propagation.Format;
import io.opentracing.propagation.TextMapAdapter;
import io.opentracing.tag.Tags;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The same service traced with Spoor: the tracer from the same JAEGER_* variables,
 * trace ids in the MDC, one order that asks a stock service over HTTP.
 */
public final class OrderService {
  private static final Logger LOG = LoggerFactory.getLogger(OrderService.class);

  private OrderService() {}

  /** Places one order; {@code args[0]} is the stock service's URL. */
  public static void main(String[] args) throws Exception {
    SpoorTracer tracer = SpoorTracer.builderFromEnv()
        .scopeManager(new MdcScopeManager("traceID", "spanID", "sampled"))
        .build();
    try {
      placeOrder(tracer, URI.create(args[0]));
    } finally {
      tracer.close(); // sends what is queued
    }
  }

  static String placeOrder(Tracer tracer, URI stockService) throws Exception {
    Span span = tracer.buildSpan("place-order").withTag("order.items", 3).start();
    try (Scope scope = tracer.activateSpan(span)) {
      LOG.info("placing order in trace {}", span.context().toTraceId());
      String stock = checkStock(tracer, stockService);
      LOG.info("stock service answered {}", stock);
      return stock;
    } finally {
      span.finish();
    }
  }

  private static String checkStock(Tracer tracer, URI stockService) throws Exception {
    Span span = tracer.buildSpan("GET /stock")
        .withTag(Tags.SPAN_KIND, Tags.SPAN_KIND_CLIENT).start();
    try (Scope scope = tracer.activateSpan(span)) {
      Map<String, String> headers = new HashMap<>();
      tracer.inject(span.context(), Format.Builtin.HTTP_HEADERS, new TextMapAdapter(headers));
      HttpRequest.Builder request = HttpRequest.newBuilder(stockService);
      headers.forEach(request::header);
      HttpResponse<String> response = HttpClient.newHttpClient()
          .send(request.build(), HttpResponse.BodyHandlers.ofString());
      Tags.HTTP_STATUS.set(span, response.statusCode());
      return response.body();
    } finally {
      span.finish();
    }
  }
}
