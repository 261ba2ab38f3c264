// Trace page, monitor view: RED per operation with the slowest trace as exemplar.

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
