package dev.spoor.examples.shop;

import io.opentracing.Span;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What each shop service does with a request: tags, span logs, baggage and log lines, plus the
 * occasional slow or failing call the demo is there to show.
 */
final class ShopHandlers {
  private static final Logger logger = LoggerFactory.getLogger(ShopHandlers.class);

  private ShopHandlers() {}

  /** shop-gateway: the edge; sets the customer's name as baggage for the services behind it. */
  static TracedService.Reply checkout(TracedService.Request request, TracedService cart) {
    String customer = request.param("customer", "anonymous");
    String items = request.param("items", "1");
    Span span = request.span();
    span.setTag("customer.tier", request.param("tier", "bronze"));
    span.setTag("order.items", Integer.parseInt(items));
    // A high-cardinality value: fine in a trace's baggage, ruinous as a metrics label.
    span.setBaggageItem("customer", customer);
    logger.info("checkout of {} for {}", scoops(items), customer);
    TracedService.Reply cartReply = request.call(cart, "POST",
        "/cart?request=" + request.param("request", "0") + "&items=" + items);
    if (cartReply.status() >= 500) {
      logger.warn("checkout failed: cart-manager answered {}", cartReply.status());
      return new TracedService.Reply(502, "checkout failed: " + cartReply.body());
    }
    return new TracedService.Reply(200, scoops(items) + " for " + customer);
  }

  /** cart-manager: checks stock, then charges. */
  static TracedService.Reply cart(TracedService.Request request, TracedService inventory,
      TracedService payment) {
    String number = request.param("request", "0");
    String items = request.param("items", "1");
    request.span().log(Map.of("event", "cart.loaded", "items", Integer.parseInt(items)));
    logger.info("cart holds {}", scoops(items));
    TracedService.Reply stock = request.call(inventory, "GET",
        "/stock?request=" + number + "&items=" + items);
    if (stock.status() != 200) {
      return new TracedService.Reply(503, "out of stock");
    }
    TracedService.Reply charge = request.call(payment, "POST",
        "/charge?request=" + number + "&amount=" + (Integer.parseInt(items) * 250));
    if (charge.status() >= 500) {
      logger.warn("payment failed with {}", charge.status());
      return new TracedService.Reply(503, "payment failed");
    }
    return new TracedService.Reply(200, "paid");
  }

  /** inventory: reserves the items; every {@value IceCreamShop#SLOW_EVERY}th lookup is slow. */
  static TracedService.Reply stock(TracedService.Request request) throws InterruptedException {
    int number = Integer.parseInt(request.param("request", "0"));
    if (number % IceCreamShop.SLOW_EVERY == 0) {
      request.span().setTag("inventory.cache", "miss");
      logger.info("stock cache miss, reading the ledger");
      // The simulated slow dependency: the long tail the trace makes visible.
      Thread.sleep(IceCreamShop.SLOW_MILLIS);
    }
    request.span().log(Map.of("event", "stock.reserved",
        "items", Integer.parseInt(request.param("items", "1"))));
    logger.info("reserved {}", scoops(request.param("items", "1")));
    return new TracedService.Reply(200, "reserved");
  }

  /** payment: reads the customer from baggage; every {@value IceCreamShop#FAIL_EVERY}th fails. */
  static TracedService.Reply charge(TracedService.Request request) {
    int number = Integer.parseInt(request.param("request", "0"));
    Span span = request.span();
    String customer = span.getBaggageItem("customer");
    span.setTag("payment.customer", customer == null ? "unknown" : customer);
    span.setTag("payment.amount_cents", Integer.parseInt(request.param("amount", "0")));
    if (number % IceCreamShop.FAIL_EVERY == 0) {
      span.log(Map.of("event", "error", "error.kind", "CardDeclined",
          "message", "card declined by the issuer"));
      logger.error("card of {} declined", customer);
      return new TracedService.Reply(503, "card declined");
    }
    logger.info("charged the card of {}", customer);
    return new TracedService.Reply(200, "charged");
  }

  /** "1 scoop", "2 scoops". */
  private static String scoops(String items) {
    return items + ("1".equals(items) ? " scoop" : " scoops");
  }
}
