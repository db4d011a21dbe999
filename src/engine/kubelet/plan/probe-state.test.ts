import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeProbeTiming, initialProbeState, nextProbeState, type ProbeState } from './probe-state.js';

function run(start: ProbeState, outcomes: ('success' | 'failure')[], successThreshold: number, failureThreshold: number): string[] {
  const out: string[] = [];
  let s = start;
  for (const o of outcomes) {
    s = nextProbeState(s, o, { successThreshold, failureThreshold });
    out.push(s.result);
  }
  return out;
}

test('nextProbeState() worked example: liveness flips after three failures', () => {
  assert.deepEqual(run(initialProbeState('liveness'), ['success', 'failure', 'failure', 'failure'], 1, 3), ['success', 'success', 'success', 'failure']);
});

test('nextProbeState() readiness needs successThreshold successes in a row', () => {
  assert.deepEqual(run(initialProbeState('readiness'), ['success', 'failure', 'success', 'success'], 2, 1), ['failure', 'failure', 'failure', 'success']);
});

test('nextProbeState() startup is unknown until decided', () => {
  assert.deepEqual(run(initialProbeState('startup'), ['failure', 'success'], 1, 2), ['unknown', 'success']);
});

test('computeProbeTiming() applies Kubernetes defaults and forces single-success liveness', () => {
  assert.deepEqual(computeProbeTiming({}, 'readiness'), { initialDelayMs: 0, periodMs: 10_000, timeoutMs: 1000, successThreshold: 1, failureThreshold: 3 });
  assert.deepEqual(computeProbeTiming({ initialDelaySeconds: 2, periodSeconds: 1, successThreshold: 3, failureThreshold: 1 }, 'liveness'),
    { initialDelayMs: 2000, periodMs: 1000, timeoutMs: 1000, successThreshold: 1, failureThreshold: 1 });
});
