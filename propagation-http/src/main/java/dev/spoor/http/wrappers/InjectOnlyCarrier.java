package dev.spoor.http.wrappers;

import io.opentracing.propagation.TextMap;
import java.util.Iterator;
import java.util.Map;

/** A carrier for outgoing request headers, which the tracer writes and has no reason to read. */
abstract class InjectOnlyCarrier implements TextMap {
  @Override
  public final Iterator<Map.Entry<String, String>> iterator() {
    throw new UnsupportedOperationException("an outgoing carrier is write-only");
  }
}
