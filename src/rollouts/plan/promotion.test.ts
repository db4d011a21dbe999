import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fullPromotionReason, isFastRollback, isRollback, isRollbackWithinWindow, promoteStable } from './promotion.js';
import { NO_PAUSE_CHANGE, withAbort } from './pause-intent.js';
import { T0, input, rollout, rs } from './_fixtures.js';

test('isRollback() / isRollbackWithinWindow() / isFastRollback() by creation order', () => {
  const v1 = rs({ hash: 'v1', createdMs: T0 });
  const v2 = rs({ hash: 'v2', createdMs: T0 + 1000 });
  const v3 = rs({ hash: 'v3', createdMs: T0 + 2000 });
  const window = (revisions: number) => input(rollout({ spec: { rollbackWindow: { revisions } }, status: { stableRS: 'v3' } }), { newRS: v1, stableRS: v3, otherRSs: [v2] });
  assert.equal(isRollback(window(1)), true);
  assert.equal(isRollbackWithinWindow(window(1)), false, 'v2 lies between v1 and stable v3');
  assert.equal(isRollbackWithinWindow(window(2)), true);
  assert.equal(isFastRollback(window(2)), true);
  assert.equal(isFastRollback(window(1)), false);
  assert.equal(isRollback(input(rollout({ status: { stableRS: 'v1' } }), { newRS: v3, stableRS: v1 })), false);
});

test('fullPromotionReason(): initial deploy, steps done, promoteFull; never while aborted or short of pods', () => {
  const steps = [{ setWeight: 50 }];
  const newRS = rs({ hash: 'v2', replicas: 3, createdMs: T0 + 1000 });
  const stableRS = rs({ hash: 'v1', replicas: 3, createdMs: T0 });
  const at = (status: object, n = newRS) => input(rollout({ steps, status: { stableRS: 'v1', currentPodHash: 'v2', ...status } }), { newRS: n, stableRS });
  const s = { currentPodHash: 'v2' };
  assert.equal(fullPromotionReason(input(rollout({ steps }), { newRS }), NO_PAUSE_CHANGE, s), 'Initial deploy');
  assert.equal(fullPromotionReason(at({ currentStepIndex: 1 }), NO_PAUSE_CHANGE, s), 'Completed all 1 canary steps');
  assert.equal(fullPromotionReason(at({ currentStepIndex: 0 }), NO_PAUSE_CHANGE, s), '');
  assert.equal(fullPromotionReason(at({ currentStepIndex: 0, promoteFull: true }), NO_PAUSE_CHANGE, s), 'Full promotion requested');
  assert.equal(fullPromotionReason(at({ currentStepIndex: 1 }, rs({ hash: 'v2', replicas: 3, available: 2 })), NO_PAUSE_CHANGE, s), '');
  assert.equal(fullPromotionReason(at({ currentStepIndex: 1 }), withAbort(NO_PAUSE_CHANGE, 'x'), s), '');
  const bg = input(rollout({ blueGreen: { postPromotionAnalysis: { templates: [{ templateName: 't' }] } }, status: { stableRS: 'v1' } }), { newRS, stableRS });
  assert.equal(fullPromotionReason(bg, NO_PAUSE_CHANGE, { currentPodHash: 'v2', blueGreen: { activeSelector: 'v1' } }), '');
  assert.equal(fullPromotionReason(bg, NO_PAUSE_CHANGE, { currentPodHash: 'v2', blueGreen: { activeSelector: 'v2' } }), '', 'post-promotion analysis pending');
});

test('promoteStable() sets stableRS, the last step, clears pauses/abort/promoteFull and records RolloutCompleted', () => {
  const inp = input(rollout({ steps: [{ setWeight: 10 }, { pause: {} }], annotations: { 'rollout.argoproj.io/revision': '2' } }));
  const r = promoteStable(inp, NO_PAUSE_CHANGE, { stableRS: 'v1', currentPodHash: 'v2', currentStepIndex: 1, promoteFull: true }, 'Full promotion requested');
  assert.equal(r.status.stableRS, 'v2');
  assert.equal(r.status.currentStepIndex, 2);
  assert.equal(r.status.promoteFull, undefined);
  assert.deepEqual([r.pause.clear, r.pause.removeAbort], [true, true]);
  assert.deepEqual(r.events, [{ type: 'Normal', reason: 'RolloutCompleted', message: 'Rollout completed update to revision 2 (v2): Full promotion requested' }]);
});
