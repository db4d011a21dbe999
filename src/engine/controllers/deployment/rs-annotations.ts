// The annotations a Deployment keeps on its ReplicaSets (Kubernetes' SetNewReplicaSetAnnotations and friends).
import { DESIRED_REPLICAS, LAST_APPLIED, MAX_REPLICAS, parseRevision, REVISION, REVISION_HISTORY, ROLLBACK_TO } from './revision.js';

type Annotations = Readonly<Record<string, string>>;

// Kubernetes caps revision-history at about 100 entries.
const MAX_HISTORY_CHARS = 2000;
const NOT_COPIED = new Set([LAST_APPLIED, REVISION, REVISION_HISTORY, DESIRED_REPLICAS, MAX_REPLICAS, ROLLBACK_TO]);

/** True for annotations the Deployment controller manages itself and never copies between objects. */
export function isControllerAnnotation(key: string): boolean {
  return NOT_COPIED.has(key);
}

/**
 * The new ReplicaSet's annotations: the Deployment's own (e.g. `kubernetes.io/change-cause`) copied over,
 * the revision raised to `newRevision` when lower (a ReplicaSet brought back by a rollback keeps its old
 * number in revision-history: revision 1 reused as 3 → revision "3", revision-history "1"), and for a
 * ReplicaSet about to be created the desired/max replica counts. `changed` is false when nothing moved.
 */
export function computeNewRSAnnotations(deploymentAnnotations: Annotations | undefined, current: Annotations | undefined, newRevision: number,
  replicas?: { desired: number; max: number }): { annotations: Record<string, string>; changed: boolean } {
  const out: Record<string, string> = { ...(current ?? {}) };
  let changed = false;
  for (const [k, v] of Object.entries(deploymentAnnotations ?? {})) {
    if (isControllerAnnotation(k) || out[k] === v) continue;
    out[k] = v;
    changed = true;
  }
  const oldValue = out[REVISION];
  const oldRevision = parseRevision(oldValue);
  if (oldRevision === undefined) return { annotations: out, changed: false };
  if (oldRevision < newRevision) {
    out[REVISION] = String(newRevision);
    changed = true;
    if (oldValue !== undefined) appendHistory(out, oldValue);
  }
  if (replicas !== undefined) changed = setReplicasAnnotations(out, replicas.desired, replicas.max) || changed;
  return { annotations: out, changed };
}

/** True when desired-replicas/max-replicas differ from `desired`/`max`. */
export function replicasAnnotationsNeedUpdate(annotations: Annotations | undefined, desired: number, max: number): boolean {
  return annotations?.[DESIRED_REPLICAS] !== String(desired) || annotations[MAX_REPLICAS] !== String(max);
}

/** A copy of `annotations` with desired-replicas and max-replicas set. */
export function withReplicasAnnotations(annotations: Annotations | undefined, desired: number, max: number): Record<string, string> {
  return { ...(annotations ?? {}), [DESIRED_REPLICAS]: String(desired), [MAX_REPLICAS]: String(max) };
}

/**
 * The Deployment's annotations after rolling back to a ReplicaSet: its controller-managed ones kept,
 * everything else taken from the ReplicaSet (so change-cause follows the template back).
 */
export function computeRollbackAnnotations(deploymentAnnotations: Annotations | undefined, rsAnnotations: Annotations | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(deploymentAnnotations ?? {})) if (isControllerAnnotation(k)) out[k] = v;
  for (const [k, v] of Object.entries(rsAnnotations ?? {})) if (!isControllerAnnotation(k)) out[k] = v;
  return out;
}

function setReplicasAnnotations(out: Record<string, string>, desired: number, max: number): boolean {
  if (!replicasAnnotationsNeedUpdate(out, desired, max)) return false;
  out[DESIRED_REPLICAS] = String(desired);
  out[MAX_REPLICAS] = String(max);
  return true;
}

function appendHistory(out: Record<string, string>, oldRevision: string): void {
  const history = out[REVISION_HISTORY] ?? '';
  if (history === '') {
    out[REVISION_HISTORY] = oldRevision;
    return;
  }
  const entries = history.split(',');
  let total = history.length + oldRevision.length + 1;
  let start = 0;
  while (total > MAX_HISTORY_CHARS && start < entries.length) total -= (entries[start++]?.length ?? 0) + 1;
  if (total <= MAX_HISTORY_CHARS) out[REVISION_HISTORY] = [...entries.slice(start), oldRevision].join(',');
}
