// batch/v1 wire types: Job.
import type { Condition, KubeObject, Time } from './meta.js';
import type { LabelSelector } from './label-selector.js';
import type { PodTemplateSpec } from './core-v1.js';

export interface JobSpec {
  template: PodTemplateSpec;
  completions?: number;
  parallelism?: number;
  backoffLimit?: number;
  activeDeadlineSeconds?: number;
  ttlSecondsAfterFinished?: number;
  selector?: LabelSelector;
  manualSelector?: boolean;
  suspend?: boolean;
  completionMode?: 'NonIndexed' | 'Indexed';
}

export interface JobStatus {
  active?: number;
  succeeded?: number;
  failed?: number;
  ready?: number;
  terminating?: number;
  startTime?: Time;
  completionTime?: Time;
  conditions?: Condition[];
}

export interface Job extends KubeObject {
  kind: 'Job';
  spec: JobSpec;
  status?: JobStatus;
}
