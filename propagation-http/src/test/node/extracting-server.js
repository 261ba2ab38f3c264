'use strict';
// An HTTP server on 127.0.0.1 that reads the trace headers of each request with one Node peer's
// own propagation code and answers, as JSON, what that peer extracted:
//   GET /extract/<peer>  ->  {"peer", "context": {valid, traceId, spanId, sampled, debug, baggage},
//                             "headers": {the request's headers as Node received them}}
// First line out: {"port": N, "versions": {...}}. Exits when its standard input closes.

const http = require('http');
const { peer, versions } = require('./propagators');

const server = http.createServer((request, response) => {
  let status = 200;
  let body;
  try {
    const match = /^\/extract\/([a-z0-9-]+)(?:[/?].*)?$/.exec(request.url);
    if (!match) {
      throw new Error('no route for ' + request.url);
    }
    const context = peer(match[1]).extract(request.headers);
    body = { peer: match[1], context, headers: request.headers };
  } catch (e) {
    status = 500;
    body = { error: String(e && e.stack || e) };
  }
  const bytes = Buffer.from(JSON.stringify(body), 'utf8');
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': bytes.length });
  response.end(bytes);
});
server.keepAliveTimeout = 1000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(JSON.stringify({ port: server.address().port, versions: versions() }) + '\n');
});
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
