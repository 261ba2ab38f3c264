/**
 * The ice-cream shop demo: the four traced services ({@link dev.spoor.examples.shop.IceCreamShop}
 * on JDK HTTP servers), the command line, the choice between an in-process agent and a real Jaeger
 * agent, and the loop that drives requests and prints each trace's waterfall and log lines
 * ({@link dev.spoor.examples.shop.ShopDemo}). Where spans go is a seam,
 * {@link dev.spoor.examples.shop.SpanReporting}, filled by the UDP reporter.
 */
package dev.spoor.examples.shop;
