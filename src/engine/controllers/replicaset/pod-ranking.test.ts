import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pod, T0 } from './_builders.js';
import { podsToDelete } from './pod-ranking.js';

const NOW = T0 + 3600_000;

const rows: { name: string; pods: ReturnType<typeof pod>[]; expectFirst: string }[] = [
  { name: 'unassigned before assigned', pods: [pod({ name: 'on-node' }), pod({ name: 'no-node', node: '', phase: 'Pending', readyAt: false })], expectFirst: 'no-node' },
  { name: 'Pending before Running', pods: [pod({ name: 'running' }), pod({ name: 'pending', phase: 'Pending' })], expectFirst: 'pending' },
  { name: 'Unknown before Running', pods: [pod({ name: 'running' }), pod({ name: 'unknown', phase: 'Unknown' })], expectFirst: 'unknown' },
  { name: 'Pending before Unknown', pods: [pod({ name: 'unknown', phase: 'Unknown' }), pod({ name: 'pending', phase: 'Pending' })], expectFirst: 'pending' },
  { name: 'not ready before ready', pods: [pod({ name: 'ready' }), pod({ name: 'not-ready', readyAt: false })], expectFirst: 'not-ready' },
  { name: 'lower deletion cost first', pods: [pod({ name: 'cheap', deletionCost: -5 }), pod({ name: 'dear', deletionCost: 10 })].reverse(), expectFirst: 'cheap' },
  // Ready 10 min ago vs 40 min ago: different log2 buckets, the more recently ready pod goes first.
  { name: 'ready for less time first', pods: [pod({ name: 'long', readyAt: 1200 }), pod({ name: 'short', readyAt: 3000 })], expectFirst: 'short' },
  { name: 'more restarts first', pods: [pod({ name: 'calm' }), pod({ name: 'crashy', restarts: 4 })], expectFirst: 'crashy' },
  { name: 'newer first', pods: [pod({ name: 'old', createdAt: 0 }), pod({ name: 'new', createdAt: 3000 })], expectFirst: 'new' },
  // Both 1 h − a few seconds old: same log2 bucket, so the uid decides (uid-a < uid-b).
  { name: 'same age bucket falls back to uid', pods: [pod({ name: 'b', createdAt: 10 }), pod({ name: 'a', createdAt: 5 })], expectFirst: 'a' },
];

for (const row of rows) {
  test(`podsToDelete() picks ${row.name}`, () => {
    assert.deepEqual(podsToDelete(row.pods, 1, NOW).map((p) => p.metadata.name), [row.expectFirst]);
  });
}

test('podsToDelete() applies the rules in order: phase beats readiness, readiness beats restarts', () => {
  const pods = [
    pod({ name: 'running-ready-restarts', restarts: 9 }),
    pod({ name: 'running-not-ready', readyAt: false }),
    pod({ name: 'pending', phase: 'Pending', readyAt: false }),
    pod({ name: 'running-ready' }),
  ];
  assert.deepEqual(podsToDelete(pods, 3, NOW).map((p) => p.metadata.name), ['pending', 'running-not-ready', 'running-ready-restarts']);
});

test('podsToDelete() returns every pod without sorting when all go', () => {
  const pods = [pod({ name: 'x' }), pod({ name: 'y' })];
  assert.deepEqual(podsToDelete(pods, 5, NOW).map((p) => p.metadata.name), ['x', 'y']);
});
