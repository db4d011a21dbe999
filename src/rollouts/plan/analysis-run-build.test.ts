import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnalysisTemplate } from '../../api/rollouts-v1alpha1.js';
import { buildAnalysisRun, flattenTemplates, resolveTemplates } from './analysis-run-build.js';
import { fieldOfRollout, mergeArgs, resolveRolloutArgs } from './analysis-args.js';
import { needsNewAnalysisRun, runsToDelete, startRun } from './analysis-common.js';
import { T0, input, rollout, rs, run, snap } from './_fixtures.js';

const tmpl = (name: string, spec: AnalysisTemplate['spec']): AnalysisTemplate => ({ apiVersion: 'argoproj.io/v1alpha1', kind: 'AnalysisTemplate', metadata: { name }, spec });
const metric = (name: string) => ({ name, provider: { web: { url: 'http://x' } } });

test('resolveTemplates() follows nesting once per template; flattenTemplates() merges and rejects duplicates', () => {
  const s = snap(rollout(), { analysisTemplates: { a: tmpl('a', { metrics: [metric('m1')], templates: [{ templateName: 'b' }] }), b: tmpl('b', { metrics: [metric('m2')], args: [{ name: 'x', value: '1' }] }) } });
  const r = resolveTemplates(s, [{ templateName: 'a' }, { templateName: 'b' }]);
  assert.ok(r.ok);
  assert.deepEqual(r.value.templates.map((t) => t.name), ['a', 'b']);
  const flat = flattenTemplates(r.value.templates);
  assert.ok(flat.ok);
  assert.deepEqual(flat.value.metrics.map((m) => m.name), ['m1', 'm2']);
  assert.deepEqual(resolveTemplates(s, [{ templateName: 'nope' }]), { ok: false, error: "AnalysisTemplate 'nope' not found" });
  assert.deepEqual(resolveTemplates(s, [{ templateName: 'a', clusterScope: true }]), { ok: false, error: "ClusterAnalysisTemplate 'a' not found" });
  assert.deepEqual(flattenTemplates([{ name: 'a', spec: { metrics: [metric('m')] } }, { name: 'b', spec: { metrics: [metric('m')] } }]), { ok: false, error: "two metrics have the same name 'm'" });
  assert.deepEqual(flattenTemplates([{ name: 'a', spec: { args: [{ name: 'x', value: '1' }] } }, { name: 'b', spec: { args: [{ name: 'x', value: '2' }] } }]),
    { ok: false, error: "Argument `x` specified multiple times with different values: '1', '2'" });
});

test('resolveRolloutArgs() / mergeArgs() / fieldOfRollout()', () => {
  const ro = rollout({ annotations: { team: 'a' } });
  const r = resolveRolloutArgs([{ name: 'stable', valueFrom: { podTemplateHashValue: 'Stable' } }, { name: 'latest', valueFrom: { podTemplateHashValue: 'Latest' } }, { name: 'img', valueFrom: { fieldRef: { fieldPath: 'spec.template.spec.containers[0].image' } } }, { name: 'team', valueFrom: { fieldRef: { fieldPath: "metadata.annotations['team']" } } }],
    ro, rs({ hash: 's' }), rs({ hash: 'n' }));
  assert.deepEqual(r, { ok: true, args: [{ name: 'stable', value: 's' }, { name: 'latest', value: 'n' }, { name: 'img', value: 'argoproj/rollouts-demo:blue' }, { name: 'team', value: 'a' }] });
  assert.deepEqual(fieldOfRollout(ro, 'spec.template'), { ok: false, error: 'path spec.template in rollout must terminate in a primitive value' });
  assert.deepEqual(fieldOfRollout(ro, 'spec.template.spec.containers[4].image'), { ok: false, error: 'index 4 out of range' });
  assert.deepEqual(mergeArgs([{ name: 'x', value: '2' }, { name: 'unused', value: '9' }], [{ name: 'x', value: '1' }, { name: 'y', value: 'd' }]), { ok: true, args: [{ name: 'x', value: '2' }, { name: 'y', value: 'd' }] });
  assert.deepEqual(mergeArgs([], [{ name: 'req' }]), { ok: false, error: 'args.req was not resolved' });
});

test('buildAnalysisRun(): name, labels, annotations, ownerRef, merged spec', () => {
  const ro = rollout({ annotations: { 'rollout.argoproj.io/revision': '3' } });
  const s = snap(ro, { analysisTemplates: { t: tmpl('t', { metrics: [metric('m')], args: [{ name: 'hash' }], dryRun: [{ metricName: 'm' }] }) } });
  const built = buildAnalysisRun(s, ro, { templates: [{ templateName: 't' }], args: [{ name: 'hash', valueFrom: { podTemplateHashValue: 'Latest' } }], analysisRunMetadata: { labels: { extra: 'l' }, annotations: { note: 'n' } } },
    { type: 'Step', infix: '2', stepIndex: 2 }, rs({ hash: 'old' }), rs({ hash: 'abc' }));
  assert.ok(built.ok);
  const r = built.value;
  assert.equal(r.metadata.name, 'demo-abc-3-2');
  assert.deepEqual(r.metadata.labels, { 'rollouts-pod-template-hash': 'abc', 'rollout-type': 'Step', 'step-index': '2', extra: 'l', app: 'demo' });
  assert.deepEqual(r.metadata.annotations, { 'rollout.argoproj.io/revision': '3', note: 'n' });
  assert.deepEqual(r.metadata.ownerReferences, [{ apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', name: 'demo', uid: 'uid-ro', controller: true, blockOwnerDeletion: true }]);
  assert.deepEqual(r.spec, { metrics: [metric('m')], args: [{ name: 'hash', value: 'abc' }], dryRun: [{ metricName: 'm' }] });
});

test('startRun() adopts an equal unfinished run and suffixes the name after a finished one', () => {
  const ro = rollout({ annotations: { 'rollout.argoproj.io/revision': '2' } });
  const templates = { t: tmpl('t', { metrics: [metric('m')] }) };
  const newRS = rs({ hash: 'abc' });
  const analysis = { templates: [{ templateName: 't' }] };
  const fresh = startRun(input(ro, { newRS, analysisTemplates: templates }), analysis, { type: 'Background', infix: '' });
  assert.equal(fresh.run?.metadata.name, 'demo-abc-2');
  const done = { ...run('demo-abc-2', 'Failed'), spec: { metrics: [metric('m')], args: [] } };
  const again = startRun(input(ro, { newRS, analysisTemplates: templates, analysisRuns: [done] }), analysis, { type: 'Background', infix: '' });
  assert.equal(again.run?.metadata.name, 'demo-abc-2.1');
  const live = { ...done, status: { phase: 'Running' as const } };
  const adopted = startRun(input(ro, { newRS, analysisTemplates: templates, analysisRuns: [live] }), analysis, { type: 'Background', infix: '' });
  assert.deepEqual([adopted.run?.metadata.name, adopted.effects.actions.length], ['demo-abc-2', 0]);
});

test('needsNewAnalysisRun(): none yet; after a resumed inconclusive run; right after an abort is lifted', () => {
  const r = run('r', 'Inconclusive');
  assert.equal(needsNewAnalysisRun(undefined, input(rollout())), true);
  assert.equal(needsNewAnalysisRun(r, input(rollout({ status: { controllerPause: true } }))), true);
  assert.equal(needsNewAnalysisRun(run('r', 'Running'), input(rollout({ status: { controllerPause: true } }))), false);
  assert.equal(needsNewAnalysisRun(run('r', 'Failed'), input(rollout({ status: { abortedAt: '2025-01-01T00:00:00Z' } }))), true);
  assert.equal(needsNewAnalysisRun(run('r', 'Running'), input(rollout())), false);
});

test('runsToDelete(): orphans, and finished runs beyond the 5/5 history limits, newest kept', () => {
  const ro = rollout({ spec: { analysis: { successfulRunHistoryLimit: 1, unsuccessfulRunHistoryLimit: 1 } } });
  const h = { 'rollouts-pod-template-hash': 'v1' };
  const others = [run('s1', 'Successful', h, T0), run('s2', 'Successful', h, T0 + 1000), run('f1', 'Failed', h, T0), run('f2', 'Error', h, T0 + 1000), run('running', 'Running', h), run('orphan', 'Successful', { 'rollouts-pod-template-hash': 'gone' })];
  const names = runsToDelete(input(ro, { otherRSs: [rs({ hash: 'v1' })] }), others).map((a) => a.op === 'deleteAnalysisRun' ? a.name : '');
  assert.deepEqual(names.sort(), ['f1', 'orphan', 's1']);
});
