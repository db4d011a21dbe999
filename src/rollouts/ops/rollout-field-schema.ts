// The field schema of argoproj.io/v1alpha1 Rollout (pkg/apis/rollouts/v1alpha1/types.go, json tags), plus Sluice's
// `trafficRouting.gatewayAPI`. Pod templates and label selectors are Kubernetes models.
import type { FieldSchema, LeafKind } from './field-schema.js';

const leaf = (kind: LeafKind): FieldSchema => ({ t: 'leaf', kind });
const obj = (fields: Record<string, FieldSchema>): FieldSchema => ({ t: 'object', fields });
const arr = (items: FieldSchema): FieldSchema => ({ t: 'array', items });
const model = (name: string): FieldSchema => ({ t: 'model', name });
const S = leaf('string');
const I = leaf('int');
const B = leaf('bool');
const IS = leaf('intOrString');
const ANY = leaf('any');
const STRINGS = arr(S);
const STRING_MAP: FieldSchema = { t: 'map', values: S };

const metadataMap = obj({ labels: STRING_MAP, annotations: STRING_MAP });
const stringMatch = obj({ exact: S, prefix: S, regex: S });
const argument = obj({ name: S, value: S, valueFrom: obj({ podTemplateHashValue: S, fieldRef: obj({ fieldPath: S }) }) });
const dryRun = arr(obj({ metricName: S }));
const analysisFields = {
  templates: arr(obj({ templateName: S, clusterScope: B })),
  args: arr(argument),
  dryRun,
  measurementRetention: arr(obj({ metricName: S, limit: I })),
  analysisRunMetadata: metadataMap,
};
const analysis = obj(analysisFields);
const backgroundAnalysis = obj({
  ...analysisFields,
  startingStep: I,
  templateName: {
    t: 'deprecated',
    hint: 'Argo Rollouts v0.x form: Sluice reads it as "templates: [{templateName: …}]", Argo Rollouts 1.x refuses it',
  },
});
const antiAffinity = obj({
  preferredDuringSchedulingIgnoredDuringExecution: obj({ weight: I }),
  requiredDuringSchedulingIgnoredDuringExecution: obj({}),
});

const experimentStep = obj({
  templates: arr(obj({ name: S, specRef: S, replicas: I, metadata: metadataMap, selector: model('V1LabelSelector'), weight: I, service: obj({ name: S }) })),
  duration: IS,
  analyses: arr(obj({ name: S, templateName: S, clusterScope: B, args: arr(argument), requiredForCompletion: B })),
  dryRun,
  analysisRunMetadata: metadataMap,
  scaleDownDelaySeconds: I,
});

const step = obj({
  setWeight: I,
  pause: obj({ duration: IS }),
  experiment: experimentStep,
  analysis,
  setCanaryScale: obj({ weight: I, replicas: I, matchTrafficWeight: B }),
  setHeaderRoute: obj({ name: S, match: arr(obj({ headerName: S, headerValue: stringMatch })) }),
  setMirrorRoute: obj({ name: S, match: arr(obj({ method: stringMatch, path: stringMatch, headers: { t: 'map', values: stringMatch } })), percentage: I }),
  plugin: obj({ name: S, config: ANY }),
});

const istioVirtualService = obj({ name: S, routes: STRINGS, tlsRoutes: arr(obj({ port: I, sniHosts: STRINGS })), tcpRoutes: arr(obj({ port: I })) });
const gatewayRoutes = arr(obj({ name: S, useHeaderRoutes: B }));
const trafficRouting = obj({
  istio: obj({ virtualService: istioVirtualService, virtualServices: arr(istioVirtualService), destinationRule: obj({ name: S, canarySubsetName: S, stableSubsetName: S, additionalSubsetNames: STRINGS }) }),
  nginx: obj({ annotationPrefix: S, stableIngress: S, stableIngresses: STRINGS, additionalIngressAnnotations: STRING_MAP, canaryIngressAnnotations: STRING_MAP }),
  alb: obj({ ingress: S, ingresses: STRINGS, servicePort: I, rootService: S, annotationPrefix: S, stickinessConfig: obj({ enabled: B, durationSeconds: I }) }),
  smi: obj({ rootService: S, trafficSplitName: S }),
  ambassador: obj({ mappings: STRINGS }),
  appMesh: obj({ virtualService: obj({ name: S, routes: STRINGS }), virtualNodeGroup: obj({ canaryVirtualNodeRef: obj({ name: S }), stableVirtualNodeRef: obj({ name: S }) }) }),
  traefik: obj({ weightedTraefikServiceName: S }),
  apisix: obj({ route: obj({ name: S, rules: STRINGS }) }),
  gatewayAPI: obj({ httpRoute: S, httpRoutes: gatewayRoutes, grpcRoute: S, grpcRoutes: gatewayRoutes, tcpRoute: S, tcpRoutes: gatewayRoutes, tlsRoute: S, tlsRoutes: gatewayRoutes, namespace: S }),
  managedRoutes: arr(obj({ name: S })),
  plugins: { t: 'map', values: ANY },
  maxTrafficWeight: I,
});

const canary = obj({
  canaryService: S, stableService: S, steps: arr(step), trafficRouting, maxUnavailable: IS, maxSurge: IS,
  analysis: backgroundAnalysis, antiAffinity, canaryMetadata: metadataMap, stableMetadata: metadataMap,
  scaleDownDelaySeconds: I, scaleDownDelayRevisionLimit: I, abortScaleDownDelaySeconds: I, dynamicStableScale: B,
  pingPong: obj({ pingService: S, pongService: S }), minPodsPerReplicaSet: I,
  replicaProgressThreshold: obj({ type: S, value: I }),
});

const blueGreen = obj({
  activeService: S, previewService: S, previewReplicaCount: I, autoPromotionEnabled: B, autoPromotionSeconds: I,
  maxUnavailable: IS, scaleDownDelaySeconds: I, scaleDownDelayRevisionLimit: I, prePromotionAnalysis: analysis,
  postPromotionAnalysis: analysis, antiAffinity, previewMetadata: metadataMap, activeMetadata: metadataMap,
  abortScaleDownDelaySeconds: I,
});

/** The Rollout spec. */
export const ROLLOUT_SPEC_SCHEMA: FieldSchema = obj({
  replicas: I,
  selector: model('V1LabelSelector'),
  template: model('V1PodTemplateSpec'),
  workloadRef: obj({ apiVersion: S, kind: S, name: S, scaleDown: S }),
  minReadySeconds: I,
  rollbackWindow: obj({ revisions: I }),
  strategy: obj({ blueGreen, canary }),
  revisionHistoryLimit: I,
  paused: B,
  progressDeadlineSeconds: I,
  progressDeadlineAbort: B,
  restartAt: S,
  analysis: obj({ successfulRunHistoryLimit: I, unsuccessfulRunHistoryLimit: I }),
});

/** A whole Rollout object; `status` is not checked (the controller owns it). */
export const ROLLOUT_SCHEMA: FieldSchema = obj({
  apiVersion: S, kind: S, metadata: model('V1ObjectMeta'), spec: ROLLOUT_SPEC_SCHEMA, status: ANY,
});
