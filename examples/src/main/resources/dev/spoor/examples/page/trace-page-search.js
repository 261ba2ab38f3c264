// Trace page, search view: the trace list like Jaeger's search results, with a scatter plot.

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
  var pad = { l: 84, r: 18, t: 16, b: 24 };
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
