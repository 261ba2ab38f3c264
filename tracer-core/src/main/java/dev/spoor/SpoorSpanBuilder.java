package dev.spoor;

import dev.spoor.metrics.Metric;
import dev.spoor.sampler.SamplingDecision;
import io.opentracing.References;
import io.opentracing.Span;
import io.opentracing.SpanContext;
import io.opentracing.Tracer;
import io.opentracing.tag.Tag;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects a new span's parent, references, tags and start time, then decides its identity and
 * sampling in {@link #start()}: a child joins its parent's trace and inherits its decision; a root
 * gets new ids and asks the sampler. Not thread-safe, like every OpenTracing span builder.
 */
final class SpoorSpanBuilder implements Tracer.SpanBuilder, TagList.Owner {
  /** Jaeger's tag for the {@code jaeger-debug-id} that forced a debug trace. */
  static final String DEBUG_ID_TAG = "jaeger-debug-id";

  private final SpoorTracer tracer;
  private final String operationName;
  // The first reference as type and context: its SpoorReference is made only for a sampled span.
  private boolean firstIsChildOf; // else follows_from; a boolean keeps the builder at 56 bytes
  private SpoorSpanContext firstReferenceContext;
  private List<SpoorReference> moreReferences;
  private SpoorSpanContext partialParent; // baggage/debug id only, no trace to reference
  private boolean ignoreActiveSpan;
  private long startMicros;
  private Object[] tags; // a TagList
  private int tagCount;
  private boolean tagsHandedOver; // a started span owns `tags`: copy before writing to it again
  private SamplingDecision rootDecision; // the sampler's, when start() asked it for a new trace

  SpoorSpanBuilder(SpoorTracer tracer, String operationName) {
    this.tracer = tracer;
    this.operationName = operationName == null ? "" : operationName;
  }

  @Override
  public Tracer.SpanBuilder asChildOf(SpanContext parent) {
    return addReference(References.CHILD_OF, parent);
  }

  @Override
  public Tracer.SpanBuilder asChildOf(Span parent) {
    return parent == null ? this : addReference(References.CHILD_OF, parent.context());
  }

  @Override
  public Tracer.SpanBuilder addReference(String referenceType, SpanContext referenced) {
    if (!(referenced instanceof SpoorSpanContext)) {
      return this; // null or another tracer's context: nothing we can link to
    }
    if (!((SpoorSpanContext) referenced).hasTrace()) {
      if (partialParent == null) {
        partialParent = (SpoorSpanContext) referenced;
      }
      return this;
    }
    String type = References.FOLLOWS_FROM.equals(referenceType)
        ? References.FOLLOWS_FROM : References.CHILD_OF.equals(referenceType)
        ? References.CHILD_OF : null;
    if (type == null) {
      return this;
    }
    if (firstReferenceContext == null) {
      firstIsChildOf = References.CHILD_OF.equals(type);
      firstReferenceContext = (SpoorSpanContext) referenced;
    } else {
      if (moreReferences == null) {
        moreReferences = new ArrayList<>(2);
      }
      moreReferences.add(new SpoorReference(type, (SpoorSpanContext) referenced));
    }
    return this;
  }

  @Override
  public Tracer.SpanBuilder ignoreActiveSpan() {
    ignoreActiveSpan = true;
    return this;
  }

  @Override
  public Tracer.SpanBuilder withTag(String key, String value) {
    return addTag(key, value);
  }

  @Override
  public Tracer.SpanBuilder withTag(String key, boolean value) {
    return addTag(key, value);
  }

  @Override
  public Tracer.SpanBuilder withTag(String key, Number value) {
    return addTag(key, value);
  }

  @Override
  public <T> Tracer.SpanBuilder withTag(Tag<T> tag, T value) {
    return tag == null ? this : addTag(tag.getKey(), value);
  }

  private Tracer.SpanBuilder addTag(String key, Object value) {
    if (key == null || value == null) {
      return this;
    }
    ownTags();
    TagList.put(this, key, value, Integer.MAX_VALUE); // the span's limit applies at start()
    return this;
  }

  @Override
  public Object[] tagArray() {
    return tags;
  }

  @Override
  public int tagArrayCount() {
    return tagCount;
  }

  @Override
  public void updateTagArray(Object[] array, int count) {
    tags = array;
    tagCount = count;
  }

  @Override
  public Tracer.SpanBuilder withStartTimestamp(long microseconds) {
    this.startMicros = microseconds;
    return this;
  }

  @Override
  public Span start() {
    if (firstReferenceContext == null && partialParent == null && !ignoreActiveSpan) {
      Span active = tracer.scopeManager().activeSpan();
      if (active != null) {
        addReference(References.CHILD_OF, active.context());
      }
    }
    SpoorSpanContext parent = chooseParent();
    IdGenerator ids = tracer.idGenerator();
    long spanId = ids.nextId();
    boolean joinsTrace = parent != null && parent.hasTrace();
    long traceIdHigh;
    long traceIdLow;
    long parentId;
    boolean wideTraceId;
    if (joinsTrace) {
      traceIdHigh = parent.traceIdHigh();
      traceIdLow = parent.traceIdLow();
      parentId = parent.spanId();
      wideTraceId = parent.isTraceId128Bit();
    } else {
      traceIdHigh = tracer.traceId128Bit() ? ids.nextId() : 0L;
      traceIdLow = ids.nextId();
      parentId = 0L;
      wideTraceId = tracer.traceId128Bit();
    }
    byte flags = samplingFlags(parent, traceIdHigh, traceIdLow);
    // W3C Trace Context Level 2 §3.2.2.5.2: a trace id drawn here is random in every bit; a
    // continued trace keeps what its parent knew (unset stays unset).
    boolean randomTraceId = !joinsTrace || parent.isTraceIdRandom();
    if (!joinsTrace) { // one counter per root either way; TRACES_STARTED is their sum
      tracer.counters.increment((flags & SpoorSpanContext.FLAG_SAMPLED) != 0
          ? Metric.TRACES_STARTED_SAMPLED : Metric.TRACES_STARTED_NOT_SAMPLED);
    }
    SpoorSpanContext context = SpoorSpanContext.child(
        traceIdHigh, traceIdLow, spanId, parentId, flags, baggage(parent),
        parent == null ? null : parent.traceState(), wideTraceId, randomTraceId);
    if ((flags & SpoorSpanContext.FLAG_SAMPLED) == 0) {
      tracer.counters.increment(Metric.SPANS_NOT_SAMPLED);
      // Records nothing, references included: only the context travels on.
      return new SpoorSpan(tracer, context, operationName);
    }
    tracer.counters.increment(Metric.SPANS_SAMPLED);
    Clock clock = tracer.clock();
    long start;
    long startNanos;
    boolean timedByNanoTime = startMicros == 0;
    if (timedByNanoTime) {
      startNanos = clock.nanoTime();
      start = clock.epochMicrosAt(startNanos); // one clock read for both on Clock.SYSTEM
    } else {
      start = startMicros;
      startNanos = 0L;
    }
    String debugId = joinsTrace || partialParent == null ? null : partialParent.debugId();
    boolean startTags = rootDecision != null || debugId != null;
    if (!startTags && tagCount <= tracer.limits().maxTagsPerSpan()) {
      // The usual child span: hand the tag array over instead of copying it tag by tag.
      ownTags();
      tagsHandedOver = tags != null;
      return new SampledSpan(tracer, context, operationName, start, startNanos, timedByNanoTime,
          references(), tags, tagCount);
    }
    // Sampler and debug tags come first and win at the tag limit, so add the rest one by one.
    SampledSpan span = new SampledSpan(tracer, context, operationName, start, startNanos,
        timedByNanoTime, references(), null, 0);
    if (rootDecision != null) {
      span.addTagLocked(SamplingDecision.SAMPLER_TYPE_TAG, rootDecision.samplerType());
      span.addTagLocked(SamplingDecision.SAMPLER_PARAM_TAG, rootDecision.samplerParam());
    }
    if (debugId != null) {
      span.addTagLocked(DEBUG_ID_TAG, debugId);
    }
    for (int i = 0; i < tagCount; i++) {
      span.addTagLocked((String) tags[i * 2], tags[i * 2 + 1]);
    }
    return span;
  }

  /**
   * The new span's flags: the one place that decides whether it is sampled (the table in
   * SpanSamplingTest). In order: a closed or disabled tracer records nothing; a child of a
   * trace inherits its parent's decision, debug forcing it sampled and a deferred decision asking
   * the sampler; a new trace from a partial context with a debug id is sampled and debug; one
   * from a partial context with an upstream decision (B3 {@code b3: 0}) keeps it; any other new
   * trace asks the sampler. A sampler asked for a new trace leaves its decision in
   * {@link #rootDecision}, for the root span's sampler tags.
   */
  private byte samplingFlags(SpoorSpanContext parent, long traceIdHigh, long traceIdLow) {
    rootDecision = null;
    if (tracer.isNoop()) {
      return 0;
    }
    if (parent != null && parent.hasTrace()) {
      if (parent.isDebug()) {
        // Debug forces sampling, even if sent without it.
        return (byte) (parent.flags() | SpoorSpanContext.FLAG_SAMPLED);
      }
      if (!parent.isSamplingDeferred()) {
        return parent.flags();
      }
      boolean sampled = tracer.sampler().sample(operationName, traceIdHigh, traceIdLow).isSampled();
      return sampled
          ? (byte) (parent.flags() | SpoorSpanContext.FLAG_SAMPLED)
          : (byte) (parent.flags() & ~SpoorSpanContext.FLAG_SAMPLED);
    }
    if (partialParent != null && partialParent.debugId() != null) {
      return SpoorSpanContext.FLAG_SAMPLED | SpoorSpanContext.FLAG_DEBUG;
    }
    if (partialParent != null && !partialParent.isSamplingDeferred()) {
      // An upstream decision without ids (e.g. B3 "b3: 0"): the new trace keeps it.
      return partialParent.isDebug()
          ? SpoorSpanContext.FLAG_SAMPLED | SpoorSpanContext.FLAG_DEBUG
          : (byte) (partialParent.flags() & SpoorSpanContext.FLAG_SAMPLED);
    }
    rootDecision = tracer.sampler().sample(operationName, traceIdHigh, traceIdLow);
    return rootDecision.isSampled() ? SpoorSpanContext.FLAG_SAMPLED : 0;
  }

  // After start() handed the array to a span, the builder copies it before changing it (or handing
  // it to a second span), so that a reused builder never writes into a started span's tags.
  private void ownTags() {
    if (tagsHandedOver) {
      tags = tags.clone();
      tagsHandedOver = false;
    }
  }

  /** The first child_of reference, else the first follows_from, else a partial context. */
  private SpoorSpanContext chooseParent() {
    if (firstReferenceContext == null) {
      return partialParent;
    }
    if (firstIsChildOf || moreReferences == null) {
      return firstReferenceContext;
    }
    for (SpoorReference reference : moreReferences) {
      if (reference.isChildOf()) {
        return reference.context();
      }
    }
    return firstReferenceContext;
  }

  /** The parent's baggage, merged with every other reference's when there are several. */
  private Map<String, String> baggage(SpoorSpanContext parent) {
    if (moreReferences == null && (partialParent == null || firstReferenceContext == null)) {
      return parent == null ? Collections.emptyMap() : parent.baggage();
    }
    Map<String, String> merged = new HashMap<>();
    if (partialParent != null) {
      merged.putAll(partialParent.baggage());
    }
    merged.putAll(firstReferenceContext.baggage());
    if (moreReferences != null) {
      for (SpoorReference reference : moreReferences) {
        merged.putAll(reference.context().baggage());
      }
    }
    return Collections.unmodifiableMap(merged);
  }

  private List<SpoorReference> references() {
    if (firstReferenceContext == null) {
      return Collections.emptyList();
    }
    if (moreReferences == null && firstIsChildOf) {
      return firstReferenceContext.childOfReferences(); // the usual case, shared by siblings
    }
    SpoorReference first = new SpoorReference(
        firstIsChildOf ? References.CHILD_OF : References.FOLLOWS_FROM, firstReferenceContext);
    if (moreReferences == null) {
      return Collections.singletonList(first);
    }
    List<SpoorReference> all = new ArrayList<>(moreReferences.size() + 1);
    all.add(first);
    all.addAll(moreReferences);
    return Collections.unmodifiableList(all);
  }
}
