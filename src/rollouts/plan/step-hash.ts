// status.currentStepHash: FNV-32a over Go's json.Marshal of the canary steps, printed in decimal and safe-encoded
// (conditions.ComputeStepHash). The schema below reproduces Argo's struct field order and omitempty tags, so the
// hash equals the one Argo writes and a controller swap does not restart rollouts at step 0.
import type { CanaryStep } from '../../api/rollouts-v1alpha1.js';
import { fnv32a, safeEncode } from '../../lib/hash.js';
import { type GoSchema, goMarshal } from './go-json.js';
import type { RO } from './rollout-defaults.js';

const strMap: GoSchema = { map: 'string' };
const stringMatch: GoSchema = { struct: [['exact', 'string', true], ['prefix', 'string', true], ['regex', 'string', true]] };
const metadata: GoSchema = { struct: [['labels', strMap, true], ['annotations', strMap, true]] };
const labelSelector: GoSchema = {
  struct: [
    ['matchLabels', strMap, true],
    ['matchExpressions', { slice: { struct: [['key', 'string'], ['operator', 'string'], ['values', { slice: 'string' }, true]] } }, true],
  ],
};
const arg: GoSchema = {
  struct: [
    ['name', 'string'],
    ['value', 'string', true],
    ['valueFrom', { ptr: { struct: [['podTemplateHashValue', { ptr: 'string' }, true], ['fieldRef', { ptr: { struct: [['fieldPath', 'string']] } }, true]] } }, true],
  ],
};
const dryRun: GoSchema = { slice: { struct: [['metricName', 'string']] } };
const analysis: GoSchema = {
  struct: [
    ['templates', { slice: { struct: [['templateName', 'string'], ['clusterScope', { ptr: 'bool' }, true]] } }, true],
    ['args', { slice: arg }, true],
    ['dryRun', dryRun, true],
    ['measurementRetention', { slice: { struct: [['metricName', 'string'], ['limit', 'int']] } }, true],
    ['analysisRunMetadata', { ptr: metadata }, true],
  ],
};
const experiment: GoSchema = {
  struct: [
    ['templates', { slice: { struct: [
      ['name', 'string'], ['specRef', 'string'], ['replicas', { ptr: 'int' }, true], ['metadata', metadata, true],
      ['selector', { ptr: labelSelector }, true], ['weight', { ptr: 'int' }, true], ['service', { ptr: { struct: [['name', 'string', true]] } }, true],
    ] } }],
    ['duration', 'string', true],
    ['analyses', { slice: { struct: [
      ['name', 'string'], ['templateName', 'string'], ['clusterScope', { ptr: 'bool' }, true], ['args', { slice: arg }, true],
      ['requiredForCompletion', 'bool', true],
    ] } }, true],
    ['dryRun', dryRun, true],
    ['analysisRunMetadata', metadata, true],
    ['scaleDownDelaySeconds', { ptr: 'int' }, true],
  ],
};
const routeMatch: GoSchema = { struct: [['method', { ptr: stringMatch }, true], ['path', { ptr: stringMatch }, true], ['headers', { map: stringMatch }, true]] };
const stepSchema: GoSchema = {
  struct: [
    ['setWeight', { ptr: 'int' }, true],
    ['pause', { ptr: { struct: [['duration', { ptr: 'intOrString' }, true]] } }, true],
    ['experiment', { ptr: experiment }, true],
    ['analysis', { ptr: analysis }, true],
    ['setCanaryScale', { ptr: { struct: [['weight', { ptr: 'int' }, true], ['replicas', { ptr: 'int' }, true], ['matchTrafficWeight', 'bool', true]] } }, true],
    ['setHeaderRoute', { ptr: { struct: [['name', 'string', true], ['match', { slice: { struct: [['headerName', 'string'], ['headerValue', { ptr: stringMatch }]] } }, true]] } }, true],
    ['setMirrorRoute', { ptr: { struct: [['name', 'string'], ['match', { slice: routeMatch }, true], ['percentage', { ptr: 'int' }, true]] } }, true],
    ['plugin', { ptr: { struct: [['name', 'string'], ['config', 'raw', true]] } }, true],
  ],
};

/** Go's json.Marshal of a step list (`null` for none). `[{setWeight: 20}, {pause: {}}]` → `[{"setWeight":20},{"pause":{}}]`. */
export function marshalSteps(steps: readonly CanaryStep[] | undefined): string {
  return goMarshal(steps, { slice: stepSchema });
}

/** The safe-encoded decimal FNV-32a of a string's UTF-8 bytes (how Argo names hashes). */
export function safeHash(text: string): string {
  return safeEncode(String(fnv32a(new TextEncoder().encode(text))));
}

/** `status.currentStepHash` for a Rollout: '' for blue-green. */
export function computeStepHash(ro: RO): string {
  const canary = ro.spec.strategy.canary;
  if (ro.spec.strategy.blueGreen !== undefined || canary === undefined) return '';
  return safeHash(marshalSteps(canary.steps));
}
