// One reconcile of a pod key: observe (caches + runtime) → planPod → apply, for the pod in the API and for
// any runtime record under the same name that is no longer there (deleted, or replaced by a new uid).
import type { Pod } from '../../api/core-v1.js';
import type { ObjectKey } from '../../api/object-key.js';
import { done, requeueAfter, type Outcome } from '../../control/outcome.js';
import { applyPodAction, type ApplyDeps } from './apply-pod.js';
import { isOurs, newestPod, observePod, type ObserveSources } from './observe-pod.js';
import { planPod } from './plan/plan-pod.js';
import type { PodRecord } from './pod-registry.js';

async function planAndApply(sources: ObserveSources, deps: ApplyDeps, record: PodRecord, pod: Pod, gone: boolean, nowMs: number): Promise<number | undefined> {
  const plan = planPod(observePod(sources, record, pod, gone), nowMs);
  for (const a of plan.actions) await applyPodAction(deps, record, pod, a);
  return plan.requeueAfterMs;
}

/** Reconciles everything the kubelet runs (or ran) under `key`. */
export async function reconcilePod(sources: ObserveSources, deps: ApplyDeps, key: ObjectKey, nowMs: number): Promise<Outcome> {
  const cached = sources.pods.get(key);
  const waits: number[] = [];
  for (const r of sources.registry.forKey(key)) {
    if (cached !== undefined && r.uid === cached.metadata.uid) continue;
    const wait = await planAndApply(sources, deps, r, r.written ?? r.lastPod, true, nowMs);
    if (wait !== undefined) waits.push(wait);
  }
  if (cached !== undefined && isOurs(cached, sources.nodeName)) {
    const record = sources.registry.get(cached.metadata.uid ?? '') ?? sources.registry.add(cached, nowMs);
    const pod = newestPod(cached, record.written);
    record.lastPod = pod;
    const wait = await planAndApply(sources, deps, record, pod, false, nowMs);
    if (wait !== undefined) waits.push(wait);
  }
  return waits.length > 0 ? requeueAfter(Math.min(...waits)) : done();
}
