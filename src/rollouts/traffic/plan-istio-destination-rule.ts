// The DestinationRule half of Istio subset-level routing (Argo's UpdateHash): the canary and stable subsets select
// pods by `rollouts-pod-template-hash`, experiment services get subsets of their own, and the rule is annotated
// as managed by the Rollout.
import { MANAGED_BY_ROLLOUTS_ANNOTATION, POD_TEMPLATE_HASH_LABEL } from '../../api/rollouts-constants.js';
import type { WeightDestination } from '../../api/rollouts-status.js';
import { deepEqual } from '../../lib/deep-equal.js';
import type { DestinationRule, IstioSubset } from './istio-objects.js';

/** What UpdateHash writes into the DestinationRule. */
export interface DestinationRuleInput {
  readonly rolloutName: string;
  readonly canarySubset: string;
  readonly stableSubset: string;
  readonly canaryHash: string;
  readonly stableHash: string;
  readonly additional: readonly WeightDestination[];
}

/**
 * The DestinationRule with subset `canarySubset` selecting `canaryHash` and `stableSubset` `stableHash` (an empty
 * hash removes the label), experiment subsets (named after their service) selecting their hash, and the
 * `managed-by-rollouts` annotation; other subsets and fields are kept. Undefined when nothing changes.
 */
export function planDestinationRule(dr: Readonly<DestinationRule>, input: DestinationRuleInput): DestinationRule | undefined {
  const hashFor = new Map<string, string>([
    ...input.additional.map((d): [string, string] => [d.serviceName ?? '', d.podTemplateHash ?? '']),
    [input.stableSubset, input.stableHash],
    [input.canarySubset, input.canaryHash],
  ]);
  const subsets = (dr.spec?.subsets ?? []).map((s): IstioSubset => {
    const hash = hashFor.get(s.name);
    return hash === undefined ? s : withHash(s, hash);
  });
  for (const d of input.additional) {
    const name = d.serviceName ?? '';
    if (name !== '' && !subsets.some((s) => s.name === name)) subsets.push({ name, labels: { [POD_TEMPLATE_HASH_LABEL]: d.podTemplateHash ?? '' } });
  }
  const annotations = { ...dr.metadata.annotations, [MANAGED_BY_ROLLOUTS_ANNOTATION]: input.rolloutName };
  const next: DestinationRule = { ...dr, metadata: { ...dr.metadata, annotations }, spec: { ...dr.spec, subsets } };
  return deepEqual(next, dr) ? undefined : next;
}

function withHash(s: Readonly<IstioSubset>, hash: string): IstioSubset {
  const labels = { ...s.labels };
  if (hash === '') delete labels[POD_TEMPLATE_HASH_LABEL];
  else labels[POD_TEMPLATE_HASH_LABEL] = hash;
  return s.labels === undefined && Object.keys(labels).length === 0 ? s : { ...s, labels };
}
