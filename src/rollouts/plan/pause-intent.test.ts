import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rfc3339 } from '../../lib/clock.js';
import { NO_PAUSE_CHANGE, applyPauseIntent, clearingPauses, isAborted, withAbort, withPause, withoutAbort, withoutPause } from './pause-intent.js';
import { T0, rollout } from './_fixtures.js';

const cond = (reason: 'CanaryPauseStep' | 'InconclusiveAnalysisRun', ms = T0) => ({ reason, startTime: rfc3339(ms) });

test('applyPauseIntent(): adds conditions at now with controllerPause, keeps existing start times', () => {
  const ro = rollout({ status: { pauseConditions: [cond('CanaryPauseStep')], controllerPause: true } });
  const s = applyPauseIntent(ro, withPause(withPause(NO_PAUSE_CHANGE, 'CanaryPauseStep'), 'InconclusiveAnalysisRun'), {}, T0 + 5000);
  assert.deepEqual(s, { pauseConditions: [cond('CanaryPauseStep'), cond('InconclusiveAnalysisRun', T0 + 5000)], controllerPause: true });
});

test('applyPauseIntent(): the last condition removed also resets controllerPause (the resume protocol)', () => {
  const ro = rollout({ status: { pauseConditions: [cond('CanaryPauseStep')], controllerPause: true } });
  assert.deepEqual(applyPauseIntent(ro, withoutPause(NO_PAUSE_CHANGE, 'CanaryPauseStep'), { controllerPause: true }, T0), {});
  assert.deepEqual(applyPauseIntent(ro, clearingPauses(NO_PAUSE_CHANGE), {}, T0), {});
});

test('applyPauseIntent(): abort wins, keeps abortedAt, and drops pause conditions', () => {
  const ro = rollout({ status: { pauseConditions: [cond('CanaryPauseStep')], controllerPause: true } });
  assert.deepEqual(applyPauseIntent(ro, withAbort(NO_PAUSE_CHANGE, 'x'), {}, T0 + 1000), { abort: true, abortedAt: rfc3339(T0 + 1000) });
  const already = rollout({ status: { abort: true, abortedAt: rfc3339(T0) } });
  assert.deepEqual(applyPauseIntent(already, NO_PAUSE_CHANGE, {}, T0 + 9000), { abort: true, abortedAt: rfc3339(T0) });
  assert.equal(isAborted(already, withoutAbort(NO_PAUSE_CHANGE)), false);
  assert.deepEqual(applyPauseIntent(already, withoutAbort(NO_PAUSE_CHANGE), { abort: true }, T0), {});
});
