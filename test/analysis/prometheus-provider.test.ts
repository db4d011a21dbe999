// The Prometheus provider against a real Prometheus (/usr/bin/prometheus, Debian package `prometheus`): it scrapes
// two tiny local exporters every second — one healthy, one answering half its requests with 5xx — and the chapter's
// kind of error-rate template judges both, directly and through the controller.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { R } from '../../src/api/resources.js';
import type { AnalysisRun, Metric, PrometheusMetric } from '../../src/api/rollouts-analysis.js';
import { PrometheusProvider, startAnalysisController } from '../../src/rollouts/analysis/index.js';
import { eventually } from '../harness/poll.js';
import { getRun, runManifest, startAnalysisApi } from './_analysis-harness.js';
import { metricProviderContract } from './metric-provider-contract.js';

const PROMETHEUS = '/usr/bin/prometheus';
const skip = existsSync(PROMETHEUS) ? false : `${PROMETHEUS} is not installed (apt-get install prometheus; .ci/run installs it)`;

const ERROR_RATE = 'sum(rate(requests_total{job="{{args.job}}",status=~"5.."}[30s])) / sum(rate(requests_total{job="{{args.job}}"}[30s]))';
const errorRate = (job: string): string => ERROR_RATE.replaceAll('{{args.job}}', job);

let prometheus: ChildProcess | undefined;
let exporters: Server[] = [];
let dir = '';
let address = '';

/** An exporter whose counters grow with time: 10 requests/s, of which `errorShare` answered 500. */
async function startExporter(errorShare: number): Promise<number> {
  const t0 = Date.now();
  const server = createServer((_req, res) => {
    const total = Math.floor((Date.now() - t0) / 100);
    const errors = Math.floor(total * errorShare);
    res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
    res.end(`# TYPE requests_total counter\nrequests_total{status="200"} ${total - errors}\nrequests_total{status="500"} ${errors}\n`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  exporters.push(server);
  return (server.address() as AddressInfo).port;
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const port = (s.address() as AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

async function query(q: string): Promise<{ status: string; data?: { result?: unknown[] } }> {
  const res = await fetch(`${address}/api/v1/query?query=${encodeURIComponent(q)}`);
  return await res.json() as { status: string; data?: { result?: unknown[] } };
}

before(async () => {
  if (skip !== false) return;
  dir = mkdtempSync(join(tmpdir(), 'sluice-prom-'));
  const [healthy, failing, port] = [await startExporter(0), await startExporter(0.5), await freePort()];
  writeFileSync(join(dir, 'prometheus.yml'), [
    'global: {scrape_interval: 1s, evaluation_interval: 1s}',
    'scrape_configs:',
    `- {job_name: healthy, static_configs: [{targets: ["127.0.0.1:${healthy}"]}]}`,
    `- {job_name: failing, static_configs: [{targets: ["127.0.0.1:${failing}"]}]}`,
  ].join('\n'));
  address = `http://127.0.0.1:${port}`;
  prometheus = spawn(PROMETHEUS, [`--config.file=${join(dir, 'prometheus.yml')}`, `--storage.tsdb.path=${join(dir, 'data')}`,
    `--web.listen-address=127.0.0.1:${port}`, '--log.level=warn'], { stdio: 'ignore' });
  // rate() over 30s needs two samples of each series: wait until both error rates exist.
  await eventually(async () => {
    const [h, f] = [await query(errorRate('healthy')), await query(errorRate('failing'))];
    return (h.data?.result?.length ?? 0) > 0 && (f.data?.result?.length ?? 0) > 0;
  }, 'Prometheus to have scraped both exporters', 60_000, 250);
});

after(async () => {
  const p = prometheus;
  if (p !== undefined && p.exitCode === null) {
    const exited = new Promise((r) => p.once('exit', r));
    p.kill('SIGTERM');
    await exited;
  }
  for (const s of exporters) { s.closeAllConnections(); await new Promise((r) => s.close(r)); }
  exporters = [];
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

const promMetric = (prom: PrometheusMetric, extra: Partial<Metric> = {}): Metric =>
  ({ name: 'error-rate', successCondition: 'result[0] < 0.05', provider: { prometheus: { address, ...prom } }, ...extra });
const aRun: AnalysisRun = runManifest('r', { metrics: [] });
const signal = (): AbortSignal => new AbortController().signal;
const provider = new PrometheusProvider({ env: {} });

describe('Prometheus provider', { skip }, () => {
  metricProviderContract('prometheus', async () => ({
    provider, run: aRun,
    passing: promMetric({ query: errorRate('healthy') }),
    failing: promMetric({ query: errorRate('failing') }),
    erroring: promMetric({ query: 'sum(rate(' }),
    close: async () => undefined,
  }));

  test('a vector is a flat number[]; the server\'s errors are reported as client_golang words them', async () => {
    const m = await provider.run(promMetric({ query: errorRate('failing') }), aRun, signal());
    assert.equal(m.phase, 'Failed');
    assert.match(m.value ?? '', /^\[0\.\d+\]$/);
    const bad = await provider.run(promMetric({ query: 'sum(rate(' }), aRun, signal());
    assert.equal(bad.message, 'bad_data: invalid parameter "query": 1:10: parse error: unclosed left parenthesis');
  });

  test('a scalar is a number; an empty vector cannot be evaluated', async () => {
    const s = await provider.run(promMetric({ query: 'scalar(vector(0.25))' }, { successCondition: 'result == 0.25' }), aRun, signal());
    assert.deepEqual([s.phase, s.value], ['Successful', '0.25']);
    const empty = await provider.run(promMetric({ query: 'requests_total{job="nope"}' }), aRun, signal());
    assert.deepEqual([empty.phase, empty.value], ['Error', undefined]);
    assert.equal(empty.message, 'could not evaluate successCondition "result[0] < 0.05": metric result is nil or empty: no data returned from the metric provider');
  });

  test('a range query takes now() and duration() bounds and flattens the matrix', async () => {
    const m = await provider.run(promMetric({ query: `sum(requests_total{job="healthy"})`, rangeQuery: { start: 'now() - duration("5s")', end: 'now()', step: '1s' } },
      { successCondition: 'len(result) >= 2 && all(result, {# > 0})' }), aRun, signal());
    assert.equal(m.phase, 'Successful', m.message);
    const bad = await provider.run(promMetric({ query: 'up', rangeQuery: { start: 'yesterday', end: 'now()', step: '1s' } }), aRun, signal());
    assert.equal(bad.message, 'failed to parse rangeQuery.start as time: unknown name yesterday');
  });

  test('the address comes from ARGO_ROLLOUTS_PROMETHEUS_ADDRESS when the metric has none', async () => {
    const fromEnv = new PrometheusProvider({ env: { ARGO_ROLLOUTS_PROMETHEUS_ADDRESS: address } });
    const metric: Metric = { name: 'm', successCondition: 'result[0] < 0.05', provider: { prometheus: { query: errorRate('healthy') } } };
    assert.equal((await fromEnv.run(metric, aRun, signal())).phase, 'Successful');
    assert.equal((await provider.run(metric, aRun, signal())).message, 'prometheus address is not configured');
  });

  test('the controller judges a healthy and a failing exporter with one templated query', async () => {
    const env = await startAnalysisApi();
    const controller = startAnalysisController({ client: env.client, namespace: 'default' });
    try {
      const metrics = [promMetric({ query: ERROR_RATE })];
      for (const job of ['healthy', 'failing']) {
        await env.client.create<AnalysisRun>(R.analysisruns, runManifest(`rate-${job}`, { args: [{ name: 'job', value: job }], metrics }));
      }
      const ended = async (name: string): Promise<AnalysisRun> => eventually(async () => {
        const r = await getRun(env.client, name);
        return ['Successful', 'Failed', 'Error'].includes(r.status?.phase ?? '') && r;
      }, `${name} to finish`);
      const healthy = await ended('rate-healthy');
      assert.equal(healthy.status?.phase, 'Successful', healthy.status?.message);
      assert.deepEqual(healthy.status?.metricResults?.[0]?.metadata, { ResolvedPrometheusQuery: errorRate('healthy') });
      const failing = await ended('rate-failing');
      assert.equal(failing.status?.phase, 'Failed');
      assert.equal(failing.status?.message, 'Metric "error-rate" assessed Failed due to failed (1) > failureLimit (0)');
    } finally {
      await controller.stop();
      await env.close();
    }
  });
});
