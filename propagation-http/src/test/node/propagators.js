'use strict';
// The Node peers of Spoor's interop tests: each writes and reads its own headers with its own
// library code (jaeger-client 3.19's HTTP codec, the OpenTelemetry JS propagators). A context is
// exchanged with the Java test as plain JSON:
//   { traceId: hex, spanId: hex, sampling: 'sampled' | 'unsampled' | 'debug', baggage: {k: v},
//     random: true | false (W3C Trace Context Level 2's random trace-flag; OpenTelemetry peers) }
// On extract a peer answers what its library holds: the ids as its library keeps them, whether it
// reads the trace as sampled, whether it has a debug flag set (null: the format or the library
// has no debug flag), whether the random trace-flag is set (null: the library keeps no trace
// flags), and the baggage items decoded.

const api = require('@opentelemetry/api');
const { W3CTraceContextPropagator, W3CBaggagePropagator, CompositePropagator } =
  require('@opentelemetry/core');
const { B3Propagator, B3InjectEncoding } = require('@opentelemetry/propagator-b3');
// The propagator's own context key for the B3 debug flag (not re-exported by the package index).
const { B3_DEBUG_FLAG_KEY } = require('@opentelemetry/propagator-b3/build/src/common');
const { JaegerPropagator } = require('@opentelemetry/propagator-jaeger');
const jaeger = require('jaeger-client');
const opentracing = require('opentracing');

const JAEGER_SAMPLED = 1;
const JAEGER_DEBUG = 2;
/** W3C Trace Context Level 2 §3.2.2.5.2; the OpenTelemetry API has no constant for it. */
const TRACE_FLAG_RANDOM = 0x02;

/** jaeger-client's tracer with its default HTTP_HEADERS codec (url-encoded values). */
const jaegerTracer = new jaeger.Tracer('node-peer', new jaeger.NoopReporter(),
  new jaeger.ConstSampler(true));

const jaegerClient = {
  name: 'jaeger-client',
  debug: true,
  inject(context, headers) {
    const flags = context.sampling === 'debug' ? JAEGER_SAMPLED | JAEGER_DEBUG
      : context.sampling === 'sampled' ? JAEGER_SAMPLED : 0;
    const spanContext = jaeger.SpanContext.withStringIds(context.traceId, context.spanId, null,
      flags, Object.assign({}, context.baggage));
    jaegerTracer.inject(spanContext, opentracing.FORMAT_HTTP_HEADERS, headers);
  },
  extract(headers) {
    const spanContext = jaegerTracer.extract(opentracing.FORMAT_HTTP_HEADERS, headers);
    if (!spanContext || !spanContext.traceIdStr) {
      return { valid: false, baggage: spanContext ? spanContext.baggage : {} };
    }
    return {
      valid: true,
      traceId: spanContext.traceIdStr,
      spanId: spanContext.spanIdStr,
      sampled: spanContext.isSampled(),
      debug: spanContext.isDebug(),
      random: null,
      baggage: spanContext.baggage,
    };
  },
};

/** An OpenTelemetry propagator; {@code debugKey} when its format has a debug flag. */
function openTelemetry(name, propagator, debugValue) {
  return {
    name,
    debug: debugValue !== undefined,
    inject(context, headers) {
      let otel = api.trace.setSpanContext(api.ROOT_CONTEXT, {
        traceId: context.traceId.padStart(32, '0'),
        spanId: context.spanId,
        traceFlags: (context.sampling === 'unsampled' ? api.TraceFlags.NONE : api.TraceFlags.SAMPLED)
          | (context.random ? TRACE_FLAG_RANDOM : 0),
        isRemote: false,
      });
      if (context.sampling === 'debug' && debugValue !== undefined) {
        otel = otel.setValue(B3_DEBUG_FLAG_KEY, debugValue);
      }
      const items = Object.entries(context.baggage || {});
      if (items.length > 0) {
        const entries = {};
        for (const [key, value] of items) {
          entries[key] = { value };
        }
        otel = api.propagation.setBaggage(otel, api.propagation.createBaggage(entries));
      }
      propagator.inject(otel, headers, api.defaultTextMapSetter);
    },
    extract(headers) {
      const otel = propagator.extract(api.ROOT_CONTEXT, headers, api.defaultTextMapGetter);
      const baggage = {};
      const extracted = api.propagation.getBaggage(otel);
      if (extracted) {
        for (const [key, entry] of extracted.getAllEntries()) {
          baggage[key] = entry.value;
        }
      }
      const span = api.trace.getSpanContext(otel);
      if (!span || !api.isSpanContextValid(span)) {
        return { valid: false, baggage };
      }
      const debugFlag = otel.getValue(B3_DEBUG_FLAG_KEY);
      return {
        valid: true,
        traceId: span.traceId,
        spanId: span.spanId,
        sampled: (span.traceFlags & api.TraceFlags.SAMPLED) === api.TraceFlags.SAMPLED,
        debug: debugValue === undefined ? null : debugFlag === '1' || debugFlag === 'd',
        random: (span.traceFlags & TRACE_FLAG_RANDOM) === TRACE_FLAG_RANDOM,
        baggage,
      };
    },
  };
}

/** The peers by name; the Java test names the Spoor format each one is paired with. */
const PEERS = {
  'jaeger-client': jaegerClient,
  'otel-jaeger': openTelemetry('otel-jaeger', new JaegerPropagator()),
  'otel-w3c': openTelemetry('otel-w3c', new CompositePropagator({
    propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()],
  })),
  'otel-b3-multi': openTelemetry('otel-b3-multi',
    new B3Propagator({ injectEncoding: B3InjectEncoding.MULTI_HEADER }), '1'),
  'otel-b3-single': openTelemetry('otel-b3-single',
    new B3Propagator({ injectEncoding: B3InjectEncoding.SINGLE_HEADER }), 'd'),
};

function peer(name) {
  const found = PEERS[name];
  if (!found) {
    throw new Error('no peer named ' + name);
  }
  return found;
}

/** Versions of the libraries actually loaded, for the test's report. */
function versions() {
  const version = (module) => require(module + '/package.json').version;
  return {
    node: process.version,
    'jaeger-client': version('jaeger-client'),
    '@opentelemetry/core': version('@opentelemetry/core'),
    '@opentelemetry/propagator-b3': version('@opentelemetry/propagator-b3'),
    '@opentelemetry/propagator-jaeger': version('@opentelemetry/propagator-jaeger'),
    thrift: version('thrift'),
    thriftrw: version('thriftrw'),
  };
}

module.exports = { peer, PEERS, versions };
