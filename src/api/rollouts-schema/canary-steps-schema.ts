// Schemas of a Rollout's analysis references and canary steps (argo-rollouts.md §1.5, §1.8).
import { analysisTemplateRef, dryRun, measurementRetention } from './analysis-schema.js';
import { labelSelector, labelsAndAnnotations } from './kube-schemas.js';
import { arr, map, obj } from './schema.js';
import { bool, int, intOrString, preserveUnknown, str, stringOf } from './scalars.js';

/** A Rollout-side analysis argument: a value, a pod-template hash (`Stable`/`Latest`) or a field of the Rollout. */
export const rolloutArgument = obj({
  name: str(),
  value: str(),
  valueFrom: obj({
    podTemplateHashValue: stringOf<'Stable' | 'Latest'>(),
    fieldRef: obj({ fieldPath: str() }, { required: ['fieldPath'] }),
  }),
}, { required: ['name'] });

const rolloutAnalysisFields = {
  templates: arr(analysisTemplateRef),
  args: arr(rolloutArgument),
  dryRun,
  measurementRetention,
  analysisRunMetadata: labelsAndAnnotations,
};

/** An analysis run from a step or from blue-green pre/post promotion. */
export const rolloutAnalysis = obj(rolloutAnalysisFields);

/** Background analysis of a canary (`strategy.canary.analysis`). */
export const rolloutAnalysisBackground = obj({
  ...rolloutAnalysisFields,
  startingStep: int(),
  templateName: str({
    description: 'Sluice extension: the Argo Rollouts v0.x shorthand for `templates: [{templateName: <name>}]`, kept so '
      + 'manifests written for it (such as the chapter\'s listing 5.14) still apply. Argo Rollouts >= 1.0 refuses it; prefer `templates`.',
  }),
});

const stringMatch = obj({ exact: str(), prefix: str(), regex: str() });

const experimentTemplate = obj({
  name: str(),
  specRef: stringOf<'canary' | 'stable'>(),
  replicas: int(),
  metadata: labelsAndAnnotations,
  selector: labelSelector,
  weight: int(),
  service: obj({ name: str() }),
}, { required: ['name', 'specRef'] });

const experimentStep = obj({
  templates: arr(experimentTemplate),
  duration: str(),
  analyses: arr(obj({
    name: str(),
    templateName: str(),
    clusterScope: bool(),
    args: arr(rolloutArgument),
    requiredForCompletion: bool(),
  }, { required: ['name', 'templateName'] })),
  dryRun,
  analysisRunMetadata: labelsAndAnnotations,
  scaleDownDelaySeconds: int(),
}, { required: ['templates'] });

/** One canary step: exactly one key is meant to be set (the controller reports InvalidSpec otherwise, as Argo does). */
export const canaryStep = obj({
  setWeight: int(),
  pause: obj({ duration: intOrString() }),
  experiment: experimentStep,
  analysis: rolloutAnalysis,
  setCanaryScale: obj({ weight: int(), replicas: int(), matchTrafficWeight: bool() }),
  setHeaderRoute: obj({
    name: str(),
    match: arr(obj({ headerName: str(), headerValue: stringMatch }, { required: ['headerName', 'headerValue'] })),
  }),
  setMirrorRoute: obj({
    name: str(),
    match: arr(obj({ method: stringMatch, path: stringMatch, headers: map(stringMatch) })),
    percentage: int(),
  }, { required: ['name'] }),
  plugin: obj({ name: str(), config: preserveUnknown() }, { required: ['name'] }),
});
