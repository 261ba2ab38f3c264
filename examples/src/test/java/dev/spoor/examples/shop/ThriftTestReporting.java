package dev.spoor.examples.shop;

import dev.spoor.LogRecord;
import dev.spoor.SpoorReference;
import dev.spoor.SpoorSpan;
import dev.spoor.examples.testing.JaegerDatagrams;
import dev.spoor.reporter.Reporter;
import io.jaegertracing.thriftjava.Batch;
import io.jaegertracing.thriftjava.Log;
import io.jaegertracing.thriftjava.Process;
import io.jaegertracing.thriftjava.Span;
import io.jaegertracing.thriftjava.SpanRef;
import io.jaegertracing.thriftjava.SpanRefType;
import io.jaegertracing.thriftjava.Tag;
import io.jaegertracing.thriftjava.TagType;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test stand-in for the demo's UDP reporting until tracer-core's UDP reporter is on this branch:
 * converts finished spans to jaeger-thrift spans and, on {@link #flush()}, sends one
 * libthrift-encoded {@code emitBatch} datagram per service to the agent. Test scope only.
 */
final class ThriftTestReporting implements SpanReporting {
  private final AgentEndpoint agent;
  private final Map<String, Batch> pending = new LinkedHashMap<>();

  ThriftTestReporting(AgentEndpoint agent) {
    this.agent = agent;
  }

  @Override
  public synchronized Reporter reporter(String serviceName) {
    return new Reporter() {
      @Override
      public void report(SpoorSpan span) {
        add(span);
      }

      @Override
      public void close() {}
    };
  }

  private synchronized void add(SpoorSpan span) {
    Batch batch = pending.computeIfAbsent(span.process().serviceName(),
        name -> new Batch(process(span), new ArrayList<>()));
    batch.getSpans().add(toThrift(span));
  }

  @Override
  public synchronized void flush() {
    try (DatagramSocket socket = new DatagramSocket()) {
      for (Batch batch : pending.values()) {
        JaegerDatagrams.sendFrom(socket, batch, agent.host(), agent.port());
      }
    } catch (SocketException e) {
      throw new UncheckedIOException(e);
    }
    pending.clear();
  }

  private static Process process(SpoorSpan span) {
    Process process = new Process(span.process().serviceName());
    process.setTags(tags(span.process().tags()));
    return process;
  }

  private static Span toThrift(SpoorSpan span) {
    Span thrift = new Span(span.context().traceIdLow(), span.context().traceIdHigh(),
        span.context().spanId(), span.context().parentId(), span.operationName(),
        span.context().flags(), span.startMicros(), span.durationMicros());
    thrift.setTags(tags(span.tags()));
    List<Log> logs = new ArrayList<>();
    for (LogRecord record : span.logs()) {
      logs.add(new Log(record.timestampMicros(), tags(record.fields())));
    }
    thrift.setLogs(logs);
    List<SpanRef> references = new ArrayList<>();
    for (SpoorReference reference : span.references()) {
      references.add(new SpanRef(
          reference.isChildOf() ? SpanRefType.CHILD_OF : SpanRefType.FOLLOWS_FROM,
          reference.context().traceIdLow(), reference.context().traceIdHigh(),
          reference.context().spanId()));
    }
    thrift.setReferences(references);
    return thrift;
  }

  private static List<Tag> tags(Map<String, ?> values) {
    List<Tag> tags = new ArrayList<>();
    for (Map.Entry<String, ?> entry : values.entrySet()) {
      Object value = entry.getValue();
      if (value instanceof Boolean b) {
        tags.add(new Tag(entry.getKey(), TagType.BOOL).setVBool(b));
      } else if (value instanceof Double || value instanceof Float) {
        tags.add(new Tag(entry.getKey(), TagType.DOUBLE).setVDouble(((Number) value).doubleValue()));
      } else if (value instanceof Number n) {
        tags.add(new Tag(entry.getKey(), TagType.LONG).setVLong(n.longValue()));
      } else {
        tags.add(new Tag(entry.getKey(), TagType.STRING).setVStr(String.valueOf(value)));
      }
    }
    return tags;
  }
}
