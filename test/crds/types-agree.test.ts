// Compile-time proof that the CRD schemas (src/api/rollouts-schema) and the hand-written wire types
// (src/api/rollouts-*.ts) describe the same values: for every kind's spec and status, the schema's Static type is
// *equal* to the interface — same fields, same optionality, same field types, all the way down. `tsc` fails the build
// when they drift (a field added to one side only, a field made optional on one side, a type changed). The runtime
// test below only exists so the file shows up in the test run.
//
// Where the code deliberately sees a looser type than the CRD enforces, the schema says so explicitly:
// `podTemplate` / `jobSpec` (typed by Kubernetes' models, seen as core-v1 PodTemplateSpec / a JSON object) and
// `opaque(...)` for parts Sluice stores but does not interpret (kayenta, datadog, cloudWatch, appMesh, ALB status…).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LabelSelector } from '../../src/api/label-selector.js';
import type {
  AnalysisRunSpec, AnalysisRunStatus, AnalysisTemplateSpec, Argument, BlueGreenStrategy, CanaryStep, CanaryStrategy,
  ExperimentSpec, ExperimentStatus, GatewayAPITrafficRouting, Metric, MetricProvider, RolloutAnalysis,
  RolloutAnalysisBackground, RolloutSpec, RolloutStatus, RolloutTrafficRouting,
} from '../../src/api/rollouts-v1alpha1.js';
import type { analysisRunSpec, analysisRunStatus, analysisTemplateSpec, argument, metric } from '../../src/api/rollouts-schema/analysis-schema.js';
import type { canaryStep, rolloutAnalysis, rolloutAnalysisBackground } from '../../src/api/rollouts-schema/canary-steps-schema.js';
import type { experimentSpec, experimentStatus } from '../../src/api/rollouts-schema/experiment-schema.js';
import type { labelSelector } from '../../src/api/rollouts-schema/kube-schemas.js';
import type { metricProvider } from '../../src/api/rollouts-schema/metric-providers.js';
import type { blueGreenStrategy, canaryStrategy, rolloutSpec } from '../../src/api/rollouts-schema/rollout-spec-schema.js';
import type { rolloutStatus } from '../../src/api/rollouts-schema/rollout-status-schema.js';
import type { Static } from '../../src/api/rollouts-schema/schema.js';
import type { gatewayAPI, trafficRouting } from '../../src/api/rollouts-schema/traffic-routing-schema.js';

/** Rewrites interfaces and intersections into plain object types, recursively, so that only structure is compared. */
type Normalize<T> = T extends object ? { [K in keyof T]: Normalize<T[K]> } : T;
/** Type identity (not mere assignability): optional vs required and extra optional fields all count. */
type Equal<A, B> = (<T>() => T extends Normalize<A> ? 1 : 2) extends (<T>() => T extends Normalize<B> ? 1 : 2) ? true : false;
type Expect<T extends true> = T;
type NotEqual<A, B> = Equal<A, B> extends true ? false : true;

/** The agreements, one per kind part; the smaller pieces first so a failure points near the drift. */
export type Agreements = [
  Expect<Equal<Static<typeof labelSelector>, LabelSelector>>,
  Expect<Equal<Static<typeof argument>, Argument>>,
  Expect<Equal<Static<typeof metricProvider>, MetricProvider>>,
  Expect<Equal<Static<typeof metric>, Metric>>,
  Expect<Equal<Static<typeof analysisTemplateSpec>, AnalysisTemplateSpec>>,
  Expect<Equal<Static<typeof analysisRunSpec>, AnalysisRunSpec>>,
  Expect<Equal<Static<typeof analysisRunStatus>, AnalysisRunStatus>>,
  Expect<Equal<Static<typeof rolloutAnalysis>, RolloutAnalysis>>,
  Expect<Equal<Static<typeof rolloutAnalysisBackground>, RolloutAnalysisBackground>>,
  Expect<Equal<Static<typeof canaryStep>, CanaryStep>>,
  Expect<Equal<Static<typeof gatewayAPI>, GatewayAPITrafficRouting>>,
  Expect<Equal<Static<typeof trafficRouting>, RolloutTrafficRouting>>,
  Expect<Equal<Static<typeof canaryStrategy>, CanaryStrategy>>,
  Expect<Equal<Static<typeof blueGreenStrategy>, BlueGreenStrategy>>,
  Expect<Equal<Static<typeof rolloutSpec>, RolloutSpec>>,
  Expect<Equal<Static<typeof rolloutStatus>, RolloutStatus>>,
  Expect<Equal<Static<typeof experimentSpec>, ExperimentSpec>>,
  Expect<Equal<Static<typeof experimentStatus>, ExperimentStatus>>,
];

/** The comparison is strict enough to catch the usual drifts (these must stay "not equal"). */
export type Sensitivity = [
  Expect<NotEqual<{ a?: string }, { a: string }>>,
  Expect<NotEqual<{ a: string; b?: number }, { a: string }>>,
  Expect<NotEqual<{ a: string[] }, { a: (string | number)[] }>>,
  Expect<NotEqual<{ a: { b?: 'x' | 'y' } }, { a: { b?: 'x' } }>>,
  Expect<NotEqual<RolloutSpec, Omit<RolloutSpec, 'paused'>>>,
  Expect<Equal<{ a: { b: string } & { c?: number } }, { a: { b: string; c?: number } }>>,
];

test('the schema Static types equal the wire interfaces (checked by tsc when this file compiles)', () => {
  const checked: Agreements['length'] = 18;
  assert.equal(checked, 18);
});
