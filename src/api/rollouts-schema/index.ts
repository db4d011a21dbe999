// Public surface of the argoproj.io/v1alpha1 schema definitions: the builder, the per-kind schemas and the CRDs.
export { arr, lazy, map, obj, schemaOf, type ArrayOptions, type CommonOptions, type ObjectOptions, type ObjectStatic, type Properties, type Schema, type Simplify, type Static } from './schema.js';
export { bool, embedded, emptyObj, enumOf, int, int64, intOrString, opaque, preserveUnknown, str, stringOf, time, type IntegerOptions, type StringOptions } from './scalars.js';
export type { JsonSchemaProps, ValidationRule } from './json-schema-props.js';
export { analysisRunSpec, analysisRunStatus, analysisTemplateSpec } from './analysis-schema.js';
export { experimentSpec, experimentStatus } from './experiment-schema.js';
export { rolloutSpec } from './rollout-spec-schema.js';
export { rolloutStatus } from './rollout-status-schema.js';
export { CRD_DEFINITIONS, crdManifest, crdManifests, type CrdDefinition } from './crd-manifests.js';
export { CRD_DIR, crdFileName, crdFiles, type GeneratedFile } from './crd-files.js';
