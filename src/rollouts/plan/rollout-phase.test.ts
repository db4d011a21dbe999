import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RolloutSpec, RolloutStatus } from '../../api/rollouts-v1alpha1.js';
import { computeRolloutPhase, rolloutPhaseForClients } from './rollout-phase.js';
import { rollout } from './_fixtures.js';

const cond = (type: string, reason: string, message: string) =>
  ({ type, status: 'False', reason, message, lastUpdateTime: '', lastTransitionTime: '' }) as NonNullable<RolloutStatus['conditions']>[number];

const canary: RolloutSpec = { replicas: 3, strategy: { canary: {} } };
const tr: RolloutSpec = { replicas: 3, strategy: { canary: { trafficRouting: {} } } };
const bg: RolloutSpec = { replicas: 3, strategy: { blueGreen: { activeService: 'a' } } };
const bgPost: RolloutSpec = { replicas: 3, strategy: { blueGreen: { activeService: 'a', postPromotionAnalysis: {} } } };
const healthy: RolloutStatus = { replicas: 3, updatedReplicas: 3, availableReplicas: 3, stableRS: 'h', currentPodHash: 'h', blueGreen: { activeSelector: 'h' } };

// [name, spec, status, phase, message] — one row per rule of §1.11, then rows proving the precedence.
const rows: [string, RolloutSpec, RolloutStatus, string, string][] = [
  ['1 InvalidSpec', canary, { ...healthy, conditions: [cond('InvalidSpec', 'InvalidSpec', 'The Rollout "x" is invalid: bad')] }, 'Degraded', 'InvalidSpec: The Rollout "x" is invalid: bad'],
  ['2 aborted', canary, { ...healthy, conditions: [cond('Progressing', 'RolloutAborted', 'Rollout aborted update to revision 2')] }, 'Degraded', 'RolloutAborted: Rollout aborted update to revision 2'],
  ['2 timed out', canary, { ...healthy, conditions: [cond('Progressing', 'ProgressDeadlineExceeded', 'ReplicaSet "x" has timed out progressing.')] }, 'Degraded', 'ProgressDeadlineExceeded: ReplicaSet "x" has timed out progressing.'],
  ['3 spec.paused', { ...canary, paused: true }, healthy, 'Paused', 'manually paused'],
  ['4 pause condition', canary, { ...healthy, pauseConditions: [{ reason: 'CanaryPauseStep', startTime: '' }, { reason: 'InconclusiveAnalysisRun', startTime: '' }] }, 'Paused', 'CanaryPauseStep'],
  ['5 restart pending', { ...canary, restartAt: '2025-01-01T00:00:00Z' }, healthy, 'Progressing', 'rollout is restarting'],
  ['5 restart done', { ...canary, restartAt: '2025-01-01T00:00:00Z' }, { ...healthy, restartedAt: '2025-01-01T00:00:00Z' }, 'Healthy', ''],
  ['6 updated < R', canary, { ...healthy, updatedReplicas: 1 }, 'Progressing', 'more replicas need to be updated'],
  ['6 R defaults to 1', { strategy: { canary: {} } }, { ...healthy, updatedReplicas: 0 }, 'Progressing', 'more replicas need to be updated'],
  ['7 available < updated', canary, { ...healthy, availableReplicas: 2 }, 'Progressing', 'updated replicas are still becoming available'],
  ['8 bg active empty', bg, { ...healthy, blueGreen: {} }, 'Progressing', 'active service cutover pending'],
  ['8 bg active old', bg, { ...healthy, blueGreen: { activeSelector: 'old' } }, 'Progressing', 'active service cutover pending'],
  ['8 bg post-promotion analysis', bgPost, { ...healthy, stableRS: 'old', blueGreen: { activeSelector: 'h', postPromotionAnalysisRunStatus: { name: 'r', status: 'Running' } } }, 'Progressing', 'waiting for analysis to complete'],
  ['8 bg post-promotion analysis done', bgPost, { ...healthy, stableRS: 'old', blueGreen: { activeSelector: 'h', postPromotionAnalysisRunStatus: { name: 'r', status: 'Successful' } } }, 'Progressing', 'waiting for post-promotion verification to complete'],
  ['8 bg verification', bg, { ...healthy, stableRS: 'old' }, 'Progressing', 'waiting for post-promotion verification to complete'],
  ['9 basic canary old replicas', canary, { ...healthy, replicas: 4 }, 'Progressing', 'old replicas are pending termination'],
  ['9 traffic-routed canary ignores old replicas', tr, { ...healthy, replicas: 4 }, 'Healthy', ''],
  ['9 steps pending', canary, { ...healthy, stableRS: 'old' }, 'Progressing', 'waiting for all steps to complete'],
  ['9 no stable yet', tr, { ...healthy, stableRS: '' }, 'Progressing', 'waiting for all steps to complete'],
  ['10 healthy canary', canary, healthy, 'Healthy', ''],
  ['10 healthy blue-green', bg, healthy, 'Healthy', ''],
  ['precedence: InvalidSpec before paused', { ...canary, paused: true }, { ...healthy, conditions: [cond('InvalidSpec', 'InvalidSpec', 'm')] }, 'Degraded', 'InvalidSpec: m'],
  ['precedence: aborted before pause condition', canary, { ...healthy, pauseConditions: [{ reason: 'CanaryPauseStep', startTime: '' }], conditions: [cond('Progressing', 'RolloutAborted', 'm')] }, 'Degraded', 'RolloutAborted: m'],
  ['precedence: spec.paused before pause condition', { ...canary, paused: true }, { ...healthy, pauseConditions: [{ reason: 'BlueGreenPause', startTime: '' }] }, 'Paused', 'manually paused'],
  ['precedence: pause before restart', { ...canary, restartAt: '2025-01-01T00:00:00Z' }, { ...healthy, pauseConditions: [{ reason: 'CanaryPauseStep', startTime: '' }] }, 'Paused', 'CanaryPauseStep'],
  ['precedence: restart before counts', { ...canary, restartAt: '2025-01-01T00:00:00Z' }, { ...healthy, updatedReplicas: 0 }, 'Progressing', 'rollout is restarting'],
  ['precedence: updated before available', canary, { ...healthy, updatedReplicas: 1, availableReplicas: 0 }, 'Progressing', 'more replicas need to be updated'],
  ['precedence: available before cutover', bg, { ...healthy, availableReplicas: 1, blueGreen: {} }, 'Progressing', 'updated replicas are still becoming available'],
  ['precedence: old replicas before steps', canary, { ...healthy, replicas: 4, stableRS: 'old' }, 'Progressing', 'old replicas are pending termination'],
  ['a paused condition with another reason is not Degraded', canary, { ...healthy, conditions: [cond('Progressing', 'RolloutPaused', 'Rollout is paused')] }, 'Healthy', ''],
];

for (const [name, spec, status, phase, message] of rows) {
  test(`computeRolloutPhase(): ${name}`, () => {
    assert.deepEqual(computeRolloutPhase(spec, status), { phase, message });
  });
}

test('rolloutPhaseForClients() waits for the generation and an unpause to be observed', () => {
  assert.deepEqual(rolloutPhaseForClients(rollout({ generation: 2, status: { observedGeneration: '1', phase: 'Healthy' } })), { phase: 'Progressing', message: 'waiting for rollout spec update to be observed' });
  assert.deepEqual(rolloutPhaseForClients(rollout({ generation: 1, status: { observedGeneration: '1', controllerPause: true, phase: 'Paused' } })), { phase: 'Progressing', message: 'waiting for rollout to unpause' });
  assert.deepEqual(rolloutPhaseForClients(rollout({ generation: 1, status: { observedGeneration: '1', phase: 'Paused', message: 'CanaryPauseStep' } })), { phase: 'Paused', message: 'CanaryPauseStep' });
});
