import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnalysisTemplate } from '../../api/rollouts-v1alpha1.js';
import { buildRunFromTemplate, mergeTemplateArgs, parseArgFlags } from './analysis-run-from-template.js';

test('parseArgFlags() and mergeTemplateArgs() follow Argo\'s rules', () => {
  assert.deepEqual(parseArgFlags(['a=1', 'b=x=y']), { ok: true, args: [{ name: 'a', value: '1' }, { name: 'b', value: 'x=y' }] });
  assert.deepEqual(parseArgFlags(['a']), { ok: false, error: 'arguments must be in the form NAME=VALUE' });
  assert.deepEqual(mergeTemplateArgs([{ name: 'a', value: '1' }, { name: 'zz', value: '9' }], [{ name: 'a' }, { name: 'b', value: '2' }]), { ok: true, args: [{ name: 'a', value: '1' }, { name: 'b', value: '2' }] });
  assert.deepEqual(mergeTemplateArgs([], [{ name: 'a' }]), { ok: false, error: 'args.a was not resolved' });
});

test('buildRunFromTemplate() names the run <template>- by default and drops nested template references', () => {
  const t: AnalysisTemplate = { apiVersion: 'argoproj.io/v1alpha1', kind: 'AnalysisTemplate', metadata: { name: 'pass', labels: { team: 'a' } }, spec: { metrics: [], templates: [{ templateName: 'x' }] } };
  const built = buildRunFromTemplate(t, [], { namespace: 'ns', instanceId: 'i1' });
  assert.ok(built.ok);
  assert.deepEqual(built.run.metadata, { generateName: 'pass-', namespace: 'ns', labels: { team: 'a', 'argo-rollouts.argoproj.io/controller-instance-id': 'i1' } });
  assert.deepEqual(built.run.spec, { metrics: [] });
  assert.deepEqual(buildRunFromTemplate({ ...t, metadata: {} }, [], { namespace: 'ns' }), { ok: false, error: 'name is invalid' });
});
