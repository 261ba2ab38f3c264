// Trace page, routing between the views: #/search, #/trace/<traceID>[/<spanID>], #/monitor.

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
