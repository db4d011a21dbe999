import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ReplicaSet } from '../../api/apps-v1.js';
import type { Rollout, RolloutStatus } from '../../api/rollouts-v1alpha1.js';
import { computeRolloutInfo } from './rollout-info.js';
import { computePauseCountdown } from './pause-countdown.js';

const T0 = Date.UTC(2025, 0, 1);
const owner = { ownerReferences: [{ apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', name: 'bg', uid: 'ro-uid', controller: true }] };

function rs(hash: string, image: string, revision: number, replicas: number, annotations: Record<string, string> = {}): ReplicaSet {
  return {
    apiVersion: 'apps/v1', kind: 'ReplicaSet',
    metadata: { name: `bg-${hash}`, uid: `uid-${hash}`, labels: { 'rollouts-pod-template-hash': hash }, annotations: { 'rollout.argoproj.io/revision': String(revision), ...annotations }, creationTimestamp: '2025-01-01T00:00:00Z', generation: 1, ...owner },
    spec: { replicas, selector: {}, template: { spec: { containers: [{ name: 'c', image }] } } },
    status: { replicas, availableReplicas: replicas, readyReplicas: replicas, observedGeneration: 1 },
  };
}

function blueGreen(status: RolloutStatus, bg: Partial<NonNullable<Rollout['spec']['strategy']['blueGreen']>> = {}): Rollout {
  return {
    apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: { name: 'bg', namespace: 'default', uid: 'ro-uid', creationTimestamp: '2025-01-01T00:00:00Z' },
    spec: { replicas: 3, strategy: { blueGreen: { activeService: 'active', previewService: 'preview', ...bg } } }, status,
  };
}

test('computeRolloutInfo() tags blue-green ReplicaSets stable/active and preview, shows the scale-down delay, merges images', () => {
  const status: RolloutStatus = { stableRS: 'v1', currentPodHash: 'v2', blueGreen: { activeSelector: 'v1', previewSelector: 'v2' }, phase: 'Paused', message: 'BlueGreenPause' };
  const old = rs('v0', 'app:v0', 1, 3, { 'scale-down-deadline': '2025-01-01T00:00:25Z' });
  const info = computeRolloutInfo({ rollout: blueGreen(status), replicaSets: [rs('v1', 'app:v1', 2, 3), rs('v2', 'app:v2', 3, 3), old], pods: [], analysisRuns: [] }, T0);
  assert.equal(info.strategy, 'BlueGreen');
  assert.equal(info.step, undefined);
  assert.deepEqual(info.revisions.map((r) => [r.revision, r.replicaSets.map((x) => x.tags.join('+'))]), [[3, ['preview']], [2, ['stable+active']], [1, ['']]]);
  assert.equal(info.revisions[2]?.replicaSets[0]?.scaleDownDelay, '25s');
  assert.deepEqual(info.images, [{ image: 'app:v0', tags: [] }, { image: 'app:v1', tags: ['active', 'stable'] }, { image: 'app:v2', tags: ['preview'] }]);
});

test('computePauseCountdown(): canary pause with a duration, blue-green autoPromotionSeconds; none for indefinite pauses', () => {
  const started = { pauseConditions: [{ reason: 'CanaryPauseStep' as const, startTime: '2025-01-01T12:00:00Z' }], currentStepIndex: 1 };
  const canary = (pause: { duration?: number | string }): Rollout => ({
    apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: { name: 'c' },
    spec: { strategy: { canary: { steps: [{ setWeight: 10 }, { pause }] } } }, status: started,
  });
  const now = Date.UTC(2025, 0, 1, 12, 0, 18);
  assert.deepEqual(computePauseCountdown(canary({ duration: 60 }), now), { reason: 'CanaryPauseStep', endsAt: '2025-01-01T12:01:00Z', remainingSeconds: 42 });
  assert.equal(computePauseCountdown(canary({ duration: '10m' }), now)?.remainingSeconds, 582);
  assert.equal(computePauseCountdown(canary({}), now), undefined);
  const bg = blueGreen({ pauseConditions: [{ reason: 'BlueGreenPause', startTime: '2025-01-01T12:00:00Z' }] }, { autoPromotionSeconds: 30 });
  assert.equal(computePauseCountdown(bg, now)?.remainingSeconds, 12);
  assert.equal(computePauseCountdown(blueGreen(bg.status ?? {}, { autoPromotionSeconds: 30, autoPromotionEnabled: false }), now), undefined);
});
