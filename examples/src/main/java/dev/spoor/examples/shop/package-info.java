/**
 * The ice-cream shop demo: the four traced services ({@link dev.spoor.examples.shop.IceCreamShop}
 * on JDK HTTP servers, wrapped by propagation-http's {@code TracingHttpHandler} and
 * {@code TracingHttpClient}), the command line, the choice between an in-process agent and a real
 * Jaeger agent, and the loop that drives requests and prints each trace's waterfall and log lines
 * ({@link dev.spoor.examples.shop.ShopDemo}). Where spans go is a seam,
 * {@link dev.spoor.examples.shop.SpanReporting}: the demo fills it with Spoor's UDP
 * {@code RemoteReporter}, one per service ({@link dev.spoor.examples.shop.RemoteSpanReporting}); tests
 * may keep spans in memory.
 */
package dev.spoor.examples.shop;
