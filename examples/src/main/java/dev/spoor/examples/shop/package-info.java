/**
 * The ice-cream shop demo: its command line, the choice between an in-process agent and a real
 * Jaeger agent, and the loop that drives requests and prints each trace's waterfall and log lines.
 * The four traced services plug in through {@link dev.spoor.examples.shop.DemoShop}.
 */
package dev.spoor.examples.shop;
