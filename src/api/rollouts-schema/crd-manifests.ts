// The five argoproj.io/v1alpha1 CustomResourceDefinitions, named, scoped and printed exactly as Argo Rollouts
// defines them (argo-rollouts.md §1.1), with schemas from this folder's definitions.
import type { CrdPrinterColumn, CrdVersion, CustomResourceDefinition } from '../apiextensions-v1.js';
import { analysisRunSpec, analysisRunStatus, analysisTemplateSpec } from './analysis-schema.js';
import { experimentSpec, experimentStatus } from './experiment-schema.js';
import { orderedSchema, type JsonSchemaProps } from './json-schema-props.js';
import { rolloutSpec } from './rollout-spec-schema.js';
import { rolloutStatus } from './rollout-status-schema.js';
import type { Schema } from './schema.js';

/** What differs between the five CRDs. */
export interface CrdDefinition {
  kind: 'Rollout' | 'AnalysisTemplate' | 'ClusterAnalysisTemplate' | 'AnalysisRun' | 'Experiment';
  plural: string;
  shortName: string;
  scope: 'Namespaced' | 'Cluster';
  description: string;
  spec: Schema<unknown>;
  status?: Schema<unknown>;
  columns: CrdPrinterColumn[];
  subresources?: CrdVersion['subresources'];
}

const AGE: CrdPrinterColumn = { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp', description: 'Time since the object was created' };
const STATUS: CrdPrinterColumn = { name: 'Status', type: 'string', jsonPath: '.status.phase', description: 'Phase of the run' };

/** The five kinds, in the order Argo's install.yaml lists them. */
export const CRD_DEFINITIONS: readonly CrdDefinition[] = [
  {
    kind: 'AnalysisRun', plural: 'analysisruns', shortName: 'ar', scope: 'Namespaced',
    description: 'AnalysisRun: one execution of the metrics of one or more analysis templates.',
    spec: analysisRunSpec, status: analysisRunStatus, columns: [STATUS, AGE],
  },
  {
    kind: 'AnalysisTemplate', plural: 'analysistemplates', shortName: 'at', scope: 'Namespaced',
    description: 'AnalysisTemplate: metrics, arguments and success/failure conditions that AnalysisRuns are made from.',
    spec: analysisTemplateSpec, columns: [AGE],
  },
  {
    kind: 'ClusterAnalysisTemplate', plural: 'clusteranalysistemplates', shortName: 'cat', scope: 'Cluster',
    description: 'ClusterAnalysisTemplate: an AnalysisTemplate that Rollouts in every namespace may use.',
    spec: analysisTemplateSpec, columns: [AGE],
  },
  {
    kind: 'Experiment', plural: 'experiments', shortName: 'exp', scope: 'Namespaced',
    description: 'Experiment: ReplicaSets of one or more pod templates run side by side for a while, with analyses.',
    spec: experimentSpec, status: experimentStatus, columns: [{ ...STATUS, description: 'Phase of the experiment' }, AGE],
  },
  {
    kind: 'Rollout', plural: 'rollouts', shortName: 'ro', scope: 'Namespaced',
    description: 'Rollout: a Deployment replacement that updates pods by a canary or blue-green strategy.',
    spec: rolloutSpec, status: rolloutStatus,
    columns: [
      { name: 'Desired', type: 'integer', jsonPath: '.spec.replicas', description: 'Number of pods wanted' },
      { name: 'Current', type: 'integer', jsonPath: '.status.replicas', description: 'Pods of all revisions that are not terminating' },
      { name: 'Up-to-date', type: 'integer', jsonPath: '.status.updatedReplicas', description: 'Pods running the current template' },
      { name: 'Available', type: 'integer', jsonPath: '.status.availableReplicas', description: 'Pods ready for at least minReadySeconds' },
      AGE,
    ],
    subresources: {
      status: {},
      scale: { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.HPAReplicas', labelSelectorPath: '.status.selector' },
    },
  },
];

/** The `openAPIV3Schema` of a kind: a resource root with a required `spec` and (if the kind has one) a `status`. */
export function rootSchema(d: Readonly<CrdDefinition>): JsonSchemaProps {
  const properties: Record<string, JsonSchemaProps> = {
    apiVersion: { type: 'string' },
    kind: { type: 'string' },
    metadata: { type: 'object' },
    spec: d.spec.json,
  };
  if (d.status !== undefined) properties['status'] = d.status.json;
  return orderedSchema({ description: d.description, type: 'object', required: ['spec'], properties });
}

/** One CustomResourceDefinition. */
export function crdManifest(d: Readonly<CrdDefinition>): CustomResourceDefinition {
  const version: CrdVersion = {
    name: 'v1alpha1',
    served: true,
    storage: true,
    additionalPrinterColumns: d.columns,
    schema: { openAPIV3Schema: rootSchema(d) },
    ...(d.subresources === undefined ? {} : { subresources: d.subresources }),
  };
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${d.plural}.argoproj.io`, labels: { 'app.kubernetes.io/part-of': 'sluice' } },
    spec: {
      group: 'argoproj.io',
      scope: d.scope,
      names: { kind: d.kind, listKind: `${d.kind}List`, plural: d.plural, singular: d.kind.toLowerCase(), shortNames: [d.shortName] },
      versions: [version],
    },
  };
}

/** The five CustomResourceDefinitions of argoproj.io/v1alpha1. */
export function crdManifests(): CustomResourceDefinition[] {
  return CRD_DEFINITIONS.map(crdManifest);
}
