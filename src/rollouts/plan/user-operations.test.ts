import { test } from 'node:test';
import assert from 'node:assert/strict';
import { abortPatch, pausePatch, promotePatch, restartPatch, retryPatch } from './user-operations.js';
import { T0, rollout } from './_fixtures.js';

const steps = [{ setWeight: 20 }, { analysis: { templates: [{ templateName: 't' }] } }, { pause: {} }];

test('promotePatch(): clears pause conditions, or skips the current step, or drops an inconclusive pause', () => {
  const paused = rollout({ steps, spec: { paused: true }, status: { currentStepIndex: 2, controllerPause: true, pauseConditions: [{ reason: 'CanaryPauseStep', startTime: '' }] } });
  assert.deepEqual(promotePatch(paused), { spec: { paused: false }, status: { pauseConditions: null } });
  const atAnalysis = rollout({ steps, status: { currentStepIndex: 1 } });
  assert.deepEqual(promotePatch(atAnalysis), { status: { pauseConditions: null, currentStepIndex: 2 } });
  const inconclusive = rollout({ steps, status: { currentStepIndex: 1, controllerPause: true, pauseConditions: [{ reason: 'InconclusiveAnalysisRun', startTime: '' }], canary: { currentStepAnalysisRunStatus: { name: 'r', status: 'Inconclusive' } } } });
  assert.deepEqual(promotePatch(inconclusive), { status: { pauseConditions: null, controllerPause: false, currentStepIndex: 2 } });
  assert.deepEqual(promotePatch(rollout({ steps, status: { currentStepIndex: 3 } })), { status: { pauseConditions: null, currentStepIndex: 3 } });
  assert.deepEqual(promotePatch(rollout({ blueGreen: {}, status: { pauseConditions: [{ reason: 'BlueGreenPause', startTime: '' }] } })), { status: { pauseConditions: null } });
});

test('promotePatch({full}) / abort / retry / pause / restart', () => {
  assert.deepEqual(promotePatch(rollout({ status: { currentPodHash: 'b', stableRS: 'a' } }), { full: true }), { status: { promoteFull: true } });
  assert.deepEqual(promotePatch(rollout({ status: { currentPodHash: 'a', stableRS: 'a' } }), { full: true }), {});
  assert.deepEqual(abortPatch(), { status: { abort: true } });
  assert.deepEqual(retryPatch(), { status: { abort: false } });
  assert.deepEqual(pausePatch(), { spec: { paused: true } });
  assert.deepEqual(restartPatch(T0, 30_000), { spec: { restartAt: '2025-01-01T00:00:30Z' } });
});
