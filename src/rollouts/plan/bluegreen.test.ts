import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RolloutStatus } from '../../api/rollouts-v1alpha1.js';
import { rfc3339 } from '../../lib/clock.js';
import { blueGreenNewRSReplicas, isReadyForPause, isSaturated } from './bluegreen-replicas.js';
import { isBlueGreenPauseCompleted, planBlueGreenPause, scaleUpPreviewCheckPoint } from './bluegreen-pause.js';
import { planActiveService, planPreviewService } from './bluegreen-services.js';
import { NO_PAUSE_CHANGE, withPause } from './pause-intent.js';
import { T0, input, rollout, rs, service } from './_fixtures.js';

type BG = Parameters<typeof rollout>[0] extends infer O ? (O extends { blueGreen?: infer B } ? B : never) : never;
const world = (bg: BG, status: RolloutStatus, green: [number, number, number?], nowMs = T0) => {
  const ro = rollout({ replicas: 3, blueGreen: { activeService: 'active', previewService: 'preview', ...bg }, status: { stableRS: 'blue', currentPodHash: 'green', blueGreen: { activeSelector: 'blue' }, ...status } });
  const newRS = rs({ hash: 'green', replicas: green[0], available: green[1], ...(green[2] !== undefined ? { desired: green[2] } : {}) });
  return input(ro, { newRS, stableRS: rs({ hash: 'blue', replicas: 3, desired: 3 }), services: { active: service('active', 'blue', 'demo'), preview: service('preview', 'green', 'demo') } }, nowMs);
};

test('blueGreenNewRSReplicas(): previewReplicaCount until the checkpoint latch, R when active or promoteFull', () => {
  const rows: [string, BG, RolloutStatus, number][] = [
    ['no previewReplicaCount', {}, {}, 3],
    ['preview count while paused', { previewReplicaCount: 1 }, { pauseConditions: [{ reason: 'BlueGreenPause', startTime: '' }] }, 1],
    ['checkpoint passed and resumed', { previewReplicaCount: 1 }, { blueGreen: { activeSelector: 'blue', scaleUpPreviewCheckPoint: true } }, 3],
    ['promoteFull', { previewReplicaCount: 1 }, { promoteFull: true }, 3],
    ['new update (hash differs from currentPodHash)', { previewReplicaCount: 1 }, { currentPodHash: 'older' }, 1],
    ['already active', { previewReplicaCount: 1 }, { blueGreen: { activeSelector: 'green' } }, 3],
  ];
  for (const [name, bg, status, want] of rows) {
    const inp = world(bg, status, [0, 0]);
    assert.equal(blueGreenNewRSReplicas(inp.ro, inp.allRSs, inp.newRS ?? rs({ hash: 'x' })), want, name);
  }
});

test('isReadyForPause() / isSaturated()', () => {
  const inp = world({}, {}, [3, 3, 3]);
  assert.equal(isReadyForPause(inp.ro, inp.allRSs, inp.newRS), true);
  assert.equal(isSaturated(inp.ro, inp.newRS), true);
  assert.equal(isSaturated(inp.ro, world({}, {}, [3, 2, 3]).newRS), false);
  assert.equal(isSaturated(inp.ro, world({}, {}, [3, 3]).newRS), false, 'desired-replicas annotation missing');
});

test('planBlueGreenPause(): pauses once ready when promotion is manual or delayed; not when auto', () => {
  assert.deepEqual(planBlueGreenPause(world({ autoPromotionEnabled: false }, {}, [3, 3, 3]), NO_PAUSE_CHANGE, undefined).pause.add, ['BlueGreenPause']);
  assert.deepEqual(planBlueGreenPause(world({ autoPromotionEnabled: false }, {}, [3, 2, 3]), NO_PAUSE_CHANGE, undefined).pause.add, [], 'not ready');
  assert.deepEqual(planBlueGreenPause(world({}, {}, [3, 3, 3]), NO_PAUSE_CHANGE, undefined).pause.add, []);
  assert.deepEqual(planBlueGreenPause(world({ autoPromotionEnabled: false, prePromotionAnalysis: { templates: [{ templateName: 't' }] } }, {}, [3, 3, 3]), NO_PAUSE_CHANGE, 'Running').pause.add, [], 'waits for pre-promotion analysis');
  const delayed = world({ autoPromotionSeconds: 30 }, { controllerPause: true, pauseConditions: [{ reason: 'BlueGreenPause', startTime: rfc3339(T0) }] }, [3, 3, 3], T0 + 10_000);
  assert.deepEqual(planBlueGreenPause(delayed, NO_PAUSE_CHANGE, undefined).wakeAtMs, [T0 + 30_000]);
  const expired = world({ autoPromotionSeconds: 30 }, { controllerPause: true, pauseConditions: [{ reason: 'BlueGreenPause', startTime: rfc3339(T0) }] }, [3, 3, 3], T0 + 30_000);
  assert.deepEqual(planBlueGreenPause(expired, NO_PAUSE_CHANGE, undefined).pause.remove, ['BlueGreenPause']);
  assert.equal(isBlueGreenPauseCompleted(expired, NO_PAUSE_CHANGE), true);
  assert.equal(isBlueGreenPauseCompleted(expired, withPause(NO_PAUSE_CHANGE, 'BlueGreenPause')), false, 'just paused in this reconcile');
});

test('planActiveService(): switches only when saturated and the pause is over; reverts on abort', () => {
  const ops = (inp: ReturnType<typeof world>) => planActiveService(inp, NO_PAUSE_CHANGE, undefined);
  assert.deepEqual(ops(world({}, {}, [3, 3, 3])), [{ op: 'setServiceSelector', service: 'active', hash: 'green' }]);
  assert.deepEqual(ops(world({}, {}, [3, 2, 3])), [], 'not saturated');
  assert.deepEqual(ops(world({ autoPromotionEnabled: false }, { controllerPause: true, pauseConditions: [{ reason: 'BlueGreenPause', startTime: '' }] }, [3, 3, 3])), []);
  assert.deepEqual(ops(world({ autoPromotionEnabled: false }, { controllerPause: true }, [3, 3, 3])), [{ op: 'setServiceSelector', service: 'active', hash: 'green' }], 'resumed by promote');
  const aborted = world({}, { abort: true }, [3, 3, 3]);
  const moved = { ...aborted, snap: { ...aborted.snap, services: { ...aborted.snap.services, active: service('active', 'green', 'demo') } } };
  assert.deepEqual(ops(moved), [{ op: 'setServiceSelector', service: 'active', hash: 'blue' }]);
  assert.deepEqual(planPreviewService(world({}, {}, [0, 0])), [], 'preview already on green');
});

test('scaleUpPreviewCheckPoint() latches once the pause is over and the preview count is available', () => {
  const bg = { previewReplicaCount: 1, autoPromotionEnabled: false };
  assert.equal(scaleUpPreviewCheckPoint(world(bg, { controllerPause: true, pauseConditions: [{ reason: 'BlueGreenPause', startTime: '' }] }, [1, 1]), NO_PAUSE_CHANGE, undefined), false);
  assert.equal(scaleUpPreviewCheckPoint(world(bg, { controllerPause: true }, [1, 1]), NO_PAUSE_CHANGE, undefined), true);
  assert.equal(scaleUpPreviewCheckPoint(world(bg, { blueGreen: { activeSelector: 'blue', scaleUpPreviewCheckPoint: true } }, [3, 1]), NO_PAUSE_CHANGE, undefined), true);
});
