// Starts the whole embedded runtime in-process — the same composition `sluice up` runs — with free ports and
// private pod/cluster IP ranges so several test files can run at once, plus the real kubectl against it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRuntime, type Runtime, type RuntimeOptions } from '../../src/engine/server.js';
import { reserveOctet } from './address-lock.js';
import { runKubectl, startKubectl, type KubectlResult } from './kubectl.js';

export interface TestRuntime {
  runtime: Runtime;
  dir: string;
  /** `http://127.0.0.1:<ingressPort>` */
  ingressUrl: string;
  kubectl(args: readonly string[] | string, input?: string): Promise<KubectlResult>;
  /** kubectl that must succeed; returns stdout. */
  k(args: readonly string[] | string, input?: string): Promise<string>;
  watch(args: readonly string[] | string): ReturnType<typeof startKubectl>;
  close(): Promise<void>;
}

const split = (a: readonly string[] | string): readonly string[] => (typeof a === 'string' ? a.split(/\s+/).filter((x) => x !== '') : a);

/**
 * A /16 of loopback for this runtime's pods (127.2–127.89) and one for its Services (127.90–127.99 but 96),
 * reserved against other test processes (address-lock.ts); kubelet tests use 127.100+, network tests 127.1.241+
 * and 127.96.x, so concurrent test files never share an address.
 */
export function privateRanges(): Pick<RuntimeOptions, 'firstPodIP' | 'clusterIPPrefix'> {
  const pods = reserveOctet(2, 89);
  const services = reserveOctet(90, 99, [96]);
  return { firstPodIP: `127.${pods}.0.1`, clusterIPPrefix: `127.${services}.` };
}

/** The same ranges as `sluice up` flags. */
export function privateRangeArgs(r = privateRanges()): string[] {
  return ['--first-pod-ip', r.firstPodIP ?? '', '--service-ip-prefix', r.clusterIPPrefix ?? ''];
}

/** Starts a runtime for one test file. */
export async function startTestRuntime(opts: Partial<RuntimeOptions> = {}): Promise<TestRuntime> {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-rt-'));
  const runtime = await startRuntime({
    dataDir: dir, host: '127.0.0.1', apiPort: 0, ingressPort: 0, ingressTlsPort: 0, metricsPort: 0, ...privateRanges(),
    kubelet: { backoff: { baseMs: 200, maxMs: 2000 }, stopGraceMs: 2000 }, ...opts,
  });
  const cache = join(dir, 'kube-cache');
  return {
    runtime, dir, ingressUrl: `http://127.0.0.1:${runtime.ingressPort}`,
    kubectl: (args, input) => runKubectl(runtime.kubeconfig, cache, split(args), input),
    k: async (args, input) => {
      const r = await runKubectl(runtime.kubeconfig, cache, split(args), input);
      if (r.code !== 0) throw new Error(`kubectl ${split(args).join(' ')} failed (${r.code}): ${r.stderr}${r.stdout}`);
      return r.stdout;
    },
    watch: (args) => startKubectl(runtime.kubeconfig, cache, split(args)),
    close: async () => {
      await runtime.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
