// Trace page, trace view: header, span tree against the time axis, span detail, log lines.

// ---- Trace page: header, span tree against the time axis, span detail, log lines ----

function renderTrace(t, focusSpanId) {
  document.title = DATA.title + ' · ' + t.rootService + ': ' + t.rootOperation;
  if (ui.traceID !== t.traceID) {
    ui.traceID = t.traceID;
    ui.collapsed = new Set();
    ui.selected = null;
  }
  if (focusSpanId && t.spanMap.has(focusSpanId)) {
    ui.selected = focusSpanId;
    for (var p = t.spanMap.get(focusSpanId).parent; p; p = p.parent) { ui.collapsed.delete(p.id); }
  }
  var overview = [
    ['start', 'Trace Start', utc(t.start), t.start],
    ['duration', 'Duration', ms(t.duration), t.duration],
    ['services', 'Services', String(t.services.length), t.services.length],
    ['depth', 'Depth', String(t.depth), t.depth],
    ['spans', 'Total Spans', String(t.spans.length), t.spans.length]
  ];
  if (t.errors) { overview.push(['errors', 'Errors', String(t.errors), t.errors]); }
  var header = h('div', { class: 'trace-header' },
    h('div', { class: 'trace-title-row' },
      h('a', { class: 'back', href: '#/search', title: 'Back to the traces', text: '‹' }),
      h('h1', null, h('b', { text: t.rootService + ':' }), ' ' + t.rootOperation,
        h('span', { class: 'trace-id', text: t.traceID })),
      DATA.jsonHref ? h('a', { class: 'json-link', href: DATA.jsonHref + '/' + t.traceID + '.json',
        download: t.traceID + '.json', text: 'Trace JSON for the Jaeger UI ⤓' }) : null),
    h('div', { class: 'trace-overview', id: 'trace-overview' }, overview.map(function (o) {
      return h('span', { class: 'item ' + o[0], 'data-field': o[0], 'data-value': o[3] },
        h('span', { class: 'label', text: o[1] }), h('span', { class: 'value', text: o[2] }));
    })),
    minimap(t),
    h('div', { class: 'legend' },
      h('span', null, h('i', { class: 'l-server' }), 'server / internal span'),
      h('span', null, h('i', { class: 'l-client' }), 'client span (waiting on another service)'),
      h('span', null, h('i', { class: 'l-error' }), 'error=true')));
  var rows = h('div', { class: 'rows', id: 'span-rows' });
  var timeline = h('section', { class: 'timeline' },
    h('div', { class: 'timeline-head' },
      h('div', { class: 'name-col' }, 'Service & Operation',
        h('button', { type: 'button', title: 'Collapse all', onclick: function () { t.spans.forEach(function (sp) { if (sp.children.length) { ui.collapsed.add(sp.id); } }); drawRows(t, rows); }, text: 'collapse' }),
        h('button', { type: 'button', title: 'Expand all', onclick: function () { ui.collapsed.clear(); drawRows(t, rows); }, text: 'expand' })),
      h('div', { class: 'ticks-col' }, ticks(t.duration))),
    rows);
  show('trace', h('div', { class: 'trace-page', 'data-trace-id': t.traceID }, header,
    h('div', { class: 'trace-body' }, timeline, logPanel(t))));
  drawRows(t, rows);
  if (focusSpanId) {
    var row = rows.querySelector('.span-row[data-span-id="' + focusSpanId + '"]');
    if (row) { row.scrollIntoView({ block: 'center' }); }
  }
}

function ticks(total) {
  var out = [];
  for (var i = 0; i <= 4; i++) {
    out.push(h('span', { class: 'tick-label' + (i === 4 ? ' last' : ''), style: 'left:' + (i * 25) + '%',
      'data-us': Math.round(total * i / 4), text: ms(total * i / 4) }));
    if (i > 0 && i < 4) { out.push(h('span', { class: 'tick-line', style: 'left:' + (i * 25) + '%' })); }
  }
  return out;
}

function minimap(t) {
  var box = h('div', { class: 'minimap' });
  for (var i = 1; i < 4; i++) { box.appendChild(h('span', { class: 'mini-tick', style: 'left:' + (i * 25) + '%' })); }
  var rowHeight = Math.min(5, 40 / Math.max(1, t.spans.length));
  t.spans.forEach(function (span, n) {
    box.appendChild(h('span', { class: 'mini-bar', style: 'left:' + pct(span.start - t.start, t.duration) +
      '%;width:' + pct(span.duration, t.duration) + '%;top:' + (2 + n * rowHeight).toFixed(1) +
      'px;background:' + color(span.service) }));
  });
  return box;
}

function pct(part, whole) { return whole > 0 ? (100 * part / whole).toFixed(4) : '0'; }

function hiddenByCollapse(span) {
  for (var p = span.parent; p; p = p.parent) { if (ui.collapsed.has(p.id)) { return true; } }
  return false;
}

function drawRows(t, rows) {
  // The rows are replaced, so the row under the mouse never gets its mouseleave: unlink here.
  document.querySelectorAll('.log-line.hot').forEach(function (line) { line.classList.remove('hot'); });
  rows.textContent = '';
  t.spans.forEach(function (span) {
    if (hiddenByCollapse(span)) { return; }
    rows.appendChild(spanRow(t, span, rows));
    if (ui.selected === span.id) { rows.appendChild(spanDetail(t, span)); }
  });
}

function spanRow(t, span, rows) {
  var left = t.duration > 0 ? 100 * (span.start - t.start) / t.duration : 0;
  var width = t.duration > 0 ? 100 * span.duration / t.duration : 100;
  var client = span.kind === 'client' || span.kind === 'producer';
  // The duration label goes right of the bar, else left of it, else inside it (a bar that
  // fills the axis), so it never runs into the name column.
  var labelAt = left + width < 84 ? 'right' : left > 16 ? 'left' : 'inside';
  var indents = [];
  for (var d = 0; d < span.depth; d++) { indents.push(h('span', { class: 'indent' })); }
  var collapsed = ui.collapsed.has(span.id);
  var row = h('div', {
    class: 'span-row' + (ui.selected === span.id ? ' selected' : ''), 'data-span-id': span.id,
    'data-depth': span.depth, 'data-service': span.service, 'data-kind': span.kind,
    'data-error': span.error ? 'true' : 'false',
    onclick: function () { ui.selected = ui.selected === span.id ? null : span.id; drawRows(t, rows); },
    onmouseenter: function () { linkLogs(span.id, true); },
    onmouseleave: function () { linkLogs(span.id, false); }
  },
    h('div', { class: 'span-name' }, indents,
      h('button', { type: 'button', class: 'toggle' + (span.children.length ? '' : ' leaf'),
        title: collapsed ? 'Expand' : 'Collapse', text: collapsed ? '▶' : '▼',
        onclick: function (e) {
          e.stopPropagation();
          if (!span.children.length) { return; }
          if (collapsed) { ui.collapsed.delete(span.id); } else { ui.collapsed.add(span.id); }
          drawRows(t, rows);
        } }),
      h('span', { class: 'span-label', style: 'border-left-color:' + color(span.service) },
        span.error ? h('span', { class: 'error-icon', title: 'error=true', text: '!' }) : null,
        h('span', { class: 'svc', text: span.service }),
        h('span', { class: 'op', text: span.operation }),
        span.kind ? h('span', { class: 'kind', text: span.kind }) : null,
        collapsed ? h('span', { class: 'kind', text: '+' + countDescendants(span) }) : null,
        span.detached ? h('span', { class: 'orphan', text: span.detached === 'missing' ? '(parent not received)' : '(parent on a cycle)' }) : null)),
    h('div', { class: 'span-bar-area' },
      h('div', { class: 'span-bar' + (client ? ' client' : '') + (span.error ? ' error' : ''),
        'data-us': span.duration, style: 'left:' + left.toFixed(4) + '%;width:' + width.toFixed(4) +
        '%;background-color:' + color(span.service) }),
      h('span', { class: 'bar-label ' + labelAt, style: labelAt === 'right' ? 'left:' + (left + width).toFixed(4) + '%'
        : labelAt === 'left' ? 'right:' + (100 - left).toFixed(4) + '%'
        : 'right:' + (100 - left - width).toFixed(4) + '%', text: ms(span.duration) })));
  return row;
}

function countDescendants(span) {
  var n = 0;
  var stack = span.children.slice();
  while (stack.length) { var c = stack.pop(); n++; stack.push.apply(stack, c.children); }
  return n;
}

function kvTable(pairs) {
  return h('table', { class: 'kv' }, h('tbody', null, pairs.map(function (kv) {
    var value = kv.value;
    return h('tr', { 'data-key': kv.key },
      h('td', { class: 'key', text: kv.key }),
      h('td', { class: 'value', text: typeof value === 'string' ? value : JSON.stringify(value) }),
      h('td', { class: 'type', text: kv.type || '' }));
  })));
}

function inline(pairs) {
  return pairs.map(function (kv) { return kv.key + '=' + (typeof kv.value === 'string' ? kv.value : JSON.stringify(kv.value)); }).join('  ');
}

function section(cls, title, count, pairsForSummary, body, open) {
  return h('details', { class: cls, open: open !== false },
    h('summary', null, title + (count === null ? '' : ' (' + count + ')'),
      pairsForSummary ? h('span', { class: 'summary-inline', text: inline(pairsForSummary) }) : null),
    body);
}

function spanDetail(t, span) {
  var refs = span.refs.map(function (ref) {
    var target = ref.traceID === t.traceID ? t.spanMap.get(ref.spanID) : null;
    return h('li', { 'data-span-id': ref.spanID }, ref.refType + ' ',
      target ? h('a', { href: '#/trace/' + t.traceID + '/' + ref.spanID, text: target.service + ' ' + target.operation })
        : h('span', { text: 'span not in this trace' }),
      ' · ' + ref.spanID + (ref.traceID === t.traceID ? '' : ' in trace ' + ref.traceID));
  });
  return h('div', { class: 'span-detail', 'data-span-id': span.id },
    h('div', { class: 'detail-body', style: 'border-left-color:' + color(span.service) +
      ';margin-left:' + Math.min(12 * span.depth + 18, 120) + 'px' },
      h('div', { class: 'detail-head' },
        h('h3', { text: span.operation }),
        h('div', { class: 'detail-facts' },
          'Service: ', h('b', { text: span.service }),
          'Duration: ', h('b', { text: ms(span.duration) }),
          'Start Time: ', h('b', { text: ms(span.start - t.start) }))),
      section('tags', 'Tags', span.tags.length, span.tags, kvTable(span.tags)),
      section('process', 'Process', span.process.tags.length, span.process.tags,
        kvTable([{ key: 'service.name', type: 'string', value: span.service }].concat(span.process.tags)), false),
      span.logs.length ? section('logs', 'Logs', span.logs.length, null, h('div', null, span.logs.map(function (log) {
        return h('div', { class: 'log-entry', 'data-relative-us': log.timestamp - t.start },
          h('div', { class: 'log-time', text: ms(log.timestamp - t.start) }),
          kvTable(log.fields || []));
      }))) : null,
      refs.length ? section('references', 'References', refs.length, null, h('ul', { class: 'refs' }, refs)) : null,
      h('div', { class: 'span-id-line' }, 'SpanID: ', h('code', { text: span.id }))));
}

var LOGFMT_PAIR = /([A-Za-z_][\w.]*)=("(?:[^"\\]|\\.)*"|\S*)/g;

/** The logfmt line as text nodes, keys dimmed and ids marked: its textContent is the line. */
function logfmt(line) {
  var out = [];
  var last = 0;
  var m;
  LOGFMT_PAIR.lastIndex = 0;
  while ((m = LOGFMT_PAIR.exec(line)) !== null) {
    if (m.index > last) { out.push(document.createTextNode(line.slice(last, m.index))); }
    var cls = m[1] === 'traceID' || m[1] === 'spanID' ? 'v-id' : m[1] === 'msg' ? 'v-msg' : 'v';
    out.push(h('span', { class: 'k', text: m[1] + '=' }), h('span', { class: cls, text: m[2] }));
    last = m.index + m[0].length;
  }
  if (last < line.length) { out.push(document.createTextNode(line.slice(last))); }
  return out;
}

function logPanel(t) {
  var lines = t.logs.map(function (log) {
    var known = log.spanID && t.spanMap.has(log.spanID);
    return h('div', { class: 'log-line', 'data-span-id': log.spanID || '',
      title: known ? 'Click to open span ' + log.spanID : '',
      onmouseenter: function () { linkSpan(log.spanID, true); },
      onmouseleave: function () { linkSpan(log.spanID, false); },
      onclick: function () { if (known) { location.hash = '#/trace/' + t.traceID + '/' + log.spanID; } } },
      h('div', { class: 'log-meta' },
        h('span', { class: 'rel', text: '+' + ms(log.ts - t.start) }),
        h('span', { class: 'lvl ' + log.level, text: log.level }),
        log.service ? h('span', null, h('span', { class: 'svc-dot', style: 'background:' + color(log.service) }), log.service) : null),
      h('div', { class: 'line-text' }, logfmt(log.line)));
  });
  return h('aside', { class: 'trace-logs' },
    h('div', { class: 'logs-head' }, 'Log lines', h('span', { class: 'count', text: 'traceID=' + shortId(t.traceID) + '… · ' + plural(lines.length, 'line') })),
    lines.length ? lines : h('div', { class: 'no-logs', text: 'No log line carried this trace id.' }));
}

function linkSpan(spanId, on) {
  if (!spanId) { return; }
  var row = document.querySelector('.span-row[data-span-id="' + spanId + '"]');
  if (row) { row.classList.toggle('linked', on); }
}

function linkLogs(spanId, on) {
  document.querySelectorAll('.log-line[data-span-id="' + spanId + '"]').forEach(function (line) {
    line.classList.toggle('hot', on);
  });
}
