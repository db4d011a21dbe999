import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Pod } from '../../api/core-v1.js';
import { rfc3339 } from '../../lib/clock.js';
import { planRestart } from './restart.js';
import { T0, input, rollout, rs } from './_fixtures.js';

const pod = (name: string, hash: string, createdMs: number, ready = true): Pod => ({
  apiVersion: 'v1', kind: 'Pod',
  metadata: { name, labels: { 'rollouts-pod-template-hash': hash }, creationTimestamp: rfc3339(createdMs) },
  spec: { containers: [] },
  status: { conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: rfc3339(createdMs) }] },
});

test('planRestart(): evicts old pods within the budget, checks again in 30 s, records restartedAt when done', () => {
  // R=3, maxUnavailable 25% of 3 → 0 → at least 1 at a time: 3 available − (3 − 1) = 1 eviction.
  const ro = rollout({ replicas: 3, spec: { restartAt: rfc3339(T0 + 10_000) } });
  const v1 = rs({ hash: 'v1', replicas: 3 });
  const pods = [pod('a', 'v1', T0), pod('b', 'v1', T0), pod('c', 'v1', T0)];
  const first = planRestart(input(ro, { newRS: v1, stableRS: v1, pods }, T0 + 20_000));
  assert.deepEqual(first.actions, [{ op: 'evictPod', name: 'a' }]);
  assert.deepEqual(first.wakeAtMs, [T0 + 50_000]);
  assert.equal(first.restartedAt, undefined);
  const busy = planRestart(input(ro, { newRS: v1, stableRS: v1, pods: [pod('a2', 'v1', T0 + 15_000, false), pod('b', 'v1', T0), pod('c', 'v1', T0)] }, T0 + 20_000));
  assert.deepEqual(busy.actions, [], 'a replacement is not ready yet: no budget');
  const done = planRestart(input(ro, { newRS: v1, stableRS: v1, pods: [pod('a2', 'v1', T0 + 15_000), pod('b2', 'v1', T0 + 16_000), pod('c2', 'v1', T0 + 17_000)] }, T0 + 20_000));
  assert.deepEqual([done.actions, done.restartedAt], [[], rfc3339(T0 + 10_000)]);
  const early = planRestart(input(ro, { newRS: v1, stableRS: v1, pods }, T0));
  assert.deepEqual([early.actions, early.wakeAtMs], [[], [T0 + 10_000]]);
});
