import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeKubeconfig, resolveKubeconfig } from './kubeconfig-path.js';

test('resolveKubeconfig(): --kubeconfig > $KUBECONFIG (first existing) > ~/.sluice/kubeconfig if present > ~/.kube/config', () => {
  const exists = (files: string[]) => (p: string): boolean => files.includes(p);
  assert.deepEqual(resolveKubeconfig('/flag', { KUBECONFIG: '/env' }, '/h', exists([])), { path: '/flag', source: '--kubeconfig' });
  assert.deepEqual(resolveKubeconfig(undefined, { KUBECONFIG: '/a:/b' }, '/h', exists(['/b'])), { path: '/b', source: '$KUBECONFIG' });
  assert.deepEqual(resolveKubeconfig(undefined, {}, '/h', exists(['/h/.sluice/kubeconfig'])), { path: '/h/.sluice/kubeconfig', source: 'sluice up' });
  const fallback = resolveKubeconfig(undefined, { KUBECONFIG: '' }, '/h', exists([]));
  assert.deepEqual(fallback, { path: '/h/.kube/config', source: 'default' });
  assert.equal(describeKubeconfig(fallback), '/h/.kube/config (the default)');
});
