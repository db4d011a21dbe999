import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CanaryStep, RolloutStatus } from '../../api/rollouts-v1alpha1.js';
import { rfc3339 } from '../../lib/clock.js';
import { isCurrentStepCompleted, planCanaryPause } from './canary-progress.js';
import { NO_PAUSE_CHANGE } from './pause-intent.js';
import { T0, input, rollout, rs, run } from './_fixtures.js';

const at = (steps: CanaryStep[], status: RolloutStatus, nowMs = T0, spec = {}) =>
  input(rollout({ replicas: 4, steps, status: { stableRS: 'v1', currentPodHash: 'v2', ...status }, spec }),
    { newRS: rs({ hash: 'v2', replicas: 1 }), stableRS: rs({ hash: 'v1', replicas: 3 }) }, nowMs);

test('planCanaryPause(): adds CanaryPauseStep, wakes at expiry, honours a user resume', () => {
  const first = planCanaryPause(at([{ pause: { duration: '1m' } }], { currentStepIndex: 0 }, T0 + 400), NO_PAUSE_CHANGE);
  assert.deepEqual(first.pause.add, ['CanaryPauseStep']);
  assert.deepEqual(first.wakeAtMs, [T0 + 60_000], 'start time is whole seconds; expiry exactly 60 s later');
  const running = planCanaryPause(at([{ pause: { duration: 60 } }], { currentStepIndex: 0, controllerPause: true, pauseConditions: [{ reason: 'CanaryPauseStep', startTime: rfc3339(T0) }] }, T0 + 10_000), NO_PAUSE_CHANGE);
  assert.deepEqual([running.pause.add, running.wakeAtMs], [[], [T0 + 60_000]]);
  const resumed = planCanaryPause(at([{ pause: {} }], { currentStepIndex: 0, controllerPause: true }), NO_PAUSE_CHANGE);
  assert.deepEqual(resumed.pause.add, []);
  assert.deepEqual(planCanaryPause(at([{ pause: {} }], { currentStepIndex: 0 }, T0, { paused: true }), NO_PAUSE_CHANGE).pause.add, []);
});

test('isCurrentStepCompleted() per step kind', () => {
  const cond = { reason: 'CanaryPauseStep' as const, startTime: rfc3339(T0) };
  const pause60 = [{ pause: { duration: 60 } }];
  const rows: [string, ReturnType<typeof at>, boolean][] = [
    ['pause before expiry', at(pause60, { currentStepIndex: 0, controllerPause: true, pauseConditions: [cond] }, T0 + 59_999), false],
    ['pause at expiry', at(pause60, { currentStepIndex: 0, controllerPause: true, pauseConditions: [cond] }, T0 + 60_000), true],
    ['indefinite pause', at([{ pause: {} }], { currentStepIndex: 0, controllerPause: true, pauseConditions: [cond] }, T0 + 9e9), false],
    ['pause resumed by user', at([{ pause: {} }], { currentStepIndex: 0, controllerPause: true }), true],
    ['setWeight 25 of 4 at counts (1 canary, 3 stable)', at([{ setWeight: 25 }], { currentStepIndex: 0 }), true],
    ['setWeight 50 not yet', at([{ setWeight: 50 }], { currentStepIndex: 0 }), false],
    ['header route', at([{ setHeaderRoute: { name: 'h' } }], { currentStepIndex: 0 }), true],
    ['past the last step', at([{ setWeight: 25 }], { currentStepIndex: 1 }), false],
    ['spec.paused', at([{ setWeight: 25 }], { currentStepIndex: 0 }, T0, { paused: true }), false],
  ];
  for (const [name, inp, want] of rows) assert.equal(isCurrentStepCompleted(inp, undefined, {}), want, name);
  const analysis = at([{ analysis: { templates: [{ templateName: 't' }] } }], { currentStepIndex: 0 });
  assert.equal(isCurrentStepCompleted(analysis, undefined, { step: run('r', 'Running') }), false);
  assert.equal(isCurrentStepCompleted(analysis, undefined, { step: run('r', 'Successful') }), true);
  assert.equal(isCurrentStepCompleted(analysis, undefined, { step: run('r', 'Inconclusive') }), false);
  assert.equal(isCurrentStepCompleted(at([{ setWeight: 25 }], { currentStepIndex: 0 }), { canary: { weight: 25 }, stable: { weight: 75 }, verified: false }, {}), false, 'unverified weight');
});
