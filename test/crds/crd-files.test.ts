// The generated CRDs under deploy/crds: up to date with the schema definitions, named and printed as Argo Rollouts
// names and prints them, and strict where it matters (unknown fields are pruned and reported, except in the few
// schemaless places Argo also leaves open).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { CustomResourceDefinition } from '../../src/api/apiextensions-v1.js';
import { CRD_DIR, crdFiles } from '../../src/api/rollouts-schema/crd-files.js';
import { crdManifests } from '../../src/api/rollouts-schema/crd-manifests.js';
import type { JsonSchemaProps } from '../../src/api/rollouts-schema/json-schema-props.js';
import { repoRoot } from '../harness/fixtures.js';

const crds = crdManifests();
const byKind = (kind: string): CustomResourceDefinition => {
  const crd = crds.find((c) => c.spec.names.kind === kind);
  assert.ok(crd, kind);
  return crd;
};
const rootOf = (kind: string): JsonSchemaProps => (byKind(kind).spec.versions[0]?.schema?.openAPIV3Schema ?? {}) as JsonSchemaProps;

/** Every path (`spec.strategy.canary.steps[].plugin.config`) whose node has `flag` set. */
function pathsWith(s: JsonSchemaProps, flag: keyof JsonSchemaProps, path = ''): string[] {
  const here = s[flag] === undefined ? [] : [path];
  const props = Object.entries(s.properties ?? {}).flatMap(([k, v]) => pathsWith(v, flag, path === '' ? k : `${path}.${k}`));
  const items = s.items === undefined ? [] : pathsWith(s.items, flag, `${path}[]`);
  const values = s.additionalProperties === undefined ? [] : pathsWith(s.additionalProperties, flag, `${path}{}`);
  return [...here, ...props, ...items, ...values];
}

test('deploy/crds holds exactly what the generator writes (run `node --import tsx scripts/gen-crds.ts` after a schema change)', () => {
  const dir = join(repoRoot(), CRD_DIR);
  const files = crdFiles();
  assert.deepEqual(readdirSync(dir).filter((n) => n.endsWith('.yaml')).sort(), files.map((f) => f.name).sort());
  for (const f of files) assert.equal(readFileSync(join(dir, f.name), 'utf8'), f.text, `${f.name} is stale`);
  files.forEach((f, i) => assert.deepEqual(parse(f.text), crds[i], `${f.name} parses back to the manifest`));
});

test('names, scope and short names are Argo Rollouts\' own', () => {
  const table = crds.map((c) => [c.metadata.name, c.spec.group, c.spec.scope, c.spec.names.kind, c.spec.names.listKind, c.spec.names.singular, c.spec.names.shortNames?.join(','), c.spec.names.categories]);
  assert.deepEqual(table, [
    ['analysisruns.argoproj.io', 'argoproj.io', 'Namespaced', 'AnalysisRun', 'AnalysisRunList', 'analysisrun', 'ar', undefined],
    ['analysistemplates.argoproj.io', 'argoproj.io', 'Namespaced', 'AnalysisTemplate', 'AnalysisTemplateList', 'analysistemplate', 'at', undefined],
    ['clusteranalysistemplates.argoproj.io', 'argoproj.io', 'Cluster', 'ClusterAnalysisTemplate', 'ClusterAnalysisTemplateList', 'clusteranalysistemplate', 'cat', undefined],
    ['experiments.argoproj.io', 'argoproj.io', 'Namespaced', 'Experiment', 'ExperimentList', 'experiment', 'exp', undefined],
    ['rollouts.argoproj.io', 'argoproj.io', 'Namespaced', 'Rollout', 'RolloutList', 'rollout', 'ro', undefined],
  ]);
  for (const c of crds) assert.deepEqual(c.spec.versions.map((v) => [v.name, v.served, v.storage]), [['v1alpha1', true, true]]);
});

test('printer columns and subresources are Argo Rollouts\' own (only Rollout has status and scale)', () => {
  const columns = (kind: string): string[] => (byKind(kind).spec.versions[0]?.additionalPrinterColumns ?? []).map((c) => `${c.name}:${c.type}:${c.jsonPath}`);
  assert.deepEqual(columns('Rollout'), ['Desired:integer:.spec.replicas', 'Current:integer:.status.replicas', 'Up-to-date:integer:.status.updatedReplicas',
    'Available:integer:.status.availableReplicas', 'Age:date:.metadata.creationTimestamp']);
  assert.deepEqual(columns('AnalysisRun'), ['Status:string:.status.phase', 'Age:date:.metadata.creationTimestamp']);
  assert.deepEqual(columns('Experiment'), ['Status:string:.status.phase', 'Age:date:.metadata.creationTimestamp']);
  assert.deepEqual(columns('AnalysisTemplate'), ['Age:date:.metadata.creationTimestamp']);
  assert.deepEqual(columns('ClusterAnalysisTemplate'), ['Age:date:.metadata.creationTimestamp']);
  assert.deepEqual(byKind('Rollout').spec.versions[0]?.subresources, {
    status: {},
    scale: { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.HPAReplicas', labelSelectorPath: '.status.selector' },
  });
  for (const kind of ['AnalysisRun', 'AnalysisTemplate', 'ClusterAnalysisTemplate', 'Experiment']) assert.equal(byKind(kind).spec.versions[0]?.subresources, undefined, kind);
});

test('unknown fields are pruned everywhere except the schemaless plugin configs and JSON bodies', () => {
  const open = Object.fromEntries(['Rollout', 'AnalysisTemplate', 'AnalysisRun', 'Experiment'].map((k) => [k, pathsWith(rootOf(k), 'x-kubernetes-preserve-unknown-fields')]));
  assert.deepEqual(open, {
    Rollout: ['spec.strategy.canary.steps[].plugin.config', 'spec.strategy.canary.trafficRouting.plugins', 'status.canary.stepPluginStatuses[].status'],
    AnalysisTemplate: ['spec.metrics[].provider.web.jsonBody', 'spec.metrics[].provider.plugin'],
    AnalysisRun: ['spec.metrics[].provider.web.jsonBody', 'spec.metrics[].provider.plugin'],
    Experiment: [],
  });
});

test('the spec root and strategy are closed; pod templates are typed; gatewayAPI is a documented Sluice extension', () => {
  const spec = rootOf('Rollout').properties?.['spec'];
  const strategy = spec?.properties?.['strategy'];
  assert.equal(spec?.['x-kubernetes-preserve-unknown-fields'], undefined);
  assert.equal(strategy?.['x-kubernetes-preserve-unknown-fields'], undefined);
  assert.deepEqual(Object.keys(strategy?.properties ?? {}), ['canary', 'blueGreen']);
  assert.deepEqual(spec?.required, ['strategy']);
  assert.deepEqual(spec?.properties?.['selector']?.['x-kubernetes-validations'], [{ rule: 'self == oldSelf', message: '.spec.selector is immutable' }]);
  const container = spec?.properties?.['template']?.properties?.['spec']?.properties?.['containers']?.items;
  assert.ok(Object.keys(container?.properties ?? {}).includes('imagePullPolicy'));
  const gateway = strategy?.properties?.['canary']?.properties?.['trafficRouting']?.properties?.['gatewayAPI'];
  assert.match(gateway?.description ?? '', /^Sluice extension/);
  assert.deepEqual(Object.keys(gateway?.properties ?? {}), ['httpRoute', 'httpRoutes', 'grpcRoute', 'grpcRoutes', 'tcpRoute', 'tcpRoutes', 'tlsRoute', 'tlsRoutes', 'namespace']);
  const background = strategy?.properties?.['canary']?.properties?.['analysis'];
  assert.match(background?.properties?.['templateName']?.description ?? '', /^Sluice extension/);
});

test('each CRD stays small enough for client-side `kubectl apply` (last-applied annotation ≤ 256 KiB)', () => {
  for (const c of crds) assert.ok(JSON.stringify(c).length < 200 * 1024, `${c.metadata.name}: ${JSON.stringify(c).length} bytes`);
});
