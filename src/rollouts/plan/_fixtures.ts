// Small builders for plan tests (private to this folder): `rs({ hash: 'v1', replicas: 3, available: 3 })`.
import type { ReplicaSet } from '../../api/apps-v1.js';
import type { Service } from '../../api/core-v1.js';
import type { PodTemplateSpec } from '../../api/core-v1.js';
import type { AnalysisRun, CanaryStep, Rollout, RolloutSpec, RolloutStatus } from '../../api/rollouts-v1alpha1.js';
import type { RolloutSnapshot } from './snapshot.js';
import { type PlanInput, planInputOf } from './plan-input.js';
import { POD_TEMPLATE_HASH_LABEL, REVISION_ANNOTATION, DESIRED_REPLICAS_ANNOTATION } from '../../api/rollouts-constants.js';
import { rfc3339 } from '../../lib/clock.js';

/** 2025-01-01T00:00:00Z, the epoch of plan tests. */
export const T0 = Date.UTC(2025, 0, 1);

/** A pod template whose image is `img` (`argoproj/rollouts-demo:blue` by default). */
export function template(image = 'argoproj/rollouts-demo:blue'): PodTemplateSpec {
  return { metadata: { labels: { app: 'demo' } }, spec: { containers: [{ name: 'demo', image }] } };
}

export interface RSOpts {
  hash: string;
  replicas?: number;
  available?: number;
  actual?: number;
  revision?: number;
  createdMs?: number;
  annotations?: Record<string, string>;
  desired?: number;
  image?: string;
}

/** A ReplicaSet named `demo-<hash>`; status.replicas defaults to spec, available to spec. */
export function rs(o: RSOpts): ReplicaSet {
  const replicas = o.replicas ?? 0;
  const annotations: Record<string, string> = { ...(o.annotations ?? {}) };
  if (o.revision !== undefined) annotations[REVISION_ANNOTATION] = String(o.revision);
  if (o.desired !== undefined) annotations[DESIRED_REPLICAS_ANNOTATION] = String(o.desired);
  const t = template(o.image);
  return {
    apiVersion: 'apps/v1', kind: 'ReplicaSet',
    metadata: {
      name: `demo-${o.hash}`, namespace: 'default', uid: `uid-${o.hash}`,
      creationTimestamp: rfc3339(o.createdMs ?? T0 + (o.revision ?? 0) * 1000),
      labels: { app: 'demo', [POD_TEMPLATE_HASH_LABEL]: o.hash }, annotations,
    },
    spec: {
      replicas, selector: { matchLabels: { app: 'demo', [POD_TEMPLATE_HASH_LABEL]: o.hash } },
      template: { ...t, metadata: { labels: { app: 'demo', [POD_TEMPLATE_HASH_LABEL]: o.hash } } },
    },
    status: { replicas: o.actual ?? replicas, availableReplicas: o.available ?? replicas, readyReplicas: o.available ?? replicas },
  };
}

export interface RolloutOpts {
  replicas?: number;
  steps?: CanaryStep[];
  canary?: Partial<NonNullable<RolloutSpec['strategy']['canary']>>;
  blueGreen?: Partial<NonNullable<RolloutSpec['strategy']['blueGreen']>>;
  status?: RolloutStatus;
  spec?: Partial<RolloutSpec>;
  generation?: number;
  image?: string;
  annotations?: Record<string, string>;
}

/** A Rollout `demo` in `default`; canary unless `blueGreen` is given. */
export function rollout(o: RolloutOpts = {}): Rollout {
  const strategy = o.blueGreen !== undefined
    ? { blueGreen: { activeService: 'demo-active', ...o.blueGreen } }
    : { canary: { ...(o.steps !== undefined ? { steps: o.steps } : {}), ...(o.canary ?? {}) } };
  return {
    apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout',
    metadata: {
      name: 'demo', namespace: 'default', uid: 'uid-ro', generation: o.generation ?? 1,
      creationTimestamp: rfc3339(T0), annotations: o.annotations ?? {},
    },
    spec: {
      replicas: o.replicas ?? 3,
      selector: { matchLabels: { app: 'demo' } },
      template: template(o.image),
      strategy,
      ...(o.spec ?? {}),
    },
    ...(o.status !== undefined ? { status: o.status } : {}),
  };
}

/** A Service selecting `app: demo` (+ the hash label when given). */
export function service(name: string, hash?: string, managedBy?: string): Service {
  return {
    apiVersion: 'v1', kind: 'Service',
    metadata: { name, namespace: 'default', ...(managedBy !== undefined ? { annotations: { 'argo-rollouts.argoproj.io/managed-by-rollouts': managedBy } } : {}) },
    spec: { selector: { app: 'demo', ...(hash !== undefined ? { [POD_TEMPLATE_HASH_LABEL]: hash } : {}) }, ports: [{ port: 80 }] },
  };
}

/** A snapshot with sensible empty parts. */
export function snap(ro: Rollout, parts: Partial<Omit<RolloutSnapshot, 'rollout'>> = {}): RolloutSnapshot {
  return { rollout: ro, otherRSs: [], services: {}, analysisRuns: [], analysisTemplates: {}, clusterAnalysisTemplates: {}, ...parts };
}

/** A PlanInput for `ro` with the given RSs (new/stable/others) at `nowMs`. */
export function input(ro: Rollout, parts: Partial<Omit<RolloutSnapshot, 'rollout'>> = {}, nowMs = T0): PlanInput {
  return planInputOf(snap(ro, parts), nowMs);
}

/** An AnalysisRun named `name` with the given phase and labels. */
export function run(name: string, phase: NonNullable<AnalysisRun['status']>['phase'], labels: Record<string, string> = {}, createdMs = T0): AnalysisRun {
  return {
    apiVersion: 'argoproj.io/v1alpha1', kind: 'AnalysisRun',
    metadata: { name, namespace: 'default', labels, creationTimestamp: rfc3339(createdMs) },
    spec: { metrics: [] }, status: { phase },
  };
}
