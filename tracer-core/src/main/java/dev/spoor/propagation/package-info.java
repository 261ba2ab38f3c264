/**
 * Carrying a span context across processes: the {@link dev.spoor.propagation.Injector} and
 * {@link dev.spoor.propagation.Extractor} SPI registered per OpenTracing format, Jaeger's native
 * text codec and its binary layout, a composite of formats, and the
 * {@link dev.spoor.propagation.PropagationProvider} service interface through which other modules
 * add formats (W3C, B3). Depends on {@code dev.spoor.SpoorSpanContext} and
 * {@code dev.spoor.internal}.
 */
package dev.spoor.propagation;
