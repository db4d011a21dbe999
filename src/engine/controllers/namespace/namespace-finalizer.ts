// Empties a terminating namespace: deletes everything in it, then removes the `kubernetes` finalizer
// so the namespace itself goes (what kube-controller-manager's namespace controller does).
import { isJsonObject, type KubeObject } from '../../../api/meta.js';
import { logger } from '../../../lib/log.js';
import type { ServerContext } from '../../apiserver/server-context.js';
import { deleteStored } from '../../apiserver/verbs/delete.js';
import { commitUpdate } from '../../apiserver/verbs/update.js';

const log = logger('namespace-controller');

function isTerminating(ns: KubeObject): boolean {
  const spec = ns['spec'];
  const finalizers = isJsonObject(spec) && Array.isArray(spec['finalizers']) ? spec['finalizers'] : [];
  return ns.metadata.deletionTimestamp !== undefined && finalizers.includes('kubernetes');
}

function finalize(ctx: ServerContext, ns: KubeObject): void {
  const name = ns.metadata.name ?? '';
  let remaining = 0;
  const seen = new Set<string>();
  for (const def of ctx.registry.all()) {
    if (!def.namespaced || seen.has(def.storage)) continue;
    seen.add(def.storage);
    for (const o of ctx.store.list(def.storage, name)) {
      remaining++;
      if (o.metadata.deletionTimestamp === undefined) deleteStored(ctx, def, o, { propagationPolicy: 'Background', preconditions: {}, dryRun: false });
    }
  }
  if (remaining > 0) return;
  const def = ctx.registry.lookup('', 'v1', 'namespaces');
  const spec = isJsonObject(ns['spec']) ? ns['spec'] : {};
  const finalizers = (Array.isArray(spec['finalizers']) ? spec['finalizers'] : []).filter((f) => f !== 'kubernetes');
  if (def) commitUpdate(ctx, def, { ...ns, spec: { ...spec, finalizers } }, ns, { status: false, finalize: true, dryRun: false, mode: 'Ignore', scope: { warnings: [] } });
}

/** Starts the namespace finalizer; returns a stop function. */
export function startNamespaceFinalizer(ctx: ServerContext): () => void {
  let scheduled: NodeJS.Immediate | undefined;
  const run = (): void => {
    scheduled = undefined;
    for (const ns of ctx.store.list('namespaces')) {
      if (!isTerminating(ns)) continue;
      try { finalize(ctx, ns); } catch (e) { log.warn('finalizing namespace failed', { namespace: ns.metadata.name, error: e instanceof Error ? e.message : String(e) }); }
    }
  };
  const schedule = (): void => { if (scheduled === undefined) scheduled = setImmediate(run); };
  // Any change may be the last object of a terminating namespace going away, so re-check on every event.
  const stop = ctx.store.watch(ctx.store.currentRv(), schedule);
  schedule();
  return () => { stop(); if (scheduled) clearImmediate(scheduled); };
}
