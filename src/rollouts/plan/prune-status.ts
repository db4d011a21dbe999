// The status as Argo serialises it: Go's omitempty drops false, 0 and "" (pointer fields such as currentStepIndex
// and collisionCount keep their 0), while the canary and blueGreen structs are always present, possibly `{}`.
import type { RolloutStatus } from '../../api/rollouts-v1alpha1.js';

const POINTER_FIELDS = new Set(['currentStepIndex', 'collisionCount']);

function isEmpty(v: unknown): boolean {
  return v === undefined || v === false || v === 0 || v === '' || (Array.isArray(v) && v.length === 0);
}

function pruneShallow<T extends object>(o: T, keep: ReadonlySet<string>): Partial<T> {
  const out: Partial<T> = { ...o };
  for (const [k, v] of Object.entries(o)) if (!keep.has(k) && isEmpty(v)) Reflect.deleteProperty(out, k);
  return out;
}

/** `status` with the empty values Argo would omit removed (canary/blueGreen always kept). */
export function pruneStatus(s: RolloutStatus): RolloutStatus {
  const top = pruneShallow(s, POINTER_FIELDS);
  return {
    ...top,
    canary: pruneShallow(s.canary ?? {}, new Set(['weights'])),
    blueGreen: pruneShallow(s.blueGreen ?? {}, new Set()),
  };
}
