// argoproj.io/v1alpha1 Rollout wire types (argo-rollouts.md §1.3–§1.10), field for field as Argo defines them,
// plus one Sluice addition: `trafficRouting.gatewayAPI` (a first-class Gateway API router, see below).
// The analysis and experiment kinds live in rollouts-analysis.ts / rollouts-experiment.ts and are re-exported here.
import type { KubeObject, Time } from './meta.js';
import type { LabelSelector } from './label-selector.js';
import type { PodTemplateSpec } from './core-v1.js';
import type { IntOrPercent } from './int-or-percent.js';
import type { AnalysisTemplateRef, DryRun, DurationString, MeasurementRetention } from './rollouts-analysis.js';
import type { RolloutStatus } from './rollouts-status.js';

export * from './rollouts-constants.js';
export type * from './rollouts-analysis.js';
export type * from './rollouts-experiment.js';
export * from './rollouts-gateway-api.js';
export type * from './rollouts-status.js';

/** Labels and annotations injected into pods of one role (canary, stable, active, preview). */
export interface PodTemplateMetadata {
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

/** A Rollout-side analysis argument: a literal, a pod-template hash, or a field of the Rollout. */
export interface AnalysisRunArgument {
  name: string;
  value?: string;
  valueFrom?: { podTemplateHashValue?: 'Stable' | 'Latest'; fieldRef?: { fieldPath: string } };
}

/** An analysis attached to a step, the background, or blue-green pre/post promotion. */
export interface RolloutAnalysis {
  templates?: AnalysisTemplateRef[];
  args?: AnalysisRunArgument[];
  dryRun?: DryRun[];
  measurementRetention?: MeasurementRetention[];
  analysisRunMetadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
}

/** Background analysis: starts with the update, or at `startingStep`. */
export interface RolloutAnalysisBackground extends RolloutAnalysis {
  startingStep?: number;
  /**
   * Sluice extension: Argo Rollouts v0.x shorthand for `templates: [{ templateName }]` (the chapter's listing 5.14
   * uses it). Argo >= 1.0 refuses it. Means the same as one more `templates` entry `{ templateName }`.
   */
  templateName?: string;
}

export interface StringMatch { exact?: string; prefix?: string; regex?: string }

export interface RolloutExperimentTemplate {
  name: string;
  specRef: 'canary' | 'stable';
  replicas?: number;
  metadata?: PodTemplateMetadata;
  selector?: LabelSelector;
  weight?: number;
  service?: { name?: string };
}

export interface RolloutExperimentStep {
  templates: RolloutExperimentTemplate[];
  duration?: DurationString;
  analyses?: { name: string; templateName: string; clusterScope?: boolean; args?: AnalysisRunArgument[]; requiredForCompletion?: boolean }[];
  dryRun?: DryRun[];
  analysisRunMetadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
  scaleDownDelaySeconds?: number;
}

/** One canary step: exactly one key may be set. */
export interface CanaryStep {
  setWeight?: number;
  /** `{}` waits for promotion; `duration` is int seconds, a numeric string, or a Go duration (`30s`, `5m`, `1h`). */
  pause?: { duration?: number | string };
  experiment?: RolloutExperimentStep;
  analysis?: RolloutAnalysis;
  setCanaryScale?: { weight?: number; replicas?: number; matchTrafficWeight?: boolean };
  setHeaderRoute?: { name?: string; match?: { headerName: string; headerValue: StringMatch }[] };
  setMirrorRoute?: {
    name: string;
    match?: { method?: StringMatch; path?: StringMatch; headers?: Record<string, StringMatch> }[];
    percentage?: number;
  };
  /** `config` is a JSON object (schemaless in the CRD). */
  plugin?: { name: string; config?: Record<string, unknown> };
}

export interface NginxTrafficRouting {
  annotationPrefix?: string;
  stableIngress?: string;
  stableIngresses?: string[];
  additionalIngressAnnotations?: Record<string, string>;
  canaryIngressAnnotations?: Record<string, string>;
}

export interface IstioVirtualService {
  name: string;
  routes?: string[];
  tlsRoutes?: { port?: number; sniHosts?: string[] }[];
  tcpRoutes?: { port?: number }[];
}

export interface IstioTrafficRouting {
  virtualService?: IstioVirtualService;
  virtualServices?: IstioVirtualService[];
  destinationRule?: { name: string; canarySubsetName: string; stableSubsetName: string; additionalSubsetNames?: string[] };
}

export interface SMITrafficRouting { rootService?: string; trafficSplitName?: string }

export interface ALBTrafficRouting {
  ingress?: string;
  ingresses?: string[];
  servicePort: number;
  rootService?: string;
  annotationPrefix?: string;
  stickinessConfig?: { enabled: boolean; durationSeconds: number };
}

/** A route named in the Gateway API router config; `useHeaderRoutes` opts it into setHeaderRoute steps. */
export interface GatewayAPIRouteRef { name: string; useHeaderRoutes?: boolean }

/**
 * Sluice's first-class Gateway API router (`spec.strategy.canary.trafficRouting.gatewayAPI`). Argo Rollouts has
 * no built-in Gateway API support; its manifests configure the `argoproj-labs/gatewayAPI` plugin under
 * `trafficRouting.plugins`. This field takes the very same shape, so a plugin config moves here unchanged, and
 * Sluice also honours the plugin form (see `gatewayAPIConfigOf`). Routes are named in the Rollout's namespace
 * unless `namespace` is set; the canary/stable `backendRefs` of each route get the weights.
 */
export interface GatewayAPITrafficRouting {
  httpRoute?: string;
  httpRoutes?: GatewayAPIRouteRef[];
  grpcRoute?: string;
  grpcRoutes?: GatewayAPIRouteRef[];
  tcpRoute?: string;
  tcpRoutes?: GatewayAPIRouteRef[];
  tlsRoute?: string;
  tlsRoutes?: GatewayAPIRouteRef[];
  namespace?: string;
}

export interface RolloutTrafficRouting {
  nginx?: NginxTrafficRouting;
  istio?: IstioTrafficRouting;
  smi?: SMITrafficRouting;
  alb?: ALBTrafficRouting;
  /** Sluice extension; see GatewayAPITrafficRouting. */
  gatewayAPI?: GatewayAPITrafficRouting;
  ambassador?: { mappings: string[] };
  appMesh?: Record<string, unknown>;
  traefik?: { weightedTraefikServiceName: string };
  apisix?: { route?: { name: string; rules?: string[] } };
  managedRoutes?: { name: string }[];
  plugins?: Record<string, unknown>;
  /** Default 100. */
  maxTrafficWeight?: number;
}

export interface AntiAffinity {
  preferredDuringSchedulingIgnoredDuringExecution?: { weight: number };
  requiredDuringSchedulingIgnoredDuringExecution?: Record<string, never>;
}

export interface CanaryStrategy {
  canaryService?: string;
  stableService?: string;
  steps?: CanaryStep[];
  trafficRouting?: RolloutTrafficRouting;
  /** Default `"25"`; any string is a percent; percent rounds down. */
  maxUnavailable?: IntOrPercent;
  /** Default `"25"`; any string is a percent; percent rounds up. */
  maxSurge?: IntOrPercent;
  analysis?: RolloutAnalysisBackground;
  antiAffinity?: AntiAffinity;
  canaryMetadata?: PodTemplateMetadata;
  stableMetadata?: PodTemplateMetadata;
  /** Only with trafficRouting; default 30. */
  scaleDownDelaySeconds?: number;
  scaleDownDelayRevisionLimit?: number;
  /** Only with trafficRouting; default 30; 0 = never scale the canary down on abort. */
  abortScaleDownDelaySeconds?: number;
  dynamicStableScale?: boolean;
  pingPong?: { pingService: string; pongService: string };
  minPodsPerReplicaSet?: number;
  replicaProgressThreshold?: { type: 'Percent' | 'Pods'; value: number };
}

export interface BlueGreenStrategy {
  activeService: string;
  previewService?: string;
  previewReplicaCount?: number;
  /** Default true. */
  autoPromotionEnabled?: boolean;
  autoPromotionSeconds?: number;
  maxUnavailable?: IntOrPercent;
  /** Default 30. */
  scaleDownDelaySeconds?: number;
  scaleDownDelayRevisionLimit?: number;
  /** Default 30; 0 = leave the preview up after an abort. */
  abortScaleDownDelaySeconds?: number;
  prePromotionAnalysis?: RolloutAnalysis;
  postPromotionAnalysis?: RolloutAnalysis;
  antiAffinity?: AntiAffinity;
  previewMetadata?: PodTemplateMetadata;
  activeMetadata?: PodTemplateMetadata;
}

export interface RolloutSpec {
  /** Default 1; the controller writes 1 when absent (HPA needs it). */
  replicas?: number;
  selector?: LabelSelector;
  template?: PodTemplateSpec;
  workloadRef?: { apiVersion?: string; kind?: string; name?: string; scaleDown?: '' | 'never' | 'onsuccess' | 'progressively' };
  minReadySeconds?: number;
  rollbackWindow?: { revisions?: number };
  strategy: { canary?: CanaryStrategy; blueGreen?: BlueGreenStrategy };
  /** Default 10. */
  revisionHistoryLimit?: number;
  paused?: boolean;
  /** Default 600. */
  progressDeadlineSeconds?: number;
  progressDeadlineAbort?: boolean;
  restartAt?: Time;
  analysis?: { successfulRunHistoryLimit?: number; unsuccessfulRunHistoryLimit?: number };
}

export interface Rollout extends KubeObject {
  kind: 'Rollout';
  spec: RolloutSpec;
  status?: RolloutStatus;
}
