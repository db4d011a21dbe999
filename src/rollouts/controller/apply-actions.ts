// apply: executes a plan's actions in order through the client and the traffic routers, stopping at the
// first failure; then writes status (a merge patch on /status, only when it changed) and records events.
import { isApiError } from '../../api/api-error.js';
import type { ReplicaSet } from '../../api/apps-v1.js';
import type { KubeObject } from '../../api/meta.js';
import { R } from '../../api/resources.js';
import { MANAGED_BY_ROLLOUTS_ANNOTATION, POD_TEMPLATE_HASH_LABEL } from '../../api/rollouts-constants.js';
import type { Rollout } from '../../api/rollouts-v1alpha1.js';
import type { WeightDestination } from '../../api/rollouts-status.js';
import type { KubeClient } from '../../control/client.js';
import type { EventRecorder } from '../../control/event-recorder.js';
import { mergePatchDiff } from '../../lib/merge-patch-diff.js';
import type { RolloutAction, RolloutPlan } from '../plan/index.js';

/** What a traffic router must do for apply (src/rollouts/traffic implements it). */
export interface PlanTrafficRouter {
  readonly type: string;
  setWeight(d: { weight: number; canaryHash: string; stableHash: string; additional: readonly WeightDestination[] }, signal: AbortSignal): Promise<void>;
  setHeaderRoute(route: unknown, signal: AbortSignal): Promise<void | 'unsupported'>;
  setMirrorRoute(route: unknown, signal: AbortSignal): Promise<void | 'unsupported'>;
  removeManagedRoutes(signal: AbortSignal): Promise<void>;
}

export interface ApplyContext {
  client: KubeClient;
  recorder: EventRecorder;
  routers: readonly PlanTrafficRouter[];
  signal: AbortSignal;
}

const tolerate = async (p: Promise<unknown>, ...reasons: ('NotFound' | 'AlreadyExists')[]): Promise<void> => {
  try { await p; } catch (e) { if (!reasons.some((r) => isApiError(e, r))) throw e; }
};

function annotationPatch(set: Readonly<Record<string, string>>, remove: readonly string[]): Record<string, string | null> {
  const out: Record<string, string | null> = { ...set };
  for (const k of remove) out[k] = null;
  return out;
}

async function createReplicaSet(ctx: ApplyContext, ro: Readonly<Rollout>, rs: ReplicaSet): Promise<void> {
  try {
    await ctx.client.create(R.replicasets, rs);
  } catch (e) {
    if (!isApiError(e, 'AlreadyExists')) throw e;
    const existing = await ctx.client.get<ReplicaSet>(R.replicasets, rs.metadata.namespace, rs.metadata.name ?? '');
    const ours = (existing.metadata.ownerReferences ?? []).some((r) => r.uid === ro.metadata.uid);
    if (!ours) throw new Error(`ReplicaSet "${rs.metadata.name ?? ''}" already exists and is not owned by rollout "${ro.metadata.name ?? ''}"`, { cause: e });
  }
}

async function applyTraffic(ctx: ApplyContext, a: RolloutAction): Promise<void> {
  for (const router of ctx.routers) {
    switch (a.op) {
      case 'setTrafficWeight':
        await router.setWeight({ weight: a.weight, canaryHash: a.canaryHash, stableHash: a.stableHash, additional: a.additional }, ctx.signal);
        break;
      case 'setHeaderRoute': await router.setHeaderRoute(a.route, ctx.signal); break;
      case 'setMirrorRoute': await router.setMirrorRoute(a.route, ctx.signal); break;
      case 'removeManagedRoutes': await router.removeManagedRoutes(ctx.signal); break;
      default: break;
    }
  }
}

/** Executes one action. */
export async function applyAction(ctx: ApplyContext, ro: Readonly<Rollout>, a: RolloutAction): Promise<void> {
  const ns = ro.metadata.namespace ?? '';
  const c = ctx.client;
  switch (a.op) {
    case 'createReplicaSet': return createReplicaSet(ctx, ro, a.rs);
    case 'scaleReplicaSet':
      await c.patch(R.replicasets, ns, a.name, 'merge', { metadata: { annotations: annotationPatch(a.annotations.set, a.annotations.remove) }, spec: { replicas: a.replicas } });
      return;
    case 'setReplicaSetAnnotations':
      await c.patch(R.replicasets, ns, a.name, 'merge', { metadata: { annotations: annotationPatch(a.set, a.remove) } });
      return;
    case 'setReplicaSetMinReadySeconds': await c.patch(R.replicasets, ns, a.name, 'merge', { spec: { minReadySeconds: a.minReadySeconds } }); return;
    case 'deleteReplicaSet': return tolerate(c.delete(R.replicasets, ns, a.name), 'NotFound');
    case 'setServiceSelector':
      await c.patch(R.services, ns, a.service, 'strategic', {
        metadata: { annotations: { [MANAGED_BY_ROLLOUTS_ANNOTATION]: ro.metadata.name ?? '' } },
        spec: { selector: { [POD_TEMPLATE_HASH_LABEL]: a.hash } },
      });
      return;
    case 'setTrafficWeight': case 'setHeaderRoute': case 'setMirrorRoute': case 'removeManagedRoutes': return applyTraffic(ctx, a);
    case 'createAnalysisRun': return tolerate(c.create(R.analysisruns, a.run), 'AlreadyExists');
    case 'terminateAnalysisRun': return tolerate(c.patch(R.analysisruns, ns, a.name, 'merge', { spec: { terminate: true } }), 'NotFound');
    case 'deleteAnalysisRun': return tolerate(c.delete(R.analysisruns, ns, a.name), 'NotFound');
    case 'patchRollout': {
      const patch: Record<string, unknown> = {};
      if (a.replicas !== undefined) patch['spec'] = { replicas: a.replicas };
      if (a.annotations) patch['metadata'] = { annotations: a.annotations };
      await c.patch(R.rollouts, ns, ro.metadata.name ?? '', 'merge', patch);
      return;
    }
    case 'evictPod': return tolerate(c.evictPod(ns, a.name), 'NotFound');
  }
}

/** Applies the whole plan: actions, then status, then events. Throws at the first failed action. */
export async function applyPlan(ctx: ApplyContext, ro: Readonly<Rollout>, plan: Readonly<RolloutPlan>): Promise<void> {
  try {
    for (const a of plan.actions) await applyAction(ctx, ro, a);
  } finally {
    for (const e of plan.events) ctx.recorder.event(ro, e.type, e.reason, e.message);
  }
  const diff = mergePatchDiff(ro.status ?? {}, plan.status);
  if (diff !== undefined) {
    await ctx.client.patch<KubeObject>(R.rollouts, ro.metadata.namespace, ro.metadata.name ?? '', 'merge', { status: diff }, { subresource: 'status' });
  }
}
