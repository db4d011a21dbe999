import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Rollout } from '../../api/rollouts-v1alpha1.js';
import { formatArgoFieldError, validateRollout } from './validate-rollout.js';
import { validateReferences } from './validate-references.js';
import { planRollout } from './plan-rollout.js';
import { T0, rollout, service } from './_fixtures.js';

const first = (ro: Rollout): string | undefined => {
  const e = validateRollout(ro)[0];
  return e === undefined ? undefined : formatArgoFieldError(e);
};

// [name, rollout, the first error exactly as Argo words it]
const rows: [string, Rollout, string | undefined][] = [
  ['valid canary', rollout({ steps: [{ setWeight: 20 }, { pause: {} }] }), undefined],
  ['valid blue-green', rollout({ blueGreen: { previewService: 'p' } }), undefined],
  ['setWeight above 100', rollout({ steps: [{ setWeight: 120 }] }), 'spec.strategy.steps[0].setWeight: Invalid value: 120: SetWeight needs to be between 0 and 100'],
  ['setWeight below 0', rollout({ steps: [{ pause: {} }, { setWeight: -1 }] }), 'spec.strategy.steps[1].setWeight: Invalid value: -1: SetWeight needs to be between 0 and 100'],
  ['setWeight above maxTrafficWeight', rollout({ steps: [{ setWeight: 300 }], canary: { canaryService: 'c', stableService: 's', trafficRouting: { nginx: { stableIngress: 'i' }, maxTrafficWeight: 200 } } }),
    'spec.strategy.steps[0].setWeight: Invalid value: 300: SetWeight needs to be between 0 and 200'],
  ['maxSurge and maxUnavailable both 0', rollout({ canary: { maxSurge: 0, maxUnavailable: 0 } }), 'spec.strategy.maxSurge: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: MaxSurge and MaxUnavailable both can not be zero'],
  ['maxSurge "0%" and maxUnavailable 0', rollout({ canary: { maxSurge: '0%', maxUnavailable: 0 } }), 'spec.strategy.maxSurge: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"0%"}: MaxSurge and MaxUnavailable both can not be zero'],
  ['step with no action', rollout({ steps: [{}] }), 'spec.strategy.steps[0]: Invalid value: "step.Experiment: true step.Pause: true step.SetWeight: true step.Analysis: true step.SetCanaryScale: true step.SetHeaderRoute: true step.SetMirrorRoute: true step.Plugin: true": Step must have one of the following set: experiment, setWeight, setCanaryScale, plugin or pause'],
  ['step with two actions', rollout({ steps: [{ setWeight: 10, pause: {} }] }), 'spec.strategy.steps[0]: Invalid value: "step.Experiment: false step.Pause: true step.SetWeight: true step.Analysis: false": Step must have one of the following set: experiment, setWeight, setCanaryScale, plugin or pause'],
  ['invalid pause duration', rollout({ steps: [{ pause: { duration: 'soon' } }] }), 'spec.strategy.steps[0].pause.duration: Invalid value: -1: Duration needs to be greater than 0'],
  ['scaleDownDelaySeconds without trafficRouting', rollout({ canary: { scaleDownDelaySeconds: 30 } }), 'spec.strategy.scaleDownDelaySeconds: Invalid value: 30: Canary scaleDownDelaySeconds can only be used with traffic routing'],
  ['dynamicStableScale without trafficRouting', rollout({ canary: { dynamicStableScale: true } }), 'spec.strategy.dynamicStableScale: Invalid value: true: Canary dynamicStableScale can only be used with traffic routing'],
  ['same stable and canary service', rollout({ canary: { canaryService: 'svc', stableService: 'svc' } }), 'spec.strategy.stableService: Invalid value: "svc": This rollout uses the same service for the stable and canary services, but two different services are required.'],
  ['same active and preview service', rollout({ blueGreen: { activeService: 'svc', previewService: 'svc' } }), 'spec.strategy.activeService: Invalid value: "svc": This rollout uses the same service for the active and preview services, but two different services are required.'],
  ['selector does not match template labels', rollout({ spec: { selector: { matchLabels: { app: 'other' } } } }), 'spec.template.metadata.labels: Invalid value: map[string]string{"app":"demo"}: `selector` does not match template `labels`'],
  ['empty selector', rollout({ spec: { selector: {} } }), 'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment'],
  ['no strategy', rollout({ spec: { strategy: {} } }), "spec.strategy.strategy: Required value: Rollout has missing field '.spec.strategy.canary or .spec.strategy.blueGreen'"],
  ['two strategies', rollout({ spec: { strategy: { canary: {}, blueGreen: { activeService: 'a' } } } }), 'spec.strategy.strategy: Invalid value: "blueGreen: true canary: true": Multiple Strategies can not be listed'],
  ['progressDeadlineSeconds not above minReadySeconds', rollout({ spec: { minReadySeconds: 30, progressDeadlineSeconds: 30 } }), 'spec.progressDeadlineSeconds: Invalid value: 30: must be greater than minReadySeconds'],
  ['trafficRouting without services', rollout({ canary: { trafficRouting: { nginx: { stableIngress: 'i' } } } }), 'spec.strategy.stableService: Invalid value: "": Canary service and Stable service must to be set to use Traffic Routing'],
  ['setCanaryScale without trafficRouting', rollout({ steps: [{ setCanaryScale: { replicas: 1 } }] }), 'spec.strategy.trafficRouting: Required value: SetCanaryScale requires TrafficRouting to be set'],
  ['maxTrafficWeight with Istio', rollout({ canary: { canaryService: 'c', stableService: 's', trafficRouting: { istio: { virtualService: { name: 'vs' } }, maxTrafficWeight: 1000 } } }),
    'spec.strategy.trafficRouting.maxTrafficWeight: Invalid value: 1000: Canary maxTrafficWeight in traffic routing only supported in Nginx and Plugins'],
  ['maxTrafficWeight with Sluice Gateway API', rollout({ canary: { canaryService: 'c', stableService: 's', trafficRouting: { gatewayAPI: { httpRoute: 'r' }, maxTrafficWeight: 1000 } } }), undefined],
  ['scaleDownDelayRevisionLimit above revisionHistoryLimit', rollout({ blueGreen: { scaleDownDelayRevisionLimit: 3 }, spec: { revisionHistoryLimit: 2 } }),
    "spec.strategy.scaleDownDelayRevisionLimit: Invalid value: 3: This rollout's revision history limit can not be smaller than the rollout's scale down limit"],
  ['antiAffinity with both kinds', rollout({ canary: { antiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: { weight: 10 }, requiredDuringSchedulingIgnoredDuringExecution: {} } } }),
    'spec.strategy.antiAffinity: Invalid value: "antiAffinity.PreferredDuringSchedulingIgnoredDuringExecution: true antiAffinity.RequiredDuringSchedulingIgnoredDuringExecution: true": AntiAffinity must have exactly one strategy listed'],
  ['header route not in managedRoutes', rollout({ steps: [{ setHeaderRoute: { name: 'h', match: [{ headerName: 'x', headerValue: { exact: 'y' } }] } }], canary: { canaryService: 'c', stableService: 's', trafficRouting: { istio: { virtualService: { name: 'vs' } }, managedRoutes: [{ name: 'other' }] } } }),
    'spec.strategy.steps[0].setHeaderRoute: Invalid value: "h": Steps define a route that does not exist in spec.strategy.canary.trafficRouting.managedRoutes'],
  ['experiment steps are refused by Sluice', rollout({ steps: [{ experiment: { templates: [{ name: 'a', specRef: 'canary' }] } }] }), 'spec.strategy.steps[0].experiment: Forbidden: experiment steps are not supported by Sluice yet'],
];

for (const [name, ro, want] of rows) {
  test(`validateRollout(): ${name}`, () => assert.equal(first(ro), want));
}

test('validateRollout() reports every error, not just the first', () => {
  const errs = validateRollout(rollout({ steps: [{ setWeight: 120 }, {}], canary: { maxSurge: 0, maxUnavailable: 0, scaleDownDelaySeconds: 5 } }));
  assert.deepEqual(errs.map((e) => e.field), ['spec.strategy.maxSurge', 'spec.strategy.scaleDownDelaySeconds', 'spec.strategy.steps[0].setWeight', 'spec.strategy.steps[1]']);
});

test('validateReferences(): missing Services and templates, foreign Services, unmatched labels', () => {
  const base = { rollout: rollout({ steps: [{ analysis: { templates: [{ templateName: 'nope' }] } }], canary: { canaryService: 'c', stableService: 's' } }), otherRSs: [], analysisRuns: [], analysisTemplates: {}, clusterAnalysisTemplates: {} };
  const msgs = (services: Record<string, ReturnType<typeof service>>) => validateReferences({ ...base, services }).map(formatArgoFieldError);
  assert.deepEqual(msgs({}), [
    'spec.strategy.canary.stableService: Invalid value: "s": services "s" not found',
    'spec.strategy.canary.canaryService: Invalid value: "c": services "c" not found',
    'spec.strategy.canary.steps[0].analysis.templates: Invalid value: "nope": AnalysisTemplate \'nope\' not found',
  ]);
  const other = service('s', undefined, 'someone-else');
  const odd = { ...service('c'), spec: { selector: { app: 'demo', tier: 'web' } } };
  assert.deepEqual(msgs({ s: other, c: odd }).slice(1), [
    'spec.strategy.canary.stableService: Invalid value: "s": Service "s" is managed by another Rollout',
    'spec.strategy.canary.canaryService: Invalid value: "c": Service "c" has unmatch label "tier" in rollout',
  ]);
});

test('planRollout() on an invalid spec writes only InvalidSpec (Degraded) and looks again in 20 s', () => {
  const ro = rollout({ steps: [{ setWeight: 120 }] });
  const plan = planRollout({ rollout: ro, otherRSs: [], services: {}, analysisRuns: [], analysisTemplates: {}, clusterAnalysisTemplates: {} }, T0);
  assert.deepEqual(plan.actions, []);
  assert.equal(plan.requeueAfterMs, 20_000);
  assert.equal(plan.status.phase, 'Degraded');
  assert.equal(plan.status.message, 'InvalidSpec: The Rollout "demo" is invalid: spec.strategy.steps[0].setWeight: Invalid value: 120: SetWeight needs to be between 0 and 100');
  const cond = plan.status.conditions?.find((c) => c.type === 'InvalidSpec');
  assert.equal(cond?.reason, 'InvalidSpec');
  assert.equal(plan.status.observedGeneration, '1');
});
