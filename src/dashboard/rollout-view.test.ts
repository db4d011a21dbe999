import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CanaryStep, Rollout } from '../api/rollouts-v1alpha1.js';
import { stepLabel, stepViews } from './rollout-view.js';

const labels: [CanaryStep, string][] = [
  [{ setWeight: 10 }, 'Set weight 10%'],
  [{ pause: {} }, 'Pause (until promoted)'],
  [{ pause: { duration: 60 } }, 'Pause 60s'],
  [{ pause: { duration: '5m' } }, 'Pause 5m'],
  [{ analysis: { templates: [{ templateName: 'success-rate' }, { templateName: 'latency' }] } }, 'Analysis: success-rate, latency'],
  [{ setCanaryScale: { replicas: 2 } }, 'Canary scale: 2 replicas'],
  [{ setCanaryScale: { weight: 30 } }, 'Canary scale: 30%'],
  [{ setCanaryScale: { matchTrafficWeight: true } }, 'Canary scale: match traffic weight'],
  [{ setHeaderRoute: { name: 'beta' } }, 'Header route beta'],
  [{ setMirrorRoute: { name: 'shadow', percentage: 10 } }, 'Mirror route shadow'],
];

for (const [step, want] of labels) {
  test(`stepLabel(${JSON.stringify(step)}) = ${want}`, () => assert.equal(stepLabel(step), want));
}

const rollout = (currentStepIndex: number | undefined): Rollout => ({
  apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: { name: 'demo', namespace: 'default' },
  spec: { selector: { matchLabels: { app: 'demo' } }, strategy: { canary: { steps: [{ setWeight: 25 }, { pause: {} }, { setWeight: 50 }] } } },
  ...(currentStepIndex === undefined ? {} : { status: { currentStepIndex } }),
});

test('stepViews(): done before currentStepIndex, current at it, pending after; all done past the end', () => {
  assert.deepEqual(stepViews(rollout(1)).map((s) => s.state), ['done', 'current', 'pending']);
  assert.deepEqual(stepViews(rollout(undefined)).map((s) => s.state), ['current', 'pending', 'pending']);
  assert.deepEqual(stepViews(rollout(3)).map((s) => s.state), ['done', 'done', 'done']);
});
