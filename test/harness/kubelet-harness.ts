// Starts the embedded API server with the kubelet on a temporary data directory, for kubelet tests:
// a RestClient over the in-process transport, the kubelet's log source wired into the server, and
// helpers to create pods and wait for their state.
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Pod } from '../../src/api/core-v1.js';
import { R } from '../../src/api/resources.js';
import { RestClient } from '../../src/control/rest-client.js';
import { startKubelet, type Kubelet, type KubeletOptions } from '../../src/engine/kubelet/kubelet.js';
import { startTestApi, type TestApi } from './api-harness.js';
import { reserveOctet } from './address-lock.js';
import { eventually } from './poll.js';

/** An API server with a kubelet, and helpers around them. */
export interface KubeletTestEnv {
  api: TestApi;
  client: RestClient;
  kubelet: Kubelet;
  dataDir: string;
  /** Stops the kubelet and starts a new one on the same data directory. */
  restartKubelet(): Promise<void>;
  /** Creates a pod in `default`. */
  createPod(name: string, spec: Pod['spec'], metadata?: Pod['metadata']): Promise<Pod>;
  /** Polls the pod until `check` returns a value. */
  waitPod<T>(name: string, what: string, check: (p: Pod) => T | undefined | false, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

/**
 * A pod IP range of its own for each test runtime (127.<100–250>.0.1), so test files running in parallel
 * (and other suites' runtimes on the default 127.1.x.x) never hand out the same address.
 */
export function testPodIpRange(): string {
  return `127.${reserveOctet(100, 250)}.0.1`;
}

/** Fast back-off for tests: 100 ms doubling to 800 ms. */
export const TEST_BACKOFF = { baseMs: 100, maxMs: 800, resetAfterMs: 600_000 };

/** Starts API server + kubelet. Options override the kubelet's (default: TEST_BACKOFF). */
export async function startKubeletTest(opts: Partial<KubeletOptions> = {}): Promise<KubeletTestEnv> {
  const api = await startTestApi();
  const client = new RestClient(api.server.transport());
  const dataDir = mkdtempSync(join(tmpdir(), 'sluice-kubelet-'));
  const firstPodIP = testPodIpRange();
  const start = async (): Promise<Kubelet> => {
    const k = await startKubelet({ client, dataDir, backoff: TEST_BACKOFF, firstPodIP, ...opts });
    api.server.setLogSource(k.logs);
    return k;
  };
  const env: KubeletTestEnv = {
    api, client, dataDir, kubelet: await start(),
    restartKubelet: async () => { await env.kubelet.stop(); env.kubelet = await start(); },
    createPod: (name, spec, metadata = {}) => client.create<Pod>(R.pods, { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', ...metadata }, spec }),
    waitPod: (name, what, check, timeoutMs = 30_000) => eventually(async () => check(await client.get<Pod>(R.pods, 'default', name)), `pod ${name}: ${what}`, timeoutMs),
    close: async () => {
      await env.kubelet.stop();
      await api.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return env;
}

/** GET over plain HTTP; resolves with status and body. */
export function httpGet(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => { body += d; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The pod's condition status (`True`/`False`) of `type`, or undefined. */
export function conditionOf(p: Pod, type: string): string | undefined {
  return p.status?.conditions?.find((c) => c.type === type)?.status;
}
