// The garbage collector: follows ownerReferences across every stored resource. Dependents of deleted owners
// are deleted (Background/Foreground) or unlinked (Orphan), and the owner's orphan/foregroundDeletion
// finalizer is removed once its dependents are dealt with. Reads come from the store, writes go through
// the API server's own delete/update paths, outside watch delivery.
import type { KubeObject } from '../../../api/meta.js';
import { logger } from '../../../lib/log.js';
import type { ResourceDef } from '../../apiserver/registry/resource-def.js';
import type { ServerContext } from '../../apiserver/server-context.js';
import { deleteStored } from '../../apiserver/verbs/delete.js';
import { commitUpdate } from '../../apiserver/verbs/update.js';
import type { StoreEvent } from '../../store/store.js';
import { ownerStateOf, planDependent, type GcAction, type OwnerState } from './plan-gc.js';

const log = logger('garbage-collector');

interface Ref { storage: string; namespace: string; name: string }

const refKey = (r: Ref): string => `${r.storage}\u0000${r.namespace}\u0000${r.name}`;
const internalWrite = { status: false, dryRun: false, mode: 'Ignore' as const, scope: { warnings: [] } };

/** Indexes owners and dependents by uid and acts on the owners that changed. */
class GarbageCollector {
  private readonly byUid = new Map<string, Ref>();
  private readonly dependents = new Map<string, Set<string>>();
  private readonly refs = new Map<string, Ref>();
  private readonly dirtyOwners = new Set<string>();
  private scheduled: NodeJS.Immediate | undefined;

  constructor(private readonly ctx: ServerContext) {
    for (const storage of new Set(ctx.registry.all().map((d) => d.storage))) {
      for (const o of ctx.store.list(storage)) this.index(storage, o, true);
    }
  }

  onEvent(e: StoreEvent): void {
    if (e.prev) this.index(e.resource, e.prev, false);
    this.index(e.resource, e.object, e.type !== 'DELETED');
    this.schedule();
  }

  schedule(): void {
    if (this.scheduled === undefined) this.scheduled = setImmediate(() => { this.scheduled = undefined; this.process(); });
  }

  stop(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
  }

  private index(storage: string, o: KubeObject, present: boolean): void {
    const ref = { storage, namespace: o.metadata.namespace ?? '', name: o.metadata.name ?? '' };
    const key = refKey(ref);
    for (const r of o.metadata.ownerReferences ?? []) {
      const set = this.dependents.get(r.uid) ?? new Set<string>();
      if (present) set.add(key); else set.delete(key);
      if (set.size === 0) this.dependents.delete(r.uid); else this.dependents.set(r.uid, set);
      this.dirtyOwners.add(r.uid);
    }
    if (o.metadata.uid) {
      if (present) this.byUid.set(o.metadata.uid, ref); else this.byUid.delete(o.metadata.uid);
      this.dirtyOwners.add(o.metadata.uid);
    }
    if (present) this.refs.set(key, ref); else this.refs.delete(key);
  }

  private read(ref: Ref | undefined): KubeObject | undefined {
    return ref ? this.ctx.store.get(ref.storage, ref.namespace, ref.name) : undefined;
  }

  private ownerState(uid: string): OwnerState {
    return ownerStateOf(this.read(this.byUid.get(uid)));
  }

  private process(): void {
    const owners = [...this.dirtyOwners];
    this.dirtyOwners.clear();
    for (const uid of owners) {
      try {
        this.processOwner(uid);
      } catch (e) {
        log.warn('collection step failed', { uid, error: e instanceof Error ? e.message : String(e) });
      }
    }
  }

  private processOwner(uid: string): void {
    for (const key of [...(this.dependents.get(uid) ?? [])]) {
      const ref = this.refs.get(key);
      const dep = this.read(ref);
      if (!ref || !dep) continue;
      const states = new Map((dep.metadata.ownerReferences ?? []).map((r) => [r.uid, this.ownerState(r.uid)] as const));
      this.act(ref, dep, planDependent(dep, states));
    }
    this.releaseOwner(uid);
  }

  private defFor(storage: string): ResourceDef | undefined {
    return this.ctx.registry.preferredFor(storage);
  }

  private act(ref: Ref, dep: KubeObject, action: GcAction): void {
    const def = this.defFor(ref.storage);
    if (!def || action.op === 'none') return;
    if (action.op === 'deleteDependent') {
      deleteStored(this.ctx, def, dep, { propagationPolicy: action.foreground ? 'Foreground' : 'Background', preconditions: {}, dryRun: false });
      return;
    }
    const ownerReferences = (dep.metadata.ownerReferences ?? []).filter((r) => !action.uids.includes(r.uid));
    commitUpdate(this.ctx, def, { ...dep, metadata: { ...dep.metadata, ownerReferences } }, dep, internalWrite);
  }

  // An owner held by orphan/foregroundDeletion lets go once no dependent references it any more.
  private releaseOwner(uid: string): void {
    const ref = this.byUid.get(uid);
    const owner = this.read(ref);
    const state = ownerStateOf(owner);
    if (!ref || !owner || (state !== 'orphaning' && state !== 'foreground')) return;
    if ((this.dependents.get(uid)?.size ?? 0) > 0) return;
    const def = this.defFor(ref.storage);
    if (!def) return;
    const finalizers = (owner.metadata.finalizers ?? []).filter((f) => f !== 'orphan' && f !== 'foregroundDeletion');
    commitUpdate(this.ctx, def, { ...owner, metadata: { ...owner.metadata, finalizers } }, owner, internalWrite);
  }
}

/** Starts collecting; returns a stop function. */
export function startGarbageCollector(ctx: ServerContext): () => void {
  const gc = new GarbageCollector(ctx);
  const stop = ctx.store.watch(ctx.store.currentRv(), (e) => gc.onEvent(e));
  gc.schedule();
  return () => { stop(); gc.stop(); };
}
