// The demo page served at `/`: one self-contained HTML document (inline CSS and script, no external assets).
import { DEMO_PAGE_SCRIPT, PAGE_BAR_MS } from './page-script.js';

const STYLE = `
:root { color-scheme: dark; }
body { margin: 0; padding: 16px 20px; background: #0d1117; color: #c9d1d9; font: 14px/1.4 ui-monospace, Menlo, Consolas, monospace; }
header { display: flex; align-items: baseline; gap: 16px; flex-wrap: wrap; }
h1 { font-size: 18px; margin: 0; color: #f0f6fc; }
h1 small { color: #8b949e; font-weight: normal; }
#state { color: #8b949e; margin-left: auto; }
button { font: inherit; cursor: pointer; border: 0; border-radius: 4px; padding: 4px 12px; background: #30363d; color: #f0f6fc; }
#toggle { background: #238636; }
.controls { display: flex; flex-wrap: wrap; gap: 10px 24px; align-items: center; margin: 14px 0; }
#legend { display: flex; flex-wrap: wrap; gap: 8px; }
.chip { border-left: 14px solid var(--swatch); }
.chip.selected { outline: 2px solid #f0f6fc; }
label { display: flex; gap: 8px; align-items: center; }
canvas { display: block; width: 100%; background: #161b22; border-radius: 6px; }
#bubbles { height: 300px; margin-bottom: 12px; }
#bars { height: 150px; }
footer { margin-top: 10px; color: #8b949e; }
`;

function body(): string {
  return `<header>
<h1>rollouts-demo <small>· Sluice built-in demo</small></h1>
<button id="toggle" type="button">Stop</button>
<span id="state"></span>
</header>
<div class="controls">
<div id="legend" aria-label="colours seen"></div>
<span>for <b id="selected">-</b>:</span>
<label>errors <input id="error" type="range" min="0" max="100" step="1" value="0"> <span id="error-label">0%</span></label>
<label>latency <input id="latency" type="range" min="0" max="5" step="0.1" value="0"> <span id="latency-label">0.0s</span></label>
</div>
<canvas id="bubbles" aria-label="one bubble per answer"></canvas>
<canvas id="bars" aria-label="share of each colour per interval"></canvas>
<footer>Each bubble is one answer from /color; each bar is ${PAGE_BAR_MS / 1000} s of answers.
Dark with a red edge: HTTP error. Grey: no colour came back.</footer>`;
}

/** The complete HTML of the demo page. */
export function demoPageHtml(): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>rollouts-demo</title>
<link rel="icon" href="data:,">
<style>${STYLE}</style>
</head>
<body>
${body()}
<script>${DEMO_PAGE_SCRIPT}</script>
</body>
</html>
`;
}
