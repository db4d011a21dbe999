// Shared set-up of the CLI tests: an API server with the Argo CRDs, the CLI run in-process against its kubeconfig,
// and builders for what the rollouts controller would have written (ReplicaSets, pods, AnalysisRuns, status).
import { CommanderError } from 'commander';
import { startTestApi, type TestApi } from '../harness/api-harness.js';
import { fixture } from '../harness/fixtures.js';
import { eventually } from '../harness/poll.js';
import { bufferIo, type BufferIo } from '../../src/cli/cli-io.js';
import { cliProgram } from '../../src/cli/program.js';
import { clientFromKubeconfig, type KubeClient } from '../../src/control/index.js';
import { R } from '../../src/api/resources.js';
import type { KubeObject } from '../../src/api/meta.js';
import type { Clock } from '../../src/lib/clock.js';
import type { Timers } from '../../src/control/index.js';

export interface CliRun { code: number; out: string; err: string; io: BufferIo }

/** An API server with the Rollout and analysis CRDs installed, and a client for it. */
export async function startCliCluster(): Promise<{ api: TestApi; client: KubeClient; close(): Promise<void> }> {
  const api = await startTestApi();
  await api.k(['apply', '-f', fixture('crd', 'minimal-rollout-crd.yaml')]);
  await api.k(['apply', '-f', fixture('crd', 'minimal-analysis-crds.yaml')]);
  const made = clientFromKubeconfig({ path: api.kubeconfig });
  await eventually(async () => (await made.client.list(R.analysisruns, 'default')).items !== undefined, 'CRDs served');
  return { api, client: made.client, close: async () => { made.close(); await api.close(); } };
}

/** Starts `sluice …` in-process; resolves when the command ends. `io` is returned at once for watches. */
export function startCli(args: readonly string[], opts: { kubeconfig?: string; env?: Record<string, string>; clock?: Clock; timers?: Timers; isTTY?: boolean } = {}): { io: BufferIo; done: Promise<CliRun> } {
  const io = bufferIo({ env: opts.env ?? {}, ...(opts.clock !== undefined ? { clock: opts.clock } : {}), ...(opts.timers !== undefined ? { timers: opts.timers } : {}), ...(opts.isTTY !== undefined ? { isTTY: opts.isTTY } : {}) });
  const argv = [...(opts.kubeconfig !== undefined ? ['--kubeconfig', opts.kubeconfig] : []), ...args];
  const done = cliProgram(io).parseAsync(argv, { from: 'user' }).then(
    () => ({ code: io.exitCode, out: io.out, err: io.err, io }),
    (e: unknown) => {
      if (e instanceof CommanderError) return { code: e.exitCode, out: io.out, err: io.err, io };
      throw e;
    },
  );
  return { io, done };
}

/** Runs `sluice …` in-process to completion. */
export function runCli(args: readonly string[], opts: Parameters<typeof startCli>[1] = {}): Promise<CliRun> {
  return startCli(args, opts).done;
}

/** Creates `obj` and, when given, writes `status` through the status subresource (as a controller would). */
export async function seed<T extends KubeObject>(client: KubeClient, t: (typeof R)[keyof typeof R], obj: T, status?: object): Promise<T> {
  const created = await client.create<T>(t, obj);
  if (status === undefined) return created;
  return client.patch<T>(t, created.metadata.namespace, created.metadata.name ?? '', 'merge', { status }, { subresource: 'status' });
}

/** A controller owner reference to `owner`. */
export function ownedBy(owner: KubeObject): { ownerReferences: { apiVersion: string; kind: string; name: string; uid: string; controller: boolean }[] } {
  return { ownerReferences: [{ apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name ?? '', uid: owner.metadata.uid ?? '', controller: true }] };
}
