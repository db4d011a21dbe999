// A canary Rollout in the middle of an update, as the rollouts controller would leave it: R=4, steps
// [setWeight 25, pause {}, setWeight 75, pause 10m], paused at step 1 with v2 on one pod and v1 on three,
// a background AnalysisRun with three successful measurements.
import type { KubeClient } from '../../src/control/index.js';
import { R } from '../../src/api/resources.js';
import type { ReplicaSet } from '../../src/api/apps-v1.js';
import type { Pod, PodTemplateSpec } from '../../src/api/core-v1.js';
import type { AnalysisRun, Rollout } from '../../src/api/rollouts-v1alpha1.js';
import { ownedBy, seed } from './_cli-harness.js';

export const V1 = '6c9f7d8b4';
export const V2 = '59d8c7f6b';

const template = (image: string, hash?: string): PodTemplateSpec => ({
  metadata: { labels: { app: 'demo', ...(hash !== undefined ? { 'rollouts-pod-template-hash': hash } : {}) } },
  spec: { containers: [{ name: 'demo', image }] },
});

/** The Rollout (spec at v2) before any status. */
export function demoRollout(name = 'demo'): Rollout {
  return {
    apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: { name, namespace: 'default' },
    spec: {
      replicas: 4, selector: { matchLabels: { app: 'demo' } }, template: template('argoproj/rollouts-demo:green'),
      strategy: { canary: { steps: [{ setWeight: 25 }, { pause: {} }, { setWeight: 75 }, { pause: { duration: '10m' } }], analysis: { templates: [{ templateName: 'pass' }] } } },
    },
  };
}

async function replicaSet(client: KubeClient, ro: Rollout, hash: string, image: string, revision: number, replicas: number): Promise<ReplicaSet> {
  const rs: ReplicaSet = {
    apiVersion: 'apps/v1', kind: 'ReplicaSet',
    metadata: { name: `demo-${hash}`, namespace: 'default', labels: { app: 'demo', 'rollouts-pod-template-hash': hash }, annotations: { 'rollout.argoproj.io/revision': String(revision) }, ...ownedBy(ro) },
    spec: { replicas, selector: { matchLabels: { app: 'demo', 'rollouts-pod-template-hash': hash } }, template: template(image, hash) },
  };
  return seed(client, R.replicasets, rs, { replicas, readyReplicas: replicas, availableReplicas: replicas, observedGeneration: 1 });
}

async function pod(client: KubeClient, rs: ReplicaSet, suffix: string, restarts = 0): Promise<void> {
  const p: Pod = {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name: `${rs.metadata.name ?? ''}-${suffix}`, namespace: 'default', labels: rs.spec.template.metadata?.labels ?? {}, ...ownedBy(rs) },
    spec: { containers: [{ name: 'demo', image: rs.spec.template.spec.containers[0]?.image ?? '' }] },
  };
  await seed(client, R.pods, p, {
    phase: 'Running',
    containerStatuses: [{ name: 'demo', image: 'x', imageID: '', ready: true, restartCount: restarts, state: { running: { startedAt: '2025-01-01T00:00:00Z' } }, lastState: {} }],
  });
}

/** Seeds the whole picture; returns the Rollout as stored. */
export async function seedCanaryMidUpdate(client: KubeClient, nowIso: string): Promise<Rollout> {
  const created = await client.create<Rollout>(R.rollouts, { ...demoRollout(), metadata: { ...demoRollout().metadata, annotations: { 'rollout.argoproj.io/revision': '2' } } });
  const stable = await replicaSet(client, created, V1, 'argoproj/rollouts-demo:blue', 1, 3);
  const canary = await replicaSet(client, created, V2, 'argoproj/rollouts-demo:green', 2, 1);
  for (const s of ['a1x2q', 'b7k3z', 'c3m9p']) await pod(client, stable, s);
  await pod(client, canary, 'x2q7t', 2);
  const run: AnalysisRun = {
    apiVersion: 'argoproj.io/v1alpha1', kind: 'AnalysisRun',
    metadata: { name: `demo-${V2}-2`, namespace: 'default', annotations: { 'rollout.argoproj.io/revision': '2' }, labels: { 'rollout-type': 'Background' }, ...ownedBy(created) },
    spec: { metrics: [{ name: 'pass', provider: { job: { spec: {} } } }] },
  };
  await seed(client, R.analysisruns, run, { phase: 'Running', metricResults: [{ name: 'pass', phase: 'Running', successful: 3, count: 3 }] });
  return client.patch<Rollout>(R.rollouts, 'default', 'demo', 'merge', {
    status: {
      observedGeneration: String(created.metadata.generation ?? 1), currentPodHash: V2, stableRS: V1, currentStepIndex: 1,
      currentStepHash: 'abc', pauseConditions: [{ reason: 'CanaryPauseStep', startTime: nowIso }], controllerPause: true,
      replicas: 4, updatedReplicas: 1, readyReplicas: 4, availableReplicas: 4, phase: 'Paused', message: 'CanaryPauseStep',
      canary: { currentBackgroundAnalysisRunStatus: { name: `demo-${V2}-2`, status: 'Running' } },
    },
  }, { subresource: 'status' });
}
