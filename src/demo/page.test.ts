import { test } from 'node:test';
import assert from 'node:assert/strict';
import vm from 'node:vm';
import { demoPageHtml } from './page.js';
import { DEMO_PAGE_SCRIPT, PAGE_BAR_MS, PAGE_POLL_MS } from './page-script.js';

test('the page is self-contained: no external scripts, styles, images or absolute URLs', () => {
  const html = demoPageHtml();
  assert.doesNotMatch(html, /\b(?:src|href)\s*=\s*["'](?!data:)/i);
  assert.doesNotMatch(html, /https?:\/\//i);
  assert.doesNotMatch(html, /fetch\(\s*['"]\//, 'fetches use relative URLs');
  assert.ok(html.includes(DEMO_PAGE_SCRIPT));
  assert.doesNotMatch(DEMO_PAGE_SCRIPT, /<\/script/i);
});

test('the page script is valid JavaScript', () => {
  assert.doesNotThrow(() => new vm.Script(DEMO_PAGE_SCRIPT, { filename: 'demo-page.js' }));
});

interface Call {
  op: string;
  style: unknown;
  stroke: unknown;
}

class FakeElement {
  children: FakeElement[] = [];
  value = '0';
  className = '';
  width = 0;
  height = 0;
  clientWidth = 800;
  clientHeight = 300;
  onclick: (() => void) | null = null;
  oninput: (() => void) | null = null;
  style = { setProperty: (): void => undefined };
  readonly calls: Call[] = [];
  private text = '';
  get textContent(): string {
    return this.text;
  }
  set textContent(v: string) {
    this.text = v;
    this.children = [];
  }
  appendChild(child: FakeElement): void {
    this.children.push(child);
  }
  getContext(): object {
    const calls = this.calls;
    const ctx: Record<string, unknown> = { globalAlpha: 1, lineWidth: 1, fillStyle: '', strokeStyle: '' };
    for (const op of ['clearRect', 'beginPath', 'arc', 'fill', 'stroke', 'fillRect']) {
      ctx[op] = () => calls.push({ op, style: ctx['fillStyle'], stroke: ctx['strokeStyle'] });
    }
    return ctx;
  }
}

function runPage(pathname: string, answers: Array<{ status: number; text: string } | 'network-error'>) {
  const elements = new Map<string, FakeElement>();
  const byId = (id: string): FakeElement => elements.get(id) ?? elements.set(id, new FakeElement()).get(id)!;
  const fetches: Array<{ url: string; body: string }> = [];
  const intervals: Array<{ fn: () => void; ms: number }> = [];
  let frame: ((now: number) => void) | undefined;
  const sandbox = {
    document: { getElementById: byId, createElement: () => new FakeElement(), addEventListener: () => undefined, hidden: false },
    window: { devicePixelRatio: 1, addEventListener: () => undefined },
    location: { pathname },
    performance,
    setInterval: (fn: () => void, ms: number) => intervals.push({ fn, ms }),
    requestAnimationFrame: (fn: (now: number) => void) => (frame = fn),
    fetch: (url: string, init: { body: string }) => {
      fetches.push({ url, body: init.body });
      const a = answers.shift();
      if (a === undefined || a === 'network-error') return Promise.reject(new TypeError('failed to fetch'));
      return Promise.resolve({ status: a.status, text: () => Promise.resolve(a.text) });
    },
  };
  new vm.Script(DEMO_PAGE_SCRIPT).runInContext(vm.createContext(sandbox));
  const every = (ms: number): (() => void) => intervals.find((i) => i.ms === ms)!.fn;
  return { byId, fetches, poll: every(PAGE_POLL_MS), closeBar: every(PAGE_BAR_MS), frame: (now: number) => frame!(now) };
}

const settle = (): Promise<void> => new Promise((r) => setImmediate(r));

test('the page script polls a relative URL that keeps any path prefix', () => {
  const rows = [['/', 'color'], ['/index.html', 'color'], ['/demo/', 'color'], ['/demo', 'demo/color'], ['/a/demo', 'demo/color']] as const;
  for (const [path, url] of rows) {
    const page = runPage(path, [{ status: 200, text: '"blue"' }]);
    page.poll();
    assert.equal(page.fetches[0]?.url, url, path);
  }
});

test('the page script draws answers, marks errors and sends the sliders as overrides', async () => {
  const page = runPage('/', [{ status: 200, text: '"green"' }, { status: 500, text: '"green"' }, { status: 502, text: 'Bad Gateway' }, 'network-error']);
  for (let i = 0; i < 4; i++) {
    page.poll();
    await settle();
  }
  assert.equal(page.fetches[0]?.body, '[]');
  assert.deepEqual(JSON.parse(page.fetches[1]?.body ?? ''), [{ color: 'green', return500: 0, delayLength: 0 }]);

  page.closeBar();
  const legend = page.byId('legend').children.map((c) => c.textContent);
  assert.deepEqual(legend, ['green 50% (1 errors)'], 'two of four answers were green, one of them an error');

  page.frame(performance.now());
  const bubbles = page.byId('bubbles').calls;
  assert.equal(bubbles.filter((c) => c.op === 'fill').length, 4, 'one bubble per answer');
  assert.equal(bubbles.filter((c) => c.op === 'stroke').length, 3, 'a red-ish ring on each failed answer');
  assert.ok(bubbles.some((c) => c.op === 'stroke' && c.stroke === '#ff3355'));
  const bars = page.byId('bars').calls.filter((c) => c.op === 'fillRect');
  assert.ok(bars.some((c) => c.style === '#2fd46f'), 'a green segment');
  assert.ok(bars.some((c) => c.style === '#ff3355'), 'red edges on the error segments');

  page.byId('error').value = '40';
  page.byId('error').oninput?.();
  page.poll();
  assert.deepEqual(JSON.parse(page.fetches[4]?.body ?? ''), [{ color: 'green', return500: 40, delayLength: 0 }]);
});
