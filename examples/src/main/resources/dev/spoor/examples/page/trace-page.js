// Spoor trace page: draws the search, trace and monitor views from the JSON embedded in the page
// (the traces exactly as Jaeger's query API returns them, each trace's log lines, and RED figures
// per operation). Plain DOM, no library, nothing fetched. All text goes in through textContent.
(function () {
  'use strict';

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

  // ---- Search page: the trace list ----

  var SORTS = {
    recent: { label: 'Most Recent', cmp: function (a, b) { return b.start - a.start; } },
    longest: { label: 'Longest First', cmp: function (a, b) { return b.duration - a.duration; } },
    shortest: { label: 'Shortest First', cmp: function (a, b) { return a.duration - b.duration; } },
    most: { label: 'Most Spans', cmp: function (a, b) { return b.spans.length - a.spans.length; } },
    least: { label: 'Least Spans', cmp: function (a, b) { return a.spans.length - b.spans.length; } },
    errors: { label: 'Most Errors', cmp: function (a, b) { return b.errors - a.errors || b.start - a.start; } }
  };

  function matches(trace) {
    if (ui.errorsOnly && !trace.errors) { return false; }
    if (!ui.service) { return true; }
    return trace.spans.some(function (span) {
      return span.service === ui.service && (!ui.operation || span.operation === ui.operation);
    });
  }

  function renderSearch() {
    document.title = DATA.title + ' · Search';
    var shown = TRACES.filter(matches).sort(SORTS[ui.sort].cmp);
    var services = Array.from(COLORS.keys()).sort();
    var operations = [];
    if (ui.service) {
      var seen = new Set();
      TRACES.forEach(function (t) {
        t.spans.forEach(function (span) {
          if (span.service === ui.service && !seen.has(span.operation)) {
            seen.add(span.operation);
            operations.push(span.operation);
          }
        });
      });
      operations.sort();
    }
    var maxDuration = Math.max.apply(null, TRACES.map(function (t) { return t.duration; }).concat([1]));

    var side = h('aside', { class: 'search-side' },
      h('h2', { text: 'Find traces' }),
      h('label', { for: 'filter-service', text: 'Service' }),
      h('select', { id: 'filter-service', onchange: function (e) { ui.service = e.target.value; ui.operation = ''; renderSearch(); } },
        h('option', { value: '', text: 'All services (' + services.length + ')' }),
        services.map(function (name) { return h('option', { value: name, selected: name === ui.service, text: name }); })),
      h('label', { for: 'filter-operation', text: 'Operation' }),
      h('select', { id: 'filter-operation', disabled: !ui.service, onchange: function (e) { ui.operation = e.target.value; renderSearch(); } },
        h('option', { value: '', text: 'All operations' }),
        operations.map(function (op) { return h('option', { value: op, selected: op === ui.operation, text: op }); })),
      h('label', { class: 'check' },
        h('input', { type: 'checkbox', id: 'filter-errors', checked: ui.errorsOnly, onchange: function (e) { ui.errorsOnly = e.target.checked; renderSearch(); } }),
        'Only traces with errors'),
      h('div', { class: 'hint' },
        'The same traces open in a real Jaeger UI: on its Search page, open the JSON File (or Upload) tab and drop the files of ',
        h('code', { text: DATA.jsonHref || 'the JSON directory' }), ' (one per trace).'));

    var list = h('div', { class: 'results-list' }, shown.map(function (t) { return resultItem(t, maxDuration); }));
    if (!shown.length) { list.appendChild(h('div', { class: 'empty', text: TRACES.length ? 'No trace matches.' : 'No traces were recorded.' })); }
    var scatter = h('div', { class: 'scatter-box' });
    var results = h('section', { class: 'search-results' },
      h('div', { class: 'results-head' },
        h('h2', { id: 'result-count', text: plural(shown.length, 'Trace') }),
        h('label', null, 'Sort: ',
          h('select', { id: 'sort', onchange: function (e) { ui.sort = e.target.value; renderSearch(); } },
            Object.keys(SORTS).map(function (k) { return h('option', { value: k, selected: k === ui.sort, text: SORTS[k].label }); })))),
      scatter, list);
    show('search', h('div', { class: 'search-page' }, side, results));
    drawScatter(scatter, shown);
  }

  function resultItem(t, maxDuration) {
    var services = t.services.slice().sort(function (a, b) { return a.name < b.name ? -1 : 1; });
    return h('a', { class: 'result-item', href: '#/trace/' + t.traceID, 'data-trace-id': t.traceID },
      h('div', { class: 'result-title' },
        h('span', { class: 'duration-fill', style: 'width:' + (100 * t.duration / maxDuration).toFixed(2) + '%' }),
        h('span', { class: 'result-name' }, h('b', { text: t.rootService + ':' }), ' ' + t.rootOperation,
          h('span', { class: 'trace-id', text: shortId(t.traceID) })),
        h('span', { class: 'result-duration', 'data-us': t.duration, text: ms(t.duration) })),
      h('div', { class: 'result-body' },
        h('div', { class: 'result-counts' },
          h('div', { class: 'result-spans', 'data-count': t.spans.length, text: plural(t.spans.length, 'Span') }),
          t.errors ? h('div', { class: 'result-errors', 'data-count': t.errors, text: plural(t.errors, 'Error') }) : null),
        h('div', { class: 'result-services' }, services.map(function (svc) {
          return h('span', { class: 'service-tag' + (svc.errors ? ' has-error' : ''), 'data-service': svc.name,
            style: 'border-left-color:' + color(svc.name) }, svc.name + ' (' + svc.spans + ')');
        })),
        h('div', { class: 'result-start', 'data-us': t.start },
          h('b', { text: utc(t.start).slice(11, 23) }), h('br'), utc(t.start).slice(0, 10) + ' UTC')));
  }

  function drawScatter(box, shown) {
    var width = Math.max(300, box.clientWidth || 800);
    var height = 150;
    var pad = { l: 66, r: 18, t: 14, b: 24 };
    var svg = s('svg', { class: 'scatter', width: width, height: height, viewBox: '0 0 ' + width + ' ' + height });
    box.appendChild(svg);
    if (!shown.length) { return; }
    var t0 = Math.min.apply(null, shown.map(function (t) { return t.start; }));
    var t1 = Math.max.apply(null, shown.map(function (t) { return t.start; }));
    var dMax = Math.max.apply(null, shown.map(function (t) { return t.duration; }).concat([1]));
    var x = function (v) { return pad.l + (t1 === t0 ? 0.5 : (v - t0) / (t1 - t0)) * (width - pad.l - pad.r); };
    var y = function (v) { return height - pad.b - (v / dMax) * (height - pad.t - pad.b); };
    for (var i = 0; i <= 2; i++) {
      var v = dMax * i / 2;
      svg.appendChild(s('line', { class: 'grid', x1: pad.l, x2: width - pad.r, y1: y(v), y2: y(v) }));
      svg.appendChild(s('text', { x: pad.l - 6, y: y(v) + 3, 'text-anchor': 'end', text: ms(v) }));
    }
    svg.appendChild(s('text', { x: pad.l, y: height - 6, text: utc(t0).slice(11, 23) }));
    svg.appendChild(s('text', { x: width - pad.r, y: height - 6, 'text-anchor': 'end', text: utc(t1).slice(11, 23) }));
    shown.forEach(function (t) {
      var dot = s('circle', { cx: x(t.start), cy: y(t.duration), r: 3 + Math.min(6, t.spans.length / 2),
        class: t.errors ? 'err' : '', 'data-trace-id': t.traceID });
      dot.appendChild(s('title', { text: t.rootService + ': ' + t.rootOperation + ' · ' + ms(t.duration) }));
      dot.addEventListener('click', function () { location.hash = '#/trace/' + t.traceID; });
      svg.appendChild(dot);
    });
  }

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

  // ---- Monitor page: RED per operation, with the slowest trace as exemplar ----

  var RED_COLUMNS = [
    ['service', 'Service', false], ['operation', 'Operation', false], ['kind', 'Kind', false],
    ['requests', 'Requests', true], ['errors', 'Errors', true], ['errorRate', 'Error rate', true],
    ['p50', 'P50', true], ['p95', 'P95', true], ['p99', 'P99', true], ['slowest', 'Slowest trace (exemplar)', true]
  ];

  function renderMonitor() {
    document.title = DATA.title + ' · Monitor';
    var ops = DATA.operations.map(function (o) {
      return Object.assign({ errorRate: o.requests ? o.errors / o.requests : 0 }, o);
    });
    var key = ui.redSort;
    ops.sort(function (a, b) {
      var x = a[key];
      var y = b[key];
      var c = typeof x === 'string' ? x.localeCompare(y) : x - y;
      if (c === 0) { c = (a.service + a.operation + a.kind).localeCompare(b.service + b.operation + b.kind); }
      return ui.redAsc ? c : -c;
    });
    var maxP99 = Math.max.apply(null, ops.map(function (o) { return o.p99; }).concat([1]));
    var spans = ops.reduce(function (n, o) { return n + o.requests; }, 0);
    var table = h('table', { class: 'red', id: 'red-table' },
      h('thead', null, h('tr', null, RED_COLUMNS.map(function (c) {
        return h('th', { class: (c[2] ? 'num' : '') + (key === c[0] ? ' sorted' + (ui.redAsc ? ' asc' : '') : ''),
          'data-key': c[0], text: c[1],
          onclick: function () {
            if (ui.redSort === c[0]) { ui.redAsc = !ui.redAsc; } else { ui.redSort = c[0]; ui.redAsc = !c[2]; }
            renderMonitor();
          } });
      }))),
      h('tbody', null, ops.map(function (o) {
        return h('tr', { class: 'red-row', 'data-service': o.service, 'data-operation': o.operation, 'data-kind': o.kind },
          h('td', null, h('span', { class: 'svc-dot', style: 'background:' + color(o.service) }), o.service),
          h('td', { text: o.operation }),
          h('td', { text: o.kind || '—' }),
          h('td', { class: 'num', text: String(o.requests) }),
          h('td', { class: 'num' + (o.errors ? ' err' : ''), text: String(o.errors) }),
          h('td', { class: 'num' + (o.errors ? ' err' : ''), text: (100 * o.errorRate).toFixed(1) + ' %' }),
          h('td', { class: 'num', 'data-us': o.p50, text: ms(o.p50) }),
          h('td', { class: 'num', 'data-us': o.p95, text: ms(o.p95) }),
          h('td', { class: 'num', 'data-us': o.p99 }, h('span', { class: 'p99-cell' },
            h('span', { class: 'p99-track' }, h('span', { class: 'p99-bar', style: 'width:' + Math.max(2, Math.round(64 * o.p99 / maxP99)) + 'px' })),
            h('span', { class: 'p99-value', text: ms(o.p99) }))),
          h('td', { class: 'num' }, h('a', { class: 'exemplar', href: '#/trace/' + o.slowestTraceID + '/' + o.slowestSpanID,
            'data-trace-id': o.slowestTraceID, 'data-span-id': o.slowestSpanID },
            ms(o.slowest) + ' · ', h('code', { text: shortId(o.slowestTraceID) }))));
      })));
    show('monitor', h('div', { class: 'monitor-page' },
      h('h2', { text: 'RED per operation' }),
      h('p', { class: 'sub', text: 'Requests, errors and duration percentiles (nearest rank) of ' + plural(spans, 'span') +
        ' in the ' + plural(TRACES.length, 'trace') + ' of this page. Metrics say that something is slow; ' +
        'the exemplar link opens the slowest trace of each operation, which says where.' }),
      table));
  }

  // ---- Routing: #/search, #/trace/<traceID>[/<spanID>], #/monitor ----

  function show(view, content) {
    app.textContent = '';
    app.appendChild(content);
    document.body.setAttribute('data-view', view);
    document.getElementById('nav-search').className = view === 'search' || view === 'trace' ? 'active' : '';
    document.getElementById('nav-monitor').className = view === 'monitor' ? 'active' : '';
  }

  function route() {
    var parts = location.hash.replace(/^#\/?/, '').split('/');
    if (parts[0] === 'trace' && TRACE_BY_ID.has(parts[1])) {
      renderTrace(TRACE_BY_ID.get(parts[1]), parts[2]);
      if (!parts[2]) { window.scrollTo(0, 0); }
    } else if (parts[0] === 'monitor') {
      renderMonitor();
    } else {
      renderSearch();
    }
    document.body.setAttribute('data-ready', 'true');
  }

  document.getElementById('topbar-info').textContent = DATA.title + ' · ' + plural(TRACES.length, 'trace') +
    ' · written ' + utc(DATA.generatedAt * 1000);
  window.addEventListener('hashchange', route);
  route();
}());
