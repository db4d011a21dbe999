// The dashboard page: one HTML document with inline CSS; its script is served at /app.js (the page's CSP allows
// no inline script). No external assets: it works offline.

const STYLE = `
:root { color-scheme: dark; --ok: #2fd46f; --run: #2b8cff; --wait: #f5d033; --bad: #f2453d; --dim: #8b949e; --panel: #161b22; --line: #30363d; }
* { box-sizing: border-box; }
body { margin: 0; background: #0d1117; color: #c9d1d9; font: 14px/1.45 system-ui, sans-serif; }
header { display: flex; gap: 16px; align-items: center; padding: 10px 18px; border-bottom: 1px solid var(--line); flex-wrap: wrap; }
header h1 { font-size: 17px; margin: 0; color: #f0f6fc; }
header .grow { flex: 1; }
#conn { color: var(--dim); font-size: 12px; }
input { font: inherit; background: #0d1117; color: inherit; border: 1px solid var(--line); border-radius: 4px; padding: 3px 6px; }
button { font: inherit; cursor: pointer; border: 1px solid var(--line); border-radius: 4px; padding: 4px 12px; background: #21262d; color: #f0f6fc; }
button:hover { background: #30363d; }
button.danger { border-color: #da3633; }
button.primary { background: #238636; border-color: #2ea043; }
main { display: grid; grid-template-columns: minmax(230px, 300px) 1fr; min-height: calc(100vh - 50px); }
#list { border-right: 1px solid var(--line); padding: 10px; display: flex; flex-direction: column; gap: 8px; }
.card { background: var(--panel); border: 1px solid var(--line); border-left: 4px solid var(--status); border-radius: 6px; padding: 8px 10px; cursor: pointer; }
.card.selected { outline: 2px solid #58a6ff; }
.card .name { font-weight: 600; color: #f0f6fc; }
.card .meta { color: var(--dim); font-size: 12px; }
#detail { padding: 16px 22px; display: flex; flex-direction: column; gap: 16px; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600; color: #0d1117; background: var(--status); }
.s-Healthy { --status: var(--ok); } .s-Progressing { --status: var(--run); } .s-Paused { --status: var(--wait); }
.s-Degraded { --status: var(--bad); } .s-Unknown, .s- { --status: var(--dim); }
h2 { margin: 0; font-size: 20px; color: #f0f6fc; display: flex; gap: 10px; align-items: center; }
h3 { margin: 0 0 6px; font-size: 13px; text-transform: uppercase; letter-spacing: .05em; color: var(--dim); }
#message { color: var(--dim); }
#actions { display: flex; gap: 8px; flex-wrap: wrap; }
#notice { min-height: 20px; font-size: 13px; }
#notice.error { color: var(--bad); } #notice.ok { color: var(--ok); }
.weights { display: flex; height: 26px; border-radius: 5px; overflow: hidden; border: 1px solid var(--line); }
.weights div { display: flex; align-items: center; justify-content: center; font-size: 12px; color: #0d1117; font-weight: 600; min-width: 0; transition: width .4s; }
.w-stable { background: #58a6ff; } .w-canary { background: #ff8a1f; }
ol#steps { margin: 0; padding: 0; list-style: none; display: flex; flex-direction: column; gap: 4px; }
#steps li { padding: 4px 10px; border-radius: 4px; background: var(--panel); border-left: 4px solid var(--line); }
#steps li[data-state=done] { border-left-color: var(--ok); color: var(--dim); }
#steps li[data-state=current] { border-left-color: var(--wait); color: #f0f6fc; font-weight: 600; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(120px, 1fr)); gap: 8px; }
.stat { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 6px 10px; }
.stat b { display: block; font-size: 20px; color: #f0f6fc; }
.rev { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; margin-bottom: 8px; }
.rev .rs { display: flex; gap: 10px; align-items: center; flex-wrap: wrap; margin: 4px 0; }
.tag { font-size: 11px; padding: 0 6px; border-radius: 8px; background: #30363d; }
.pods { display: flex; gap: 4px; flex-wrap: wrap; }
.pod { width: 14px; height: 14px; border-radius: 3px; background: var(--dim); }
.pod.ok { background: var(--ok); } .pod.wait { background: var(--wait); } .pod.bad { background: var(--bad); }
.empty { color: var(--dim); padding: 20px; }
`;

/** The whole page. */
export function dashboardPageHtml(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sluice · Rollouts</title><style>${STYLE}</style></head>
<body>
<header>
<h1>Sluice · Rollouts</h1>
<span id="conn">connecting…</span>
<span class="grow"></span>
<label>token <input id="token" type="password" size="18" autocomplete="off" placeholder="for actions"></label>
</header>
<main>
<nav id="list" aria-label="rollouts"><div class="empty">No rollouts yet.</div></nav>
<section id="detail" aria-live="polite"><div class="empty">Select a rollout.</div></section>
</main>
<script src="app.js"></script>
</body></html>
`;
}
