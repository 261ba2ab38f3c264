'use strict';
// A Jaeger agent stand-in in Node: receives UDP datagrams on 127.0.0.1 and decodes each as an
// Agent.emitBatch call in the Thrift compact protocol, printing one JSON line per datagram.
//
// The wire decoding is Apache Thrift's own JavaScript TCompactProtocol (npm "thrift"); what the
// fields are (ids, types, names) comes from the Jaeger IDL that jaeger-client 3.19 ships, parsed
// by thriftrw, which is what jaeger-client itself uses to encode spans. The walk below is what
// generated code does: read a field header, look the field up in the IDL, read its type.
//
// First line out: {"port": N, "versions": {...}}. Then per datagram {"method", "seqid", "args"}
// or {"error"}. i64 values are written as 16 hex digits (two's complement), enums by name, binary in
// base64, the rest as JSON.
// Exits when its standard input closes, so it never outlives the test that started it.

const dgram = require('dgram');
const path = require('path');
const thrift = require('thrift');
const { Thrift } = require('thriftrw');
const { versions } = require('./propagators');

const Type = thrift.Thrift.Type;
const idlPath = path.join(path.dirname(require.resolve('jaeger-client')), 'thriftrw-idl',
  'agent.thrift');
const idl = new Thrift({ entryPoint: idlPath, allowFilesystemAccess: true,
  allowOptionalArguments: true });
const agentService = idl.models.Agent;

/** Reads one value of the IDL type {@code spec} (a thriftrw model) from {@code protocol}. */
function readValue(protocol, spec) {
  switch (spec.typeid) {
    case Type.BOOL: return protocol.readBool();
    case Type.BYTE: return protocol.readByte();
    case Type.I16: return protocol.readI16();
    case Type.I32: {
      const value = protocol.readI32();
      return spec.valuesToNames ? spec.valuesToNames[value] : value; // an enum: its name
    }
    case Type.I64: return protocol.readI64().toOctetString();
    case Type.DOUBLE: return protocol.readDouble();
    case Type.STRING:
      return spec.name === 'binary' ? protocol.readBinary().toString('base64')
        : protocol.readString();
    case Type.STRUCT: return readStruct(protocol, spec);
    case Type.LIST: {
      const header = protocol.readListBegin();
      if (header.etype !== spec.valueType.typeid) {
        throw new Error('list of ' + header.etype + ' where the IDL has ' + spec.valueType.typeid);
      }
      const values = [];
      for (let i = 0; i < header.size; i++) {
        values.push(readValue(protocol, spec.valueType));
      }
      protocol.readListEnd();
      return values;
    }
    default:
      throw new Error('the Jaeger IDL has no field of Thrift type ' + spec.typeid);
  }
}

function readStruct(protocol, model) {
  const out = {};
  protocol.readStructBegin();
  for (;;) {
    const field = protocol.readFieldBegin();
    if (field.ftype === Type.STOP) {
      break;
    }
    const spec = model.fieldsById[field.fid];
    if (!spec || spec.valueType.typeid !== field.ftype) {
      // An unknown field or one of another type: skipped, but reported, so a test notices.
      out['?' + field.fid] = 'skipped type ' + field.ftype;
      protocol.skip(field.ftype);
    } else {
      out[spec.name] = readValue(protocol, spec.valueType);
    }
    protocol.readFieldEnd();
  }
  protocol.readStructEnd();
  for (const spec of model.fields) {
    if (spec.required && !(spec.name in out)) {
      throw new Error(model.name + '.' + spec.name + ' is required and missing');
    }
  }
  return out;
}

function decode(datagram) {
  const protocol = new thrift.TCompactProtocol(new thrift.TFramedTransport(datagram));
  const message = protocol.readMessageBegin();
  const method = agentService.functionsByName[message.fname];
  if (!method) {
    throw new Error('no Agent method ' + message.fname);
  }
  if (message.mtype !== thrift.Thrift.MessageType.ONEWAY) {
    throw new Error(message.fname + ' sent as message type ' + message.mtype + ', not oneway');
  }
  const args = readStruct(protocol, method.args);
  protocol.readMessageEnd();
  return { method: message.fname, seqid: message.rseqid, args };
}

const socket = dgram.createSocket('udp4');
socket.on('message', (datagram) => {
  let line;
  try {
    line = JSON.stringify(decode(datagram));
  } catch (e) {
    line = JSON.stringify({ error: String(e && e.stack || e), bytes: datagram.length });
  }
  process.stdout.write(line + '\n');
});
socket.on('error', (e) => {
  process.stderr.write('agent socket: ' + e + '\n');
  process.exit(2);
});
socket.bind(0, '127.0.0.1', () => {
  socket.setRecvBufferSize(4 * 1024 * 1024);
  process.stdout.write(JSON.stringify({ port: socket.address().port, versions: versions() }) + '\n');
});
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
