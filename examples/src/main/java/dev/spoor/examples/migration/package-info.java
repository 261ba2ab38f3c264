/**
 * One small service before and after its move from jaeger-client-java 1.8.1 to Spoor: {@code
 * before.OrderService} and {@code after.OrderService} differ only in how the tracer is made (the
 * README's migration section shows their diff). Both read the same JAEGER_* variables and send
 * to the same Jaeger agent.
 */
package dev.spoor.examples.migration;
