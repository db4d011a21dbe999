// The demo page's browser script, as text inlined into the page (the machine may be offline: no external
// assets). Plain ES2019 for any browser; it must not contain backquotes or dollar-brace sequences.
// It polls `color` through a RELATIVE URL, so the page works behind a Service, an ingress host or a path
// prefix, and draws two charts on canvases: bubbles (one per answer, drifting right to left, slower when the
// answer was slow; a red-ish ring marks an HTTP error, grey means no colour came back) and bars (each bar is
// one interval, stacked by each colour's share of that interval's answers, errors darker with red edges).

/** How often the page asks `color`, in milliseconds (the chapter describes the bubbles refreshing every 100 ms). */
export const PAGE_POLL_MS = 100;

/** How long one bar of the bar chart collects answers, in milliseconds (the chapter: every two seconds). */
export const PAGE_BAR_MS = 2000;

/** The page script, inlined by `demoPageHtml`. */
export const DEMO_PAGE_SCRIPT = `(function () {
'use strict';
var POLL_MS = ${PAGE_POLL_MS}, BAR_MS = ${PAGE_BAR_MS}, MAX_IN_FLIGHT = 24, CROSS_SECONDS = 6;
var PALETTE = { red: '#f2453d', orange: '#ff8a1f', yellow: '#f5d033', green: '#2fd46f', blue: '#2b8cff', purple: '#8a5cf6', none: '#6b7280' };
var ORDER = ['red', 'orange', 'yellow', 'green', 'blue', 'purple', 'none'];
var ERROR_EDGE = '#ff3355';
var bubbleCanvas = document.getElementById('bubbles'), barCanvas = document.getElementById('bars');
var url = colorUrl();
var st = { running: false, userStopped: false, inFlight: 0, bubbles: [], bars: [], current: {}, seen: [], selected: null, overrides: {} };

function colorUrl() {
  var path = location.pathname, leaf = path.slice(path.lastIndexOf('/') + 1);
  // Served at "/prefix" without a trailing slash: ask "/prefix/color", not "/color".
  return leaf !== '' && leaf.indexOf('.') < 0 ? leaf + '/color' : 'color';
}
function shade(hex, f) {
  var n = parseInt(hex.slice(1), 16);
  var c = [n >> 16, (n >> 8) & 255, n & 255].map(function (v) { return Math.round(v * f); });
  return 'rgb(' + c.join(',') + ')';
}
function colorOf(text) {
  try { var v = JSON.parse(text); return typeof v === 'string' && PALETTE[v] && v !== 'none' ? v : 'none'; }
  catch (e) { return 'none'; }
}
function overrideList() {
  return Object.keys(st.overrides).map(function (k) { return st.overrides[k]; });
}
function poll() {
  if (!st.running || st.inFlight >= MAX_IN_FLIGHT) return;
  st.inFlight++;
  var started = performance.now();
  fetch(url, { method: 'POST', body: JSON.stringify(overrideList()), cache: 'no-store' })
    .then(function (res) { return res.text().then(function (t) { return { status: res.status, text: t }; }); })
    .then(function (r) { record(colorOf(r.text), r.status !== 200, performance.now() - started); },
          function () { record('none', true, performance.now() - started); })
    .then(function () { st.inFlight--; });
}
function record(color, error, ms) {
  var h = bubbleCanvas.height;
  st.bubbles.push({ color: color, error: error, born: performance.now(), y: 12 + Math.random() * (h - 24),
    r: (5 + Math.random() * 8) * (window.devicePixelRatio || 1), slow: 1 + ms / 1000 });
  var b = st.current[color] || (st.current[color] = { ok: 0, err: 0 });
  if (error) b.err++; else b.ok++;
  if (color !== 'none' && st.seen.indexOf(color) < 0) { st.seen.push(color); if (!st.selected) select(color); renderLegend(); }
}
function closeBar() {
  if (!st.running) return;
  st.bars.push(st.current);
  st.current = {};
  if (st.bars.length > 400) st.bars.shift();
  renderLegend();
}
function total(bar) {
  return Object.keys(bar).reduce(function (s, k) { return s + bar[k].ok + bar[k].err; }, 0);
}
function drawBubbles(now) {
  var ctx = bubbleCanvas.getContext('2d'), w = bubbleCanvas.width, h = bubbleCanvas.height;
  ctx.clearRect(0, 0, w, h);
  st.bubbles = st.bubbles.filter(function (b) {
    var x = w - ((now - b.born) / 1000) * (w / CROSS_SECONDS / b.slow);
    if (x < -b.r) return false;
    ctx.beginPath();
    ctx.arc(x, b.y, b.r, 0, Math.PI * 2);
    ctx.fillStyle = b.error ? shade(PALETTE[b.color], 0.45) : PALETTE[b.color];
    ctx.fill();
    if (b.error) { ctx.lineWidth = Math.max(2, b.r / 3); ctx.strokeStyle = ERROR_EDGE; ctx.stroke(); }
    return true;
  });
}
function drawBar(ctx, bar, x, bw, h, alpha) {
  var n = total(bar), y = h;
  if (n === 0) return;
  ctx.globalAlpha = alpha;
  ORDER.forEach(function (c) {
    if (!bar[c]) return;
    var ok = (bar[c].ok / n) * h, err = (bar[c].err / n) * h;
    ctx.fillStyle = PALETTE[c]; ctx.fillRect(x, y - ok, bw, ok); y -= ok;
    if (err <= 0) return;
    ctx.fillStyle = shade(PALETTE[c], 0.45); ctx.fillRect(x, y - err, bw, err);
    ctx.fillStyle = ERROR_EDGE; ctx.fillRect(x, y - err, bw, Math.min(3, err)); ctx.fillRect(x, y - Math.min(3, err), bw, Math.min(3, err));
    y -= err;
  });
  ctx.globalAlpha = 1;
}
function drawBars() {
  var ctx = barCanvas.getContext('2d'), w = barCanvas.width, h = barCanvas.height;
  var dpr = window.devicePixelRatio || 1, bw = 28 * dpr, gap = 6 * dpr, slots = Math.max(1, Math.floor(w / (bw + gap)));
  ctx.clearRect(0, 0, w, h);
  var shown = st.bars.slice(Math.max(0, st.bars.length - (slots - 1)));
  shown.forEach(function (bar, i) { drawBar(ctx, bar, w - (shown.length - i + 1) * (bw + gap), bw, h, 1); });
  drawBar(ctx, st.current, w - (bw + gap), bw, h, 0.45);
}
function frame(now) {
  drawBubbles(now);
  drawBars();
  requestAnimationFrame(frame);
}
function renderLegend() {
  var legend = document.getElementById('legend'), last = st.bars[st.bars.length - 1] || {}, n = total(last);
  legend.textContent = '';
  st.seen.forEach(function (c) {
    var item = document.createElement('button'), v = last[c] || { ok: 0, err: 0 };
    item.className = 'chip' + (c === st.selected ? ' selected' : '');
    item.style.setProperty('--swatch', PALETTE[c]);
    item.textContent = c + ' ' + (n ? Math.round(((v.ok + v.err) / n) * 100) : 0) + '%' + (v.err ? ' (' + v.err + ' errors)' : '');
    item.onclick = function () { select(c); renderLegend(); };
    legend.appendChild(item);
  });
}
function select(c) {
  st.selected = c;
  var o = st.overrides[c] || { color: c, return500: 0, delayLength: 0 };
  document.getElementById('selected').textContent = c;
  document.getElementById('error').value = o.return500;
  document.getElementById('latency').value = o.delayLength;
  showSliders();
}
function showSliders() {
  var e = document.getElementById('error').value, l = document.getElementById('latency').value;
  document.getElementById('error-label').textContent = e + '%';
  document.getElementById('latency-label').textContent = Number(l).toFixed(1) + 's';
  if (st.selected) st.overrides[st.selected] = { color: st.selected, return500: parseInt(e, 10), delayLength: parseFloat(l) };
}
function setRunning(on) {
  st.running = on;
  document.getElementById('toggle').textContent = on ? 'Stop' : 'Start';
  document.getElementById('state').textContent = on ? 'polling ' + url + ' every ' + POLL_MS + ' ms' : 'stopped';
}
function fit() {
  var dpr = window.devicePixelRatio || 1;
  [bubbleCanvas, barCanvas].forEach(function (c) { c.width = c.clientWidth * dpr; c.height = c.clientHeight * dpr; });
}
document.getElementById('toggle').onclick = function () { st.userStopped = st.running; setRunning(!st.running); };
document.getElementById('error').oninput = showSliders;
document.getElementById('latency').oninput = showSliders;
document.addEventListener('visibilitychange', function () { setRunning(!document.hidden && !st.userStopped); });
window.addEventListener('resize', fit);
fit();
setRunning(true);
setInterval(poll, POLL_MS);
setInterval(closeBar, BAR_MS);
requestAnimationFrame(frame);
})();
`;
