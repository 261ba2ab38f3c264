package dev.spoor.propagation;

import io.opentracing.propagation.TextMapExtract;
import io.opentracing.propagation.TextMapInject;

/**
 * A propagation format over string key/value carriers ({@code TEXT_MAP}, {@code HTTP_HEADERS}):
 * Jaeger's {@code uber-trace-id}, W3C {@code traceparent}, B3. Keys are matched case-insensitively,
 * as HTTP header names are.
 */
public interface TextMapCodec extends Injector<TextMapInject>, Extractor<TextMapExtract> {}
