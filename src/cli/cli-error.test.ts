import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError, notFound } from '../api/api-error.js';
import { CliError, describeError } from './cli-error.js';

test('describeError() turns what commands throw into one readable line', () => {
  const scope = { namespace: 'prod', server: 'https://127.0.0.1:6443', kubeconfig: '/k (from $KUBECONFIG)' };
  assert.equal(describeError(notFound('rollouts', 'argoproj.io', 'demo'), scope), 'rollout "demo" not found in namespace "prod"');
  assert.equal(describeError(notFound('clusteranalysistemplates', 'argoproj.io', 't'), scope), 'clusteranalysistemplate "t" not found');
  assert.equal(describeError(new ApiError('Forbidden', 'rollouts.argoproj.io "demo" is forbidden'), scope), 'Error from server (Forbidden): rollouts.argoproj.io "demo" is forbidden');
  const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6443'), { code: 'ECONNREFUSED' });
  assert.equal(describeError(refused, scope), 'cannot reach the Kubernetes API at https://127.0.0.1:6443: is `sluice up` running? (kubeconfig: /k (from $KUBECONFIG))');
  assert.equal(describeError(new CliError('bad\nsecond line')), 'bad');
});
