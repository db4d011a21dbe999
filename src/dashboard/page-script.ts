// The dashboard's browser script (served at /app.js): the rollout list and the selected rollout's detail from
// server-sent events, redrawn on every update, and the action buttons. Plain ES2019; it builds DOM nodes with
// textContent only (no HTML from data). It must not contain backquotes or dollar-brace sequences. The token comes
// from the URL fragment (`#token=…`, never sent to a server) or the token field, and stays in sessionStorage.

export const DASHBOARD_SCRIPT = `(function () {
'use strict';
var ACTIONS = [['promote', 'Promote', 'primary'], ['promote-full', 'Promote full', ''], ['pause', 'Pause', ''], ['retry', 'Retry', ''], ['restart', 'Restart', ''], ['abort', 'Abort', 'danger']];
var st = { list: [], selected: null, detail: null, source: null };
var listEl = document.getElementById('list'), detailEl = document.getElementById('detail'), connEl = document.getElementById('conn'), tokenEl = document.getElementById('token');

function h(tag, attrs, children) {
  var e = document.createElement(tag);
  Object.keys(attrs || {}).forEach(function (k) {
    if (k === 'text') e.textContent = attrs[k]; else if (k === 'onclick') e.addEventListener('click', attrs[k]); else e.setAttribute(k, attrs[k]);
  });
  (children || []).forEach(function (c) { if (c) e.appendChild(c); });
  return e;
}
function clear(e) { while (e.firstChild) e.removeChild(e.firstChild); }
function token() { return sessionStorage.getItem('sluice-token') || ''; }
function readFragmentToken() {
  var m = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (m) { sessionStorage.setItem('sluice-token', decodeURIComponent(m[1])); history.replaceState(null, '', location.pathname + location.search); }
  tokenEl.value = token();
  tokenEl.addEventListener('change', function () { sessionStorage.setItem('sluice-token', tokenEl.value.trim()); });
}
function key(ns, name) { return ns + '/' + name; }
function path(ns, name) { return 'api/rollouts/' + encodeURIComponent(ns) + '/' + encodeURIComponent(name); }

function renderList() {
  clear(listEl);
  if (st.list.length === 0) { listEl.appendChild(h('div', { 'class': 'empty', text: 'No rollouts yet.' })); return; }
  st.list.forEach(function (r) {
    var k = key(r.namespace, r.name);
    var meta = r.strategy + (r.step !== '-' ? ' · step ' + r.step : '') + (r.setWeight !== '-' ? ' · weight ' + r.setWeight + '%' : '') + ' · ' + r.ready + ' ready';
    listEl.appendChild(h('div', { 'class': 'card s-' + r.status + (st.selected === k ? ' selected' : ''), 'data-rollout': k, onclick: function () { select(r.namespace, r.name); } }, [
      h('div', { 'class': 'name', text: r.name }),
      h('div', { 'class': 'meta', text: r.namespace }),
      h('div', {}, [h('span', { 'class': 'badge', text: r.status })]),
      h('div', { 'class': 'meta', text: meta })
    ]));
  });
}

function podClass(p) {
  if (/Running/.test(p.status) && /^(\\d+)\\/\\1$/.test(p.ready)) return 'pod ok';
  if (/Error|CrashLoop|Failed|BackOff|ErrImage/.test(p.status)) return 'pod bad';
  if (/Terminating|Completed|Succeeded/.test(p.status)) return 'pod';
  return 'pod wait';
}

function weightsBar(info) {
  if (info.strategy !== 'Canary') return null;
  var w = info.actualWeight !== undefined ? info.actualWeight : (info.setWeight || 0);
  return h('div', {}, [h('h3', { text: 'Traffic' }), h('div', { 'class': 'weights', id: 'weights', 'data-canary': String(w) }, [
    h('div', { 'class': 'w-stable', style: 'width:' + (100 - w) + '%', text: w < 100 ? 'stable ' + (100 - w) + '%' : '' }),
    h('div', { 'class': 'w-canary', style: 'width:' + w + '%', text: w > 0 ? 'canary ' + w + '%' : '' })
  ])]);
}

function revisions(info, notice) {
  return h('div', {}, [h('h3', { text: 'Revisions' })].concat(info.revisions.map(function (rev, n) {
    var rollback = n === 0 ? null : h('button', { type: 'button', 'data-rollback': String(rev.revision), onclick: function () { act('rollback?revision=' + rev.revision, notice); }, text: 'Rollback' });
    return h('div', { 'class': 'rev', 'data-revision': String(rev.revision) }, [h('div', { 'class': 'rs' }, [h('b', { text: 'revision ' + rev.revision }), rollback])]
      .concat(rev.replicaSets.map(function (rs) {
        return h('div', { 'class': 'rs' }, [h('span', { text: rs.name }), h('span', { 'class': 'badge s-' + (rs.status === 'Healthy' ? 'Healthy' : rs.status === 'ScaledDown' ? 'Unknown' : 'Progressing'), text: rs.status })]
          .concat(rs.tags.map(function (t) { return h('span', { 'class': 'tag', text: t }); }))
          .concat([h('span', { 'class': 'meta', text: rs.images.join(', ') }), h('span', { 'class': 'pods' }, rs.pods.map(function (p) {
            return h('span', { 'class': podClass(p), title: p.name + ' ' + p.status + ' ' + p.ready });
          }))]));
      }))
      .concat(rev.analysisRuns.map(function (a) {
        return h('div', { 'class': 'rs', 'data-analysisrun': a.name }, [h('span', { text: 'analysis ' + a.name }),
          h('span', { 'class': 'badge s-' + (a.status === 'Successful' ? 'Healthy' : a.status === 'Failed' || a.status === 'Error' ? 'Degraded' : 'Progressing'), text: a.status }),
          h('span', { 'class': 'meta', text: '✔ ' + a.successful + '  ✖ ' + a.failed })]);
      })));
  })));
}

function renderDetail() {
  clear(detailEl);
  var v = st.detail;
  if (!v) { detailEl.appendChild(h('div', { 'class': 'empty', text: st.selected ? 'Rollout ' + st.selected + ' is gone.' : 'Select a rollout.' })); return; }
  var i = v.info;
  var notice = h('div', { id: 'notice' });
  detailEl.appendChild(h('h2', {}, [h('span', { text: i.name }), h('span', { 'class': 'badge s-' + i.status, id: 'detail-status', text: i.status })]));
  detailEl.appendChild(h('div', { id: 'message', text: [i.namespace, i.strategy, i.message].filter(Boolean).join(' · ') + (i.pause ? ' · ' + i.pause.remainingSeconds + ' s left in the pause' : '') }));
  detailEl.appendChild(h('div', { id: 'actions' }, ACTIONS.map(function (a) {
    return h('button', { type: 'button', 'class': a[2], 'data-action': a[0], onclick: function () { act(a[0], notice); }, text: a[1] });
  })));
  detailEl.appendChild(notice);
  detailEl.appendChild(weightsBar(i) || h('span', {}));
  if (v.steps.length > 0) detailEl.appendChild(h('div', {}, [h('h3', { text: 'Steps' }), h('ol', { id: 'steps' }, v.steps.map(function (s) {
    return h('li', { 'data-state': s.state, text: (s.index + 1) + '. ' + s.label });
  }))]));
  var r = i.replicas;
  detailEl.appendChild(h('div', { 'class': 'grid', id: 'replicas' }, [['desired', r.desired], ['current', r.current], ['updated', r.updated], ['ready', r.ready], ['available', r.available]].map(function (x) {
    return h('div', { 'class': 'stat', 'data-stat': x[0] }, [h('b', { text: String(x[1]) }), h('span', { text: x[0] })]);
  })));
  detailEl.appendChild(h('div', {}, [h('h3', { text: 'Images' })].concat(i.images.map(function (im) { return h('div', { text: im.image + (im.tags.length ? ' (' + im.tags.join(', ') + ')' : '') }); }))));
  detailEl.appendChild(revisions(i, notice));
}

function act(action, notice) {
  if (!token()) { notice.className = 'error'; notice.textContent = 'Enter the dashboard token first (sluice up prints it).'; tokenEl.focus(); return; }
  var parts = st.selected.split('/');
  notice.className = ''; notice.textContent = action + '…';
  fetch(path(parts[0], parts[1]) + '/' + action, { method: 'POST', headers: { Authorization: 'Bearer ' + token() } })
    .then(function (res) { return res.json().then(function (b) { return { ok: res.ok, b: b }; }); })
    .then(function (x) { notice.className = x.ok ? 'ok' : 'error'; notice.textContent = x.ok ? x.b.message : x.b.error; })
    .catch(function (e) { notice.className = 'error'; notice.textContent = String(e); });
}

function select(ns, name) {
  if (st.source) st.source.close();
  st.selected = key(ns, name);
  st.detail = null;
  renderList();
  renderDetail();
  st.source = new EventSource(path(ns, name) + '/stream');
  st.source.addEventListener('update', function (e) { st.detail = JSON.parse(e.data); var n = document.getElementById('notice'); var keep = n ? [n.className, n.textContent] : null; renderDetail(); if (keep) { n = document.getElementById('notice'); n.className = keep[0]; n.textContent = keep[1]; } });
  st.source.addEventListener('gone', function () { st.detail = null; renderDetail(); });
}

readFragmentToken();
var listSource = new EventSource('api/rollouts/stream');
listSource.addEventListener('update', function (e) {
  st.list = JSON.parse(e.data).items;
  connEl.textContent = 'live';
  if (!st.selected && st.list.length > 0) select(st.list[0].namespace, st.list[0].name); else renderList();
});
listSource.onerror = function () { connEl.textContent = 'reconnecting…'; };
})();
`;
