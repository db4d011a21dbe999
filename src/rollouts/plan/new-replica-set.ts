// Creating the Rollout's new RS and keeping its revision in sync (rollout/sync.go createDesiredReplicaSet /
// syncReplicaSetRevision; utils/annotations SetNewReplicaSetAnnotations).
import type { ReplicaSet } from '../../api/apps-v1.js';
import type { PodTemplateMetadata } from '../../api/rollouts-v1alpha1.js';
import {
  DESIRED_REPLICAS_ANNOTATION, EPHEMERAL_METADATA_ANNOTATION, LAST_APPLIED_ANNOTATION, NOTIFIED_ANNOTATION, POD_TEMPLATE_HASH_LABEL,
  REVISION_ANNOTATION, REVISION_HISTORY_ANNOTATION,
} from '../../api/rollouts-constants.js';
import { type RS, maxRevision, revisionOf } from './replica-set-counts.js';
import { type RO, replicasOf } from './rollout-defaults.js';
import { withInjectedAntiAffinity } from './anti-affinity.js';

const NOT_COPIED = new Set([LAST_APPLIED_ANNOTATION, REVISION_ANNOTATION, REVISION_HISTORY_ANNOTATION, DESIRED_REPLICAS_ANNOTATION, NOTIFIED_ANNOTATION]);

/** The Rollout's annotations an RS inherits (all but last-applied, revision(-history), desired-replicas, notified). */
export function inheritedAnnotations(ro: RO): Record<string, string> {
  return Object.fromEntries(Object.entries(ro.metadata.annotations ?? {}).filter(([k]) => !NOT_COPIED.has(k)));
}

/**
 * The new RS `<rollout>-<hash>` at 0 replicas: template labels + hash (also in the selector), revision max+1,
 * desired-replicas R, the Rollout's annotations, controller ownerRef, minReadySeconds, the injected anti-affinity
 * rule, and the ephemeral metadata of its role (canary/preview while a stable exists, else stable/active).
 */
export function buildNewReplicaSet(ro: RO, hash: string, stableRS: RS | undefined, olderRSs: readonly RS[]): ReplicaSet {
  const template = ro.spec.template ?? { spec: { containers: [] } };
  const { canary, blueGreen } = ro.spec.strategy;
  const ephemeral = stableRS !== undefined ? canary?.canaryMetadata ?? blueGreen?.previewMetadata : canary?.stableMetadata ?? blueGreen?.activeMetadata;
  const labels = { ...(template.metadata?.labels ?? {}), ...(ephemeral?.labels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash };
  const templateAnnotations = { ...(template.metadata?.annotations ?? {}), ...(ephemeral?.annotations ?? {}) };
  const annotations: Record<string, string> = {
    ...inheritedAnnotations(ro),
    [REVISION_ANNOTATION]: String(maxRevision(olderRSs) + 1),
    [DESIRED_REPLICAS_ANNOTATION]: String(replicasOf(ro)),
    ...(hasMetadata(ephemeral) ? { [EPHEMERAL_METADATA_ANNOTATION]: JSON.stringify(ephemeral) } : {}),
  };
  const selector = ro.spec.selector ?? {};
  return {
    apiVersion: 'apps/v1', kind: 'ReplicaSet',
    metadata: {
      name: `${ro.metadata.name ?? ''}-${hash}`, namespace: ro.metadata.namespace ?? '',
      labels: { ...(template.metadata?.labels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash }, annotations,
      ownerReferences: [{ apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', name: ro.metadata.name ?? '', uid: ro.metadata.uid ?? '', controller: true, blockOwnerDeletion: true }],
    },
    spec: {
      replicas: 0,
      minReadySeconds: ro.spec.minReadySeconds ?? 0,
      selector: { ...selector, matchLabels: { ...(selector.matchLabels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash } },
      template: {
        ...template,
        metadata: { ...(template.metadata ?? {}), labels, ...(Object.keys(templateAnnotations).length > 0 ? { annotations: templateAnnotations } : {}) },
        spec: withInjectedAntiAffinity(ro, hash, template.spec),
      },
    },
  };
}

function hasMetadata(m: PodTemplateMetadata | undefined): m is PodTemplateMetadata {
  return m !== undefined && (Object.keys(m.labels ?? {}).length > 0 || Object.keys(m.annotations ?? {}).length > 0);
}

/**
 * Annotation changes that bring an existing new RS up to date: the Rollout's annotations, and revision max(old)+1
 * when it is lower (a rollback re-uses an old RS; its former revision goes into revision-history).
 */
export function revisionSyncAnnotations(ro: RO, newRS: RS, olderRSs: readonly RS[]): Record<string, string> {
  const current = newRS.metadata.annotations ?? {};
  const set: Record<string, string> = {};
  for (const [k, v] of Object.entries(inheritedAnnotations(ro))) if (current[k] !== v) set[k] = v;
  const next = maxRevision(olderRSs) + 1;
  const old = current[REVISION_ANNOTATION];
  if (old !== undefined && !/^\d+$/.test(old)) return set;
  if (revisionOf(newRS) < next) {
    set[REVISION_ANNOTATION] = String(next);
    if (old !== undefined) {
      const history = current[REVISION_HISTORY_ANNOTATION];
      set[REVISION_HISTORY_ANNOTATION] = history === undefined || history === '' ? old : `${history},${old}`;
    }
  }
  return set;
}
