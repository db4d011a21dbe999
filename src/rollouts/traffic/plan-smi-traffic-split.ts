// The SMI TrafficSplit Argo's SMI router owns (rollout/trafficrouting/smi/smi.go): named `trafficSplitName` or
// after the Rollout, `spec.service` the root (or stable) Service, backends canary, experiment services, stable.
import type { KubeObject } from '../../api/meta.js';
import type { Rollout } from '../../api/rollouts-v1alpha1.js';
import type { WeightDestination } from '../../api/rollouts-status.js';
import { mergePatchDiff } from '../../lib/merge-patch-diff.js';
import { isControlledBy, maxWeightOf, rolloutOwnerRef, servicesOf, stableWeightOf } from './plan-rollout-targets.js';
import type { SMIAPIVersion } from './traffic-resources.js';

/** A TrafficSplit backend; v1alpha1 weights are Quantities (JSON strings such as `"20"`), later ones integers. */
export interface TrafficSplitBackend { service: string; weight: number | string }

/** split.smi-spec.io TrafficSplit. */
export interface TrafficSplit extends KubeObject {
  spec?: { service?: string; backends?: TrafficSplitBackend[]; [field: string]: unknown };
}

/** `trafficRouting.smi.trafficSplitName`, default the Rollout's name. */
export function trafficSplitNameOf(ro: Readonly<Rollout>): string {
  const name = ro.spec.strategy.canary?.trafficRouting?.smi?.trafficSplitName ?? '';
  return name !== '' ? name : ro.metadata.name ?? '';
}

/**
 * The TrafficSplit at `weight`: backends `[canary: w, …additional, stable: MW − w − Σadditional]`, owned by the
 * Rollout. Weight 20 with experiment service `exp` at 10 → canary 20, exp 10, stable 70 (v1alpha1: `"20"` …).
 */
export function planDesiredTrafficSplit(ro: Readonly<Rollout>, version: SMIAPIVersion, weight: number,
  additional: readonly WeightDestination[]): TrafficSplit {
  const { stable, canary } = servicesOf(ro);
  const root = ro.spec.strategy.canary?.trafficRouting?.smi?.rootService ?? '';
  const w = (n: number): number | string => (version === 'v1alpha1' ? String(n) : n);
  const backends: TrafficSplitBackend[] = [
    { service: canary, weight: w(weight) },
    ...additional.map((d) => ({ service: d.serviceName ?? '', weight: w(d.weight) })),
    { service: stable, weight: w(stableWeightOf(maxWeightOf(ro), weight, additional)) },
  ];
  return {
    apiVersion: `split.smi-spec.io/${version}`,
    kind: 'TrafficSplit',
    metadata: { name: trafficSplitNameOf(ro), namespace: ro.metadata.namespace ?? '', ownerReferences: [rolloutOwnerRef(ro)] },
    spec: { service: root !== '' ? root : stable, backends },
  };
}

/** What to do about the TrafficSplit; `patch` is a merge patch of `spec`. */
export type TrafficSplitWrite =
  | { readonly op: 'create'; readonly split: TrafficSplit }
  | { readonly op: 'patch'; readonly patch: { spec: unknown } }
  | { readonly op: 'none' }
  | { readonly op: 'notOwned'; readonly reason: string };

/** Create when absent, refuse one the Rollout does not control, else patch the spec difference (if any). */
export function planTrafficSplitWrite(ro: Readonly<Rollout>, existing: Readonly<TrafficSplit> | undefined, desired: Readonly<TrafficSplit>): TrafficSplitWrite {
  if (existing === undefined) return { op: 'create', split: structuredClone(desired) };
  if (!isControlledBy(existing.metadata, ro)) {
    return { op: 'notOwned', reason: `TrafficSplit "${existing.metadata.name ?? ''}" exists and is not controlled by rollout "${ro.metadata.name ?? ''}"` };
  }
  const spec = mergePatchDiff(existing.spec ?? {}, desired.spec);
  return spec === undefined ? { op: 'none' } : { op: 'patch', patch: { spec } };
}

/** The canary backend's weight (a Quantity string read as a number); undefined without a numeric canary backend. */
export function computeTrafficSplitWeight(split: Readonly<TrafficSplit>, canary: string): number | undefined {
  const backend = (split.spec?.backends ?? []).find((b) => b.service === canary);
  const n = typeof backend?.weight === 'string' ? Number(backend.weight) : backend?.weight;
  return n !== undefined && Number.isFinite(n) ? n : undefined;
}
