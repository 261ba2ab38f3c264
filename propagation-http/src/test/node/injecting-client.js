'use strict';
// An HTTP client that writes trace headers with one Node peer's own propagation code and sends
// them to a URL. Reads one JSON command per line on standard input:
//   {"id", "peer", "url", "context": {traceId, spanId, sampling, baggage}}
// and answers one JSON line per command, after the response arrived:
//   {"id", "status", "body", "sent": {the headers written}}  or  {"id", "error"}
// First line out: {"ready": true, "versions": {...}}. Exits when its standard input closes and
// the requests in flight are answered.

const http = require('http');
const readline = require('readline');
const { peer, versions } = require('./propagators');

let pending = 0;
let closed = false;

function answer(line) {
  process.stdout.write(JSON.stringify(line) + '\n');
  pending--;
  if (closed && pending === 0) {
    process.exit(0);
  }
}

function send(command) {
  const headers = {};
  peer(command.peer).inject(command.context, headers);
  const request = http.get(command.url, { headers, agent: false }, (response) => {
    const chunks = [];
    response.on('data', (chunk) => chunks.push(chunk));
    response.on('end', () => answer({ id: command.id, status: response.statusCode,
      body: Buffer.concat(chunks).toString('utf8'), sent: headers }));
  });
  request.setTimeout(10000, () => request.destroy(new Error('no answer within 10 s')));
  request.on('error', (e) => answer({ id: command.id, error: String(e), sent: headers }));
}

const input = readline.createInterface({ input: process.stdin });
input.on('line', (line) => {
  if (line.trim() === '') {
    return;
  }
  pending++;
  let command;
  try {
    command = JSON.parse(line);
    send(command);
  } catch (e) {
    answer({ id: command && command.id, error: String(e && e.stack || e) });
  }
});
input.on('close', () => {
  closed = true;
  if (pending === 0) {
    process.exit(0);
  }
});
process.stdout.write(JSON.stringify({ ready: true, versions: versions() }) + '\n');
