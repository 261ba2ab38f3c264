package dev.spoor.examples.agent;

import io.jaegertracing.agent.thrift.Agent;
import io.jaegertracing.thriftjava.Batch;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TCompactProtocol;
import org.apache.thrift.protocol.TMessage;
import org.apache.thrift.protocol.TMessageType;
import org.apache.thrift.transport.TMemoryInputTransport;

/**
 * Turns one agent datagram into a {@link Batch} with libthrift's compact protocol and the generated
 * {@code Agent.emitBatch_args}, exactly as the Jaeger agent's UDP compact server does on port 6831.
 */
final class EmitBatchDecoder {
  private EmitBatchDecoder() {}

  /**
   * Decodes {@code length} bytes of {@code datagram}.
   *
   * @throws TException when the bytes are not a oneway (or call) {@code emitBatch} message with a
   *     batch in it
   */
  static Batch decode(byte[] datagram, int length) throws TException {
    TMemoryInputTransport transport = new TMemoryInputTransport(datagram, 0, length);
    TCompactProtocol protocol = new TCompactProtocol(transport);
    // jaeger-idl agent.thrift: `oneway void emitBatch(1: jaeger.Batch batch)`; Thrift clients send
    // it as a ONEWAY message (older ones as CALL), which the agent accepts either way.
    TMessage message = protocol.readMessageBegin();
    if (!"emitBatch".equals(message.name)) {
      throw new TException("unexpected method " + message.name);
    }
    if (message.type != TMessageType.ONEWAY && message.type != TMessageType.CALL) {
      throw new TException("unexpected message type " + message.type);
    }
    Agent.emitBatch_args args = new Agent.emitBatch_args();
    args.read(protocol);
    protocol.readMessageEnd();
    if (args.getBatch() == null || args.getBatch().getProcess() == null) {
      throw new TException("emitBatch without a batch or process");
    }
    return args.getBatch();
  }
}
