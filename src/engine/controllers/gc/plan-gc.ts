// Pure decisions of the garbage collector: what happens to a dependent whose owners are going or gone,
// and when an owner's orphan/foreground finalizer may be removed.
import type { KubeObject, OwnerReference } from '../../../api/meta.js';

export type GcAction =
  | { op: 'deleteDependent'; foreground: boolean }
  | { op: 'removeOwnerRefs'; uids: string[] }
  | { op: 'none' };

/** Owner state as the collector sees it: gone, being deleted with a policy, or alive. */
export type OwnerState = 'absent' | 'orphaning' | 'foreground' | 'present';

/**
 * Decides for one dependent, given the state of each of its owners (by uid).
 * - owners being orphaned lose their reference;
 * - when every owner is absent or foreground-deleting, the dependent is deleted (foreground if any owner is);
 * - absent owners are unlinked when some owner is still present.
 */
export function planDependent(dependent: Readonly<KubeObject>, owners: ReadonlyMap<string, OwnerState>): GcAction {
  const refs: readonly OwnerReference[] = dependent.metadata.ownerReferences ?? [];
  if (refs.length === 0) return { op: 'none' };
  const stateOf = (r: OwnerReference): OwnerState => owners.get(r.uid) ?? 'present';
  const orphaning = refs.filter((r) => stateOf(r) === 'orphaning').map((r) => r.uid);
  if (orphaning.length > 0) return { op: 'removeOwnerRefs', uids: orphaning };
  const live = refs.filter((r) => stateOf(r) === 'present');
  if (live.length === refs.length) return { op: 'none' };
  if (live.length === 0) {
    if (dependent.metadata.deletionTimestamp !== undefined) return { op: 'none' };
    return { op: 'deleteDependent', foreground: refs.some((r) => stateOf(r) === 'foreground') };
  }
  const absent = refs.filter((r) => stateOf(r) === 'absent').map((r) => r.uid);
  return absent.length > 0 ? { op: 'removeOwnerRefs', uids: absent } : { op: 'none' };
}

/** The owner's state from its stored object (undefined when not stored). */
export function ownerStateOf(owner: Readonly<KubeObject> | undefined): OwnerState {
  if (!owner) return 'absent';
  if (owner.metadata.deletionTimestamp === undefined) return 'present';
  const f = owner.metadata.finalizers ?? [];
  if (f.includes('orphan')) return 'orphaning';
  if (f.includes('foregroundDeletion')) return 'foreground';
  return 'present';
}
