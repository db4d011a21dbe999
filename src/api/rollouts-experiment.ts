// argoproj.io/v1alpha1 Experiment (argo-rollouts.md §1.13), the basic shape.
import type { KubeObject, Time } from './meta.js';
import type { LabelSelector } from './label-selector.js';
import type { PodTemplateSpec } from './core-v1.js';
import type { AnalysisPhase } from './rollouts-constants.js';
import type { Argument, DryRun, DurationString, MeasurementRetention } from './rollouts-analysis.js';

export interface ExperimentTemplateSpec {
  name: string;
  /** Default 1. */
  replicas?: number;
  minReadySeconds?: number;
  selector: LabelSelector;
  template: PodTemplateSpec;
  service?: { name?: string };
}

export interface ExperimentAnalysisTemplateRef {
  name: string;
  templateName: string;
  clusterScope?: boolean;
  args?: Argument[];
  requiredForCompletion?: boolean;
}

export interface ExperimentSpec {
  templates: ExperimentTemplateSpec[];
  duration?: DurationString;
  /** Default 600. */
  progressDeadlineSeconds?: number;
  terminate?: boolean;
  analyses?: ExperimentAnalysisTemplateRef[];
  /** Default 30. */
  scaleDownDelaySeconds?: number;
  dryRun?: DryRun[];
  measurementRetention?: MeasurementRetention[];
  analysisRunMetadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
}

export type TemplateStatusCode = 'Progressing' | 'Running' | 'Successful' | 'Failed' | 'Error';

export interface ExperimentTemplateStatus {
  name: string;
  replicas: number;
  updatedReplicas: number;
  readyReplicas: number;
  availableReplicas: number;
  collisionCount?: number;
  status?: TemplateStatusCode;
  message?: string;
  lastTransitionTime?: Time;
  serviceName?: string;
  podTemplateHash?: string;
}

export interface ExperimentCondition {
  type: 'InvalidSpec' | 'Completed' | 'Progressing' | 'Running' | 'ReplicaFailure';
  status: 'True' | 'False' | 'Unknown';
  lastUpdateTime: Time;
  lastTransitionTime: Time;
  reason: string;
  message: string;
}

export interface ExperimentStatus {
  phase?: AnalysisPhase;
  message?: string;
  templateStatuses?: ExperimentTemplateStatus[];
  availableAt?: Time;
  conditions?: ExperimentCondition[];
  analysisRuns?: { name: string; analysisRun: string; phase: AnalysisPhase; message?: string }[];
}

export interface Experiment extends KubeObject {
  kind: 'Experiment';
  spec: ExperimentSpec;
  status?: ExperimentStatus;
}
