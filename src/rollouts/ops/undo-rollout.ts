// `undo [--to-revision N]` (cmd/undo/undo.go): put an earlier revision's pod template back into the Rollout (or its
// workloadRef) with a JSON patch; the controller then rolls forward to it like to any other template.
import type { ReplicaSet } from '../../api/apps-v1.js';
import type { PodTemplateSpec } from '../../api/core-v1.js';
import { formatSelector } from '../../api/label-selector.js';
import { R, type ResourceType } from '../../api/resources.js';
import type { Rollout } from '../../api/rollouts-v1alpha1.js';
import { POD_TEMPLATE_HASH_LABEL, REVISION_ANNOTATION } from '../../api/rollouts-constants.js';
import type { KubeClient } from '../../control/index.js';
import { podTemplateEqualIgnoreHash } from '../plan/index.js';

/** `undone`: the template was replaced; `skipped`: the Rollout already runs that template. */
export interface UndoResult { outcome: 'undone' | 'skipped'; name: string; revision: number; target: { kind: string; name: string } }

const PODTEMPLATES: ResourceType = { group: '', version: 'v1', resource: 'podtemplates', kind: 'PodTemplate', namespaced: true };

/** A domain error of undo (no such revision): the CLI prints its message as is. */
export class UndoError extends Error {
  override readonly name = 'UndoError';
}

function revisionOf(rs: Readonly<ReplicaSet>): number | undefined {
  const v = rs.metadata.annotations?.[REVISION_ANNOTATION];
  if (v === undefined) return 0;
  return /^\d+$/.test(v) ? Number(v) : undefined;
}

/**
 * The RS of revision `toRevision`, or with 0 the one of the second-highest revision (the previous one).
 * Revisions [3, 1, 2], 0 → the RS of 2; 1 → the RS of 1; 7 → error.
 */
export function chooseRevision(rss: readonly Readonly<ReplicaSet>[], rolloutName: string, toRevision: number): { rs: Readonly<ReplicaSet>; revision: number } {
  const known = rss.flatMap((rs) => {
    const revision = revisionOf(rs);
    return revision === undefined ? [] : [{ rs, revision }];
  });
  if (toRevision > 0) {
    const hit = known.find((k) => k.revision === toRevision);
    if (hit === undefined) throw new UndoError(`unable to find specified revision ${toRevision} in history`);
    return hit;
  }
  const sorted = [...known].sort((a, b) => b.revision - a.revision);
  const previous = sorted[1];
  if (previous === undefined) throw new UndoError(`no revision found for rollout "${rolloutName}"`);
  return previous;
}

function withoutHashLabel(t: Readonly<PodTemplateSpec>): PodTemplateSpec {
  const labels = { ...(t.metadata?.labels ?? {}) };
  delete labels[POD_TEMPLATE_HASH_LABEL];
  return { ...t, metadata: { ...(t.metadata ?? {}), labels } };
}

async function currentTemplate(client: KubeClient, ns: string, ro: Readonly<Rollout>): Promise<{ template?: PodTemplateSpec; target: { t: ResourceType; name: string; path: string } }> {
  const ref = ro.spec.workloadRef;
  if (ref === undefined) {
    const target = { t: R.rollouts, name: ro.metadata.name ?? '', path: '/spec/template' };
    return ro.spec.template === undefined ? { target } : { template: ro.spec.template, target };
  }
  const t = ref.kind === 'Deployment' ? R.deployments : ref.kind === 'ReplicaSet' ? R.replicasets : ref.kind === 'PodTemplate' ? PODTEMPLATES : undefined;
  if (t === undefined) throw new UndoError(`workload of type ${ref.kind ?? ''} is not supported`);
  const obj = await client.get(t, ns, ref.name ?? '');
  const path = t === PODTEMPLATES ? '/template' : '/spec/template';
  const holder = t === PODTEMPLATES ? obj : obj['spec'];
  const template: unknown = typeof holder === 'object' && holder !== null ? Reflect.get(holder, 'template') : undefined;
  const target = { t, name: ref.name ?? '', path };
  return isPodTemplate(template) ? { template, target } : { target };
}

function isPodTemplate(x: unknown): x is PodTemplateSpec {
  return typeof x === 'object' && x !== null && typeof Reflect.get(x, 'spec') === 'object';
}

/** Rolls Rollout `ns/name` back to `toRevision` (0 = the previous revision). */
export async function undoRollout(client: KubeClient, ns: string, name: string, toRevision = 0): Promise<UndoResult> {
  const ro = await client.get<Rollout>(R.rollouts, ns, name);
  const selector = ro.spec.selector !== undefined ? formatSelector(ro.spec.selector) : '';
  const listed = await client.list<ReplicaSet>(R.replicasets, ns, selector !== '' ? { labelSelector: selector } : {});
  const owned = listed.items.filter((rs) => (rs.metadata.ownerReferences ?? []).some((o) => o.controller === true && o.uid === ro.metadata.uid));
  const { rs, revision } = chooseRevision(owned, name, toRevision);
  const { template, target } = await currentTemplate(client, ns, ro);
  const result = { name, revision, target: { kind: target.t.kind, name: target.name } };
  if (template !== undefined && podTemplateEqualIgnoreHash(template, rs.spec.template)) return { outcome: 'skipped', ...result };
  const patch = [{ op: 'replace', path: target.path, value: withoutHashLabel(rs.spec.template) }];
  try {
    await client.patch(target.t, ns, target.name, 'json', patch);
  } catch (e) {
    throw new UndoError(`failed restoring revision ${revision}: ${e instanceof Error ? e.message : String(e)}`);
  }
  return { outcome: 'undone', ...result };
}
