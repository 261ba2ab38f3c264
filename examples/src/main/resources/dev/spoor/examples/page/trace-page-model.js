// Trace page, model: the embedded data, the span tree the Jaeger UI derives, formatting and
// DOM helpers. Shares one scope with the other trace-page-*.js scripts (see TracePage).

var DATA = JSON.parse(document.getElementById('trace-data').textContent);
var PALETTE = ['#4f86c6', '#e3893c', '#45a778', '#c95d8c', '#8c6fca', '#c9a43a',
  '#3aa6b9', '#d06a52', '#7a9a3a', '#b070b5', '#5a6fd8', '#a8683c'];

// ---- Model: the Jaeger trace JSON, with the tree the Jaeger UI derives from it ----

function tagValue(tags, key) {
  for (var i = 0; i < tags.length; i++) {
    if (tags[i].key === key) { return tags[i].value; }
  }
  return undefined;
}

/** The parent reference as the Jaeger UI picks it: first same-trace CHILD_OF, else FOLLOWS_FROM. */
function parentRef(span, traceID) {
  var refs = span.references || [];
  var i;
  for (i = 0; i < refs.length; i++) {
    if (refs[i].traceID === traceID && refs[i].refType === 'CHILD_OF') { return refs[i]; }
  }
  for (i = 0; i < refs.length; i++) {
    if (refs[i].traceID === traceID && refs[i].refType === 'FOLLOWS_FROM') { return refs[i]; }
  }
  return null;
}

function byStart(a, b) {
  return a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function buildTrace(raw) {
  var spans = raw.spans.map(function (s) {
    var process = raw.processes[s.processID] || { serviceName: 'unknown-service', tags: [] };
    var tags = s.tags || [];
    var error = tagValue(tags, 'error');
    return {
      raw: s, id: s.spanID, service: process.serviceName, process: process,
      operation: s.operationName, start: s.startTime, duration: s.duration, tags: tags,
      logs: s.logs || [], refs: s.references || [], kind: tagValue(tags, 'span.kind') || '',
      error: error === true || error === 'true', children: [], depth: 0, parent: null,
      detached: null
    };
  });
  var spanMap = new Map();
  spans.forEach(function (span) { if (!spanMap.has(span.id)) { spanMap.set(span.id, span); } });
  var roots = [];
  spans.forEach(function (span) {
    var ref = parentRef(span.raw, raw.traceID);
    var parent = ref ? spanMap.get(ref.spanID) : null;
    if (parent && parent !== span) {
      span.parent = parent;
      parent.children.push(span);
    } else {
      if (ref) { span.detached = 'missing'; }
      roots.push(span);
    }
  });
  spans.forEach(function (span) { span.children.sort(byStart); });
  roots.sort(byStart);

  var ordered = [];
  var visited = new Set();
  function visit(top) {
    var stack = [top];
    while (stack.length) {
      var span = stack.pop();
      if (visited.has(span)) { continue; }
      visited.add(span);
      ordered.push(span);
      for (var i = span.children.length - 1; i >= 0; i--) {
        span.children[i].depth = span.depth + 1;
        stack.push(span.children[i]);
      }
    }
  }
  roots.forEach(function (root) { root.depth = 0; visit(root); });
  // Spans whose parents point at each other in a loop are reachable from no root: show them.
  spans.filter(function (s) { return !visited.has(s); }).sort(byStart).forEach(function (s) {
    if (!visited.has(s)) { s.detached = 'cycle'; s.depth = 0; visit(s); }
  });

  var start = Infinity;
  var end = -Infinity;
  var depth = 0;
  var services = new Map();
  var errors = 0;
  ordered.forEach(function (span) {
    start = Math.min(start, span.start);
    end = Math.max(end, span.start + span.duration);
    depth = Math.max(depth, span.depth + 1);
    var svc = services.get(span.service) || { name: span.service, spans: 0, errors: 0 };
    svc.spans++;
    if (span.error) { svc.errors++; errors++; }
    services.set(span.service, svc);
  });
  if (!ordered.length) { start = 0; end = 0; }
  var root = ordered[0];
  return {
    traceID: raw.traceID, spans: ordered, spanMap: spanMap, start: start,
    duration: end - start, depth: depth, services: Array.from(services.values()),
    errors: errors, rootService: root ? root.service : '', rootOperation: root ? root.operation : '',
    logs: (DATA.logs && DATA.logs[raw.traceID]) || []
  };
}

var TRACES = DATA.traces.map(buildTrace);
var TRACE_BY_ID = new Map(TRACES.map(function (t) { return [t.traceID, t]; }));
var COLORS = new Map();
TRACES.slice().sort(function (a, b) { return a.start - b.start; }).forEach(function (t) {
  t.spans.forEach(function (s) {
    if (!COLORS.has(s.service)) { COLORS.set(s.service, PALETTE[COLORS.size % PALETTE.length]); }
  });
});
function color(service) { return COLORS.get(service) || '#999'; }

// ---- Formatting ----

/** Microseconds as milliseconds with two decimals, rounded half up, like the terminal view. */
function ms(us) {
  var hundredths = Math.round(us / 10);
  var sign = hundredths < 0 ? '-' : '';
  hundredths = Math.abs(hundredths);
  return sign + Math.floor(hundredths / 100) + '.' + String(hundredths % 100).padStart(2, '0') + ' ms';
}
function utc(epochMicros) {
  return new Date(Math.floor(epochMicros / 1000)).toISOString().replace('T', ' ').replace('Z', ' UTC');
}
function shortId(id) { return id.slice(0, 7); }
function plural(n, word) { return n + ' ' + word + (n === 1 ? '' : 's'); }

// ---- DOM helpers ----

function h(tag, attrs) {
  var el = document.createElement(tag);
  if (attrs) {
    Object.keys(attrs).forEach(function (k) {
      var v = attrs[k];
      if (v === null || v === undefined || v === false) { return; }
      if (k === 'class') { el.className = v; }
      else if (k === 'text') { el.textContent = v; }
      else if (k === 'style') { el.setAttribute('style', v); }
      else if (k.slice(0, 2) === 'on') { el.addEventListener(k.slice(2), v); }
      else { el.setAttribute(k, v === true ? '' : v); }
    });
  }
  for (var i = 2; i < arguments.length; i++) {
    var child = arguments[i];
    if (child === null || child === undefined || child === false) { continue; }
    if (Array.isArray(child)) { child.forEach(function (c) { if (c) { el.appendChild(c); } }); }
    else { el.appendChild(typeof child === 'string' ? document.createTextNode(child) : child); }
  }
  return el;
}
var SVG = 'http://www.w3.org/2000/svg';
function s(tag, attrs) {
  var el = document.createElementNS(SVG, tag);
  Object.keys(attrs || {}).forEach(function (k) {
    if (k === 'text') { el.textContent = attrs[k]; } else { el.setAttribute(k, attrs[k]); }
  });
  return el;
}

var app = document.getElementById('app');
var ui = { sort: 'recent', service: '', operation: '', errorsOnly: false, collapsed: new Set(),
  selected: null, redSort: 'service', redAsc: true };
