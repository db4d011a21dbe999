// Test support (private to this folder): feeds each Deployment plan's writes back as the next snapshot,
// standing in for apply, the ReplicaSet controller and the kubelet, and records what `get rs --watch` shows.
import type { Deployment, ReplicaSet } from '../../../api/apps-v1.js';
import { rfc3339 } from '../../../lib/clock.js';
import { deepEqual } from '../../../lib/deep-equal.js';
import type { DeploymentAction, DeploymentPlan } from './deployment-types.js';
import { planDeployment } from './plan-deployment.js';
import { REVISION } from './revision.js';
import { rsName } from './_builders.js';

/** The objects a test drives: the Deployment and every ReplicaSet, plus the watch lines so far. */
export interface World {
  readonly d: Deployment;
  readonly rss: readonly ReplicaSet[];
  /** `<name> <spec.replicas>` for every ReplicaSet write, like the DESIRED column of `kubectl get rs -w`. */
  readonly watch: readonly string[];
}

/** Plans one reconcile at `nowMs` and applies its writes. */
export function reconcile(world: World, nowMs: number): { world: World; plan: DeploymentPlan } {
  const plan = planDeployment({ deployment: world.d, replicaSets: world.rss, pods: [] }, nowMs);
  return { world: plan.actions.reduce((w, a) => applyAction(w, a, nowMs), world), plan };
}

/** The ReplicaSet controller and kubelet catch up: every pod exists, is ready and available. */
export function settle(world: World): World {
  return {
    ...world,
    rss: world.rss.map((rs) => {
      const n = rs.spec.replicas ?? 1;
      return { ...rs, status: { replicas: n, ...(n > 0 ? { fullyLabeledReplicas: n, readyReplicas: n, availableReplicas: n } : {}), observedGeneration: rs.metadata.generation ?? 1 } };
    }),
  };
}

/** Reconciles (settling in between when asked) until a plan writes nothing; returns the final world. */
export function runToQuiet(world: World, nowMs: number, opts: { settle: boolean } = { settle: true }): World {
  let w = world;
  for (let i = 0; i < 30; i++) {
    const next = reconcile(w, nowMs + i * 1000);
    if (next.plan.actions.length === 0) return w;
    w = opts.settle ? settle(next.world) : next.world;
  }
  throw new RangeError('the Deployment did not settle within 30 reconciles');
}

/** The `<name> <replicas>` line of a ReplicaSet write. */
export function watchLine(rs: Readonly<ReplicaSet>): string {
  return `${rs.metadata.name ?? ''} ${rs.spec.replicas ?? 1}`;
}

/** Replaces `demo-<hash of colour>` by the colour in `text`, for readable expectations. */
export function byColour(colours: readonly string[]): (text: string) => string {
  const names = colours.map((c) => [rsName(c), c] as const);
  return (text) => names.reduce((t, [name, colour]) => t.split(name).join(colour), text);
}

/** One readable line per action, so whole plans compare as lists. */
export function summary(a: DeploymentAction): string {
  switch (a.op) {
    case 'createRS': return `create ${a.rs.metadata.name ?? ''} replicas=${a.rs.spec.replicas ?? 1} revision=${a.rs.metadata.annotations?.[REVISION] ?? ''}`;
    case 'updateRS': return `update ${a.rs.metadata.name ?? ''} replicas=${a.rs.spec.replicas ?? 1} revision=${a.rs.metadata.annotations?.[REVISION] ?? ''}`;
    case 'deleteRS': return `delete ${a.name}`;
    case 'updateDeployment': return `deployment revision=${a.deployment.metadata.annotations?.[REVISION] ?? ''}`;
    case 'updateStatus': return 'status';
    case 'event': return `event ${a.type} ${a.reason}: ${a.message}`;
  }
}

function applyAction(w: World, a: DeploymentAction, nowMs: number): World {
  switch (a.op) {
    case 'createRS': {
      const created: ReplicaSet = { ...a.rs, metadata: { ...a.rs.metadata, uid: `uid-${a.rs.metadata.name ?? ''}`, generation: 1, resourceVersion: '1', creationTimestamp: rfc3339(nowMs) }, status: { replicas: 0 } };
      return { ...w, rss: [...w.rss, created], watch: [...w.watch, watchLine(created)] };
    }
    case 'updateRS': return {
      ...w,
      rss: w.rss.map((rs) => (rs.metadata.name === a.rs.metadata.name ? bumpGeneration(rs, a.rs) : rs)),
      watch: [...w.watch, watchLine(a.rs)],
    };
    case 'deleteRS': return { ...w, rss: w.rss.filter((rs) => rs.metadata.name !== a.name) };
    case 'updateDeployment': return { ...w, d: { ...bumpGeneration(w.d, a.deployment), ...(w.d.status === undefined ? {} : { status: w.d.status }) } };
    case 'updateStatus': return { ...w, d: { ...w.d, status: a.status } };
    case 'event': return w;
  }
}

function bumpGeneration<T extends ReplicaSet | Deployment>(before: T, after: T): T {
  const generation = (before.metadata.generation ?? 1) + (deepEqual(before.spec, after.spec) ? 0 : 1);
  return { ...after, metadata: { ...after.metadata, generation } };
}
