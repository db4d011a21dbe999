// Keeps the registry in step with stored CRDs: serving starts the moment a CRD is committed, the CRD's
// status gets NamesAccepted/Established, and deleting a CRD removes its resource and its objects.
import type { KubeObject } from '../../api/meta.js';
import { rfc3339 } from '../../lib/clock.js';
import { deepEqual } from '../../lib/deep-equal.js';
import { logger } from '../../lib/log.js';
import type { Store } from '../store/store.js';
import { crdDefs, crdSpecOf, type CrdSpec, type CrdVersion } from './registry/crd-defs.js';
import type { Registry } from './registry/registry.js';
import type { ResourceHooks } from './registry/resource-def.js';

const CRD_KEY = 'apiextensions.k8s.io/customresourcedefinitions';
const log = logger('crd');

export type CrdHooksFactory = (spec: CrdSpec, v: CrdVersion) => ResourceHooks;

function establishedStatus(crd: KubeObject, nowIso: string): Record<string, unknown> {
  const spec = crdSpecOf(crd);
  const storage = spec?.versions.find((v) => v.storage)?.name;
  const cond = (type: string, reason: string, message: string): Record<string, unknown> =>
    ({ type, status: 'True', lastTransitionTime: nowIso, reason, message });
  return {
    conditions: [cond('NamesAccepted', 'NoConflicts', 'no conflicts found'), cond('Established', 'InitialNamesAccepted', 'the initial names have been accepted')],
    acceptedNames: spec?.names ?? {},
    storedVersions: storage ? [storage] : [],
  };
}

function isEstablished(crd: KubeObject): boolean {
  const status = crd['status'];
  return typeof status === 'object' && status !== null && JSON.stringify(status).includes('"Established"');
}

/** Registers every stored CRD now, then follows CRD changes. Returns a stop function. */
export function startCrdRegistrar(store: Store, registry: Registry, hooksFor: CrdHooksFactory, now: () => number): () => void {
  const serve = (crd: KubeObject): void => registry.setSource(`crd:${crd.metadata.name ?? ''}`, crdDefs(crd, hooksFor));
  for (const crd of store.list(CRD_KEY)) serve(crd);
  const pending = new Set<NodeJS.Immediate>();
  const later = (fn: () => void): void => {
    const h = setImmediate(() => { pending.delete(h); try { fn(); } catch (e) { log.warn('CRD follow-up failed', { error: e instanceof Error ? e.message : String(e) }); } });
    pending.add(h);
  };
  const stop = store.watch(store.currentRv(), (e) => {
    const name = e.object.metadata.name ?? '';
    if (e.type === 'DELETED') {
      registry.removeSource(`crd:${name}`);
      const spec = crdSpecOf(e.object);
      if (spec) later(() => { for (const o of store.list(`${spec.group}/${spec.names.plural}`)) store.delete(`${spec.group}/${spec.names.plural}`, o.metadata.namespace ?? '', o.metadata.name ?? ''); });
      return;
    }
    // Status-only changes (Established) do not change what is served.
    if (e.type === 'ADDED' || e.prev === undefined || !deepEqual(e.prev['spec'], e.object['spec'])) serve(e.object);
    if (!isEstablished(e.object)) {
      // Written after the current commit finishes: store writes must not nest inside watch delivery.
      later(() => {
        const current = store.get(CRD_KEY, '', name);
        if (current && !isEstablished(current)) store.update(CRD_KEY, { ...current, status: establishedStatus(current, rfc3339(now())) });
      });
    }
  }, CRD_KEY);
  return () => { stop(); for (const h of pending) clearImmediate(h); };
}
