import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ReplicaSet } from '../../api/apps-v1.js';
import { chooseRevision } from './undo-rollout.js';

const rs = (name: string, revision?: string): ReplicaSet => ({
  apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name, ...(revision !== undefined ? { annotations: { 'rollout.argoproj.io/revision': revision } } : {}) },
  spec: { selector: {}, template: { spec: { containers: [] } } },
});

test('chooseRevision(): 0 takes the previous revision, N takes revision N, unknown ones are errors', () => {
  const all = [rs('a', '3'), rs('b', '1'), rs('c', '2'), rs('d', 'x')];
  assert.equal(chooseRevision(all, 'demo', 0).rs.metadata.name, 'c');
  assert.equal(chooseRevision(all, 'demo', 1).rs.metadata.name, 'b');
  assert.throws(() => chooseRevision(all, 'demo', 7), /^UndoError: unable to find specified revision 7 in history$/);
  assert.throws(() => chooseRevision([rs('a', '1')], 'demo', 0), /no revision found for rollout "demo"/);
});
