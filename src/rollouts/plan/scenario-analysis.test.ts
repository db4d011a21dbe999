import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnalysisTemplate, Rollout } from '../../api/rollouts-v1alpha1.js';
import { SimWorld } from './_sim-world.js';
import { T0, rollout, service } from './_fixtures.js';
import { promotePatch } from './user-operations.js';

function jobTemplate(name: string, exitCode: number): AnalysisTemplate {
  return {
    apiVersion: 'argoproj.io/v1alpha1', kind: 'AnalysisTemplate', metadata: { name, namespace: 'default' },
    spec: { metrics: [{ name, interval: '15s', failureLimit: 1, provider: { job: { spec: { template: { spec: { containers: [{ name: 'sleep', image: 'alpine:3.8', command: ['sh', '-c'], args: [`exit ${exitCode}`] }], restartPolicy: 'Never' } }, backoffLimit: 0 } } } }] },
  };
}

// The chapter's listing 5.14: background analysis, steps [setWeight 10, pause 20].
function chapterWithAnalysis(template: string): Rollout {
  return rollout({ replicas: 3, steps: [{ setWeight: 10 }, { pause: { duration: 20 } }], canary: { analysis: { templates: [{ templateName: template }] } }, spec: { revisionHistoryLimit: 1 } });
}

test('scenario: the chapter — background analysis passes: green rolls out, the run is terminated as Successful', () => {
  const w = new SimWorld(chapterWithAnalysis('pass'), T0, [service('demo-service')]);
  w.templates = { pass: jobTemplate('pass', 0), fail: jobTemplate('fail', 1) };
  w.settle();
  assert.equal(w.runs.size, 0, 'no analysis on the first deploy');
  w.setImage('argoproj/rollouts-demo:green');
  w.settle();
  assert.equal(w.rollout.status?.phase, 'Paused');
  const [run] = [...w.runs.values()];
  assert.ok(run !== undefined);
  const hash = w.rollout.status?.currentPodHash ?? '';
  assert.equal(run.metadata.name, `demo-${hash}-2`);
  assert.deepEqual(run.metadata.labels, { 'rollouts-pod-template-hash': hash, 'rollout-type': 'Background', app: 'demo' });
  assert.equal(run.metadata.annotations?.['rollout.argoproj.io/revision'], '2');
  assert.equal(run.metadata.ownerReferences?.[0]?.kind, 'Rollout');
  assert.equal(run.spec.metrics[0]?.name, 'pass');
  assert.equal(w.rollout.status?.canary?.currentBackgroundAnalysisRunStatus?.name, run.metadata.name);
  w.setRunPhase(run.metadata.name ?? '', 'Running');
  w.nowMs += 20_000;
  w.settle();
  assert.equal(w.rollout.status?.phase, 'Healthy');
  assert.deepEqual(w.replicasByImage(), { blue: 0, green: 3 });
  assert.equal(w.runs.get(run.metadata.name ?? '')?.spec.terminate, true, 'terminated at promotion');
});

test('scenario: the chapter — background analysis fails: abort, blue back to 3, green to 0', () => {
  const w = new SimWorld(chapterWithAnalysis('fail'), T0, [service('demo-service')]);
  w.templates = { fail: jobTemplate('fail', 1) };
  w.settle();
  w.setImage('argoproj/rollouts-demo:green');
  w.settle();
  const [run] = [...w.runs.values()];
  assert.ok(run !== undefined);
  w.setRunPhase(run.metadata.name ?? '', 'Failed', 'Metric "fail" assessed Failed due to failed (2) > failureLimit (1)');
  w.tick();
  assert.equal(w.rollout.status?.abort, true);
  assert.equal(w.rollout.status?.phase, 'Degraded');
  assert.equal(w.rollout.status?.message,
    'RolloutAborted: Rollout aborted update to revision 2: Background analysis phase error/failed: Metric "fail" assessed Failed due to failed (2) > failureLimit (1)');
  w.settle();
  assert.deepEqual(w.replicasByImage(), { blue: 3, green: 0 });
  assert.equal(w.rollout.status?.phase, 'Degraded');
  assert.equal(w.rollout.status?.currentStepIndex, 0);
  assert.equal(w.rollout.status?.canary?.currentBackgroundAnalysisRunStatus, undefined);
});

test('scenario: a failed step analysis with traffic routing puts all traffic back on the stable at once', () => {
  const ro = rollout({
    replicas: 4,
    steps: [{ setWeight: 25 }, { analysis: { templates: [{ templateName: 'fail' }] } }, { setWeight: 75 }],
    canary: { canaryService: 'demo-canary', stableService: 'demo-stable', trafficRouting: { nginx: { stableIngress: 'demo-ingress' } } },
  });
  const w = new SimWorld(ro, T0, [service('demo-canary'), service('demo-stable')]);
  w.templates = { fail: jobTemplate('fail', 1) };
  w.settle();
  w.setImage('argoproj/rollouts-demo:green');
  w.settle();
  assert.equal(w.traffic?.weight, 25);
  assert.equal(w.rollout.status?.currentStepIndex, 1);
  const hash = w.rollout.status?.currentPodHash ?? '';
  const run = w.runs.get(`demo-${hash}-2-1`);
  assert.ok(run !== undefined, `step run named <rollout>-<hash>-<revision>-<step>: ${[...w.runs.keys()].join(',')}`);
  assert.equal(run.metadata.labels?.['rollout-type'], 'Step');
  assert.equal(run.metadata.labels?.['step-index'], '1');
  assert.equal(w.rollout.status?.phase, 'Progressing', 'a running analysis step is not a pause');
  w.setRunPhase(run.metadata.name ?? '', 'Failed');
  const plan = w.tick();
  assert.ok(plan.actions.some((a) => a.op === 'setTrafficWeight' && a.weight === 0));
  assert.equal(w.traffic?.weight, 0);
  assert.equal(w.rollout.status?.message, 'RolloutAborted: Rollout aborted update to revision 2: Step-based analysis phase error/failed');
});

test('scenario: an inconclusive step analysis pauses; promote moves past it', () => {
  const ro = rollout({ replicas: 2, steps: [{ setWeight: 50 }, { analysis: { templates: [{ templateName: 'pass' }] } }, { setWeight: 100 }], canary: { maxSurge: 1, maxUnavailable: 0 } });
  const w = new SimWorld(ro, T0, [service('demo-service')]);
  w.templates = { pass: jobTemplate('pass', 0) };
  w.settle();
  w.setImage('argoproj/rollouts-demo:green');
  w.settle();
  const [run] = [...w.runs.values()];
  assert.ok(run !== undefined);
  w.setRunPhase(run.metadata.name ?? '', 'Inconclusive');
  w.settle();
  assert.equal(w.rollout.status?.phase, 'Paused');
  assert.equal(w.rollout.status?.message, 'InconclusiveAnalysisRun');
  assert.equal(w.runs.size, 1, 'no new run while paused on an inconclusive one');
  w.patch(promotePatch(w.rollout));
  w.settle();
  assert.equal(w.rollout.status?.phase, 'Healthy');
  assert.deepEqual(w.replicasByImage(), { blue: 0, green: 2 });
});

test('scenario: a successful step analysis advances the step', () => {
  const ro = rollout({ replicas: 2, steps: [{ setWeight: 50 }, { analysis: { templates: [{ templateName: 'pass' }], args: [{ name: 'hash', valueFrom: { podTemplateHashValue: 'Latest' } }] } }] });
  const w = new SimWorld(ro, T0, [service('demo-service')]);
  const t = jobTemplate('pass', 0);
  w.templates = { pass: { ...t, spec: { ...t.spec, args: [{ name: 'hash' }] } } };
  w.settle();
  w.setImage('argoproj/rollouts-demo:green');
  w.settle();
  const [run] = [...w.runs.values()];
  assert.ok(run !== undefined);
  assert.deepEqual(run.spec.args, [{ name: 'hash', value: w.rollout.status?.currentPodHash }]);
  w.setRunPhase(run.metadata.name ?? '', 'Successful');
  w.settle();
  assert.equal(w.rollout.status?.phase, 'Healthy');
});
