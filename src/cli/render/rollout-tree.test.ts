import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RolloutInfo } from '../../rollouts/ops/index.js';
import { renderRolloutHeader } from './rollout-tree.js';

const info: RolloutInfo = {
  name: 'demo', namespace: 'prod', status: 'Paused', message: 'CanaryPauseStep', icon: '॥', strategy: 'Canary', step: '3/4', setWeight: 75, actualWeight: 75,
  pause: { reason: 'CanaryPauseStep', endsAt: '2025-01-01T12:10:00Z', remainingSeconds: 582 },
  images: [{ image: 'demo:v1', tags: ['stable'] }, { image: 'demo:v2', tags: ['canary'] }],
  replicas: { desired: 4, current: 4, updated: 3, ready: 4, available: 4 }, age: '3d', revisions: [],
};

test('renderRolloutHeader() shows a timed pause\'s countdown in the Message line', () => {
  assert.deepEqual(renderRolloutHeader(info, false), [
    'Name:            demo', 'Namespace:       prod', 'Status:          ॥ Paused', 'Message:         CanaryPauseStep (resumes in 9m42s)',
    'Strategy:        Canary', '  Step:          3/4', '  SetWeight:     75', '  ActualWeight:  75',
    'Images:          demo:v1 (stable)', '                 demo:v2 (canary)', 'Replicas:',
    '  Desired:       4', '  Current:       4', '  Updated:       3', '  Ready:         4', '  Available:     4',
  ]);
});
