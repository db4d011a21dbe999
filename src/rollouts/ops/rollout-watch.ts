// Live objects of one Rollout for `get rollout -w`, `status` and the dashboard: informers (list + watch) on the
// Rollout, its ReplicaSets and pods (by the Rollout's selector) and the namespace's AnalysisRuns. Every change
// yields a fresh RolloutObjects; nothing polls.
import { formatSelector } from '../../api/label-selector.js';
import type { ReplicaSet } from '../../api/apps-v1.js';
import type { Pod } from '../../api/core-v1.js';
import type { KubeObject } from '../../api/meta.js';
import { R } from '../../api/resources.js';
import type { AnalysisRun, Rollout } from '../../api/rollouts-v1alpha1.js';
import { SharedInformers, systemTimers, type Informer, type KubeClient, type Timers } from '../../control/index.js';
import type { Logger } from '../../lib/log.js';
import { LatestValue } from './latest-value.js';
import type { RolloutObjects } from './rollout-info.js';

/** How to watch. */
export interface RolloutWatchOptions {
  signal: AbortSignal;
  /** Only the Rollout itself (`status` needs nothing else). */
  rolloutOnly?: boolean;
  /** Also yield every `tickMs` without a change (ages and countdowns move); 0 or absent: never. */
  tickMs?: number;
  timers?: Timers;
  /** Where informers log their retries (default: nowhere). */
  log?: Logger;
}

const quiet: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined, child: () => quiet };

function subscribe<T extends KubeObject>(informer: Informer<T>, changed: () => void): void {
  informer.onAdd(changed);
  informer.onUpdate(changed);
  informer.onDelete(changed);
}

/**
 * Yields the Rollout's objects after the first sync and after every change; `undefined` while the Rollout does not
 * exist (deleted meanwhile). Rejects at once when the Rollout cannot be read (not found, API unreachable).
 */
export async function* watchRolloutObjects(client: KubeClient, ns: string, name: string, opts: RolloutWatchOptions): AsyncGenerator<RolloutObjects | undefined> {
  const first = await client.get<Rollout>(R.rollouts, ns, name);
  const informers = new SharedInformers(client, { log: opts.log ?? quiet });
  const rollouts = informers.informer<Rollout>(R.rollouts, { namespace: ns, fieldSelector: `metadata.name=${name}` });
  const labelSelector = first.spec.selector !== undefined ? formatSelector(first.spec.selector) : '';
  const scope = labelSelector !== '' ? { namespace: ns, labelSelector } : { namespace: ns };
  const children = opts.rolloutOnly === true ? undefined : {
    replicaSets: informers.informer<ReplicaSet>(R.replicasets, scope),
    pods: informers.informer<Pod>(R.pods, scope),
    analysisRuns: informers.informer<AnalysisRun>(R.analysisruns, { namespace: ns }),
  };
  const snapshot = (): RolloutObjects | undefined => {
    const rollout = rollouts.list()[0];
    if (rollout === undefined) return undefined;
    return { rollout, replicaSets: children?.replicaSets.list() ?? [], pods: children?.pods.list() ?? [], analysisRuns: children?.analysisRuns.list() ?? [] };
  };
  const slot = new LatestValue<RolloutObjects | undefined>();
  let synced = false;
  const changed = (): void => { if (synced) slot.push(snapshot()); };
  subscribe(rollouts, changed);
  if (children !== undefined) {
    subscribe(children.replicaSets, changed);
    subscribe(children.pods, changed);
    subscribe(children.analysisRuns, changed);
  }
  const timers = opts.timers ?? systemTimers;
  let cancelTick = (): void => undefined;
  const tick = (): void => { changed(); cancelTick = timers.setTimer(opts.tickMs ?? 0, tick); };
  const stopOnAbort = (): void => { void informers.stop(); };
  opts.signal.addEventListener('abort', stopOnAbort, { once: true });
  try {
    informers.start();
    if (!(await informers.synced())) return;
    synced = true;
    slot.push(snapshot());
    if ((opts.tickMs ?? 0) > 0) cancelTick = timers.setTimer(opts.tickMs ?? 0, tick);
    yield* slot.values(opts.signal);
  } finally {
    opts.signal.removeEventListener('abort', stopOnAbort);
    cancelTick();
    slot.close();
    await informers.stop();
  }
}

/** The objects of one Rollout read once (lists, no watch): the Rollout, then its RSs, pods and the runs. */
export async function readRolloutObjects(client: KubeClient, ns: string, name: string): Promise<RolloutObjects> {
  const rollout = await client.get<Rollout>(R.rollouts, ns, name);
  const labelSelector = rollout.spec.selector !== undefined ? formatSelector(rollout.spec.selector) : '';
  const opts = labelSelector !== '' ? { labelSelector } : {};
  const [replicaSets, pods, analysisRuns] = await Promise.all([
    client.list<ReplicaSet>(R.replicasets, ns, opts), client.list<Pod>(R.pods, ns, opts), client.list<AnalysisRun>(R.analysisruns, ns),
  ]);
  return { rollout, replicaSets: replicaSets.items, pods: pods.items, analysisRuns: analysisRuns.items };
}
