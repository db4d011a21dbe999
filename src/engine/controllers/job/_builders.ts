// Test builders for Job plans (private to this folder), modelled on the chapter's analysis Jobs.
import type { Pod, PodPhase } from '../../../api/core-v1.js';
import type { Job, JobStatus } from '../../../api/batch-v1.js';
import { rfc3339 } from '../../../lib/clock.js';
import { TRACKING_FINALIZER, type UncountedTerminatedPods } from './job-types.js';

/** 2025-01-01T00:00:00Z, the epoch of every test. */
export const T0 = Date.UTC(2025, 0, 1);

/** `s` seconds after T0 as an RFC 3339 time. */
export function at(s: number): string {
  return rfc3339(T0 + s * 1000);
}

/** Options of `job()`. */
export interface JobOptions {
  completions?: number;
  parallelism?: number;
  backoffLimit?: number;
  activeDeadlineSeconds?: number;
  restartPolicy?: 'Never' | 'OnFailure';
  status?: JobStatus & { uncountedTerminatedPods?: UncountedTerminatedPods };
}

const LABELS = { 'batch.kubernetes.io/controller-uid': 'uid-job', 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': 'uid-job', 'job-name': 'pi' };

/** The Job `pi` (its template labelled as the API server labels it). */
export function job(o: JobOptions = {}): Job {
  return {
    apiVersion: 'batch/v1', kind: 'Job',
    metadata: { name: 'pi', namespace: 'default', uid: 'uid-job', resourceVersion: '3', generation: 1, creationTimestamp: at(0) },
    spec: {
      ...(o.completions === undefined ? {} : { completions: o.completions }),
      ...(o.parallelism === undefined ? {} : { parallelism: o.parallelism }),
      ...(o.backoffLimit === undefined ? {} : { backoffLimit: o.backoffLimit }),
      ...(o.activeDeadlineSeconds === undefined ? {} : { activeDeadlineSeconds: o.activeDeadlineSeconds }),
      selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'uid-job' } },
      template: { metadata: { labels: LABELS }, spec: { containers: [{ name: 'pi', image: 'alpine', command: ['sh', '-c', 'exit 0'] }], restartPolicy: o.restartPolicy ?? 'Never' } },
    },
    ...(o.status === undefined ? {} : { status: { uncountedTerminatedPods: {}, ...o.status } }),
  };
}

/** Options of `pod()`; times in seconds after T0. */
export interface PodOptions {
  name: string;
  phase?: PodPhase;
  ready?: boolean;
  finishedAt?: number;
  restarts?: number;
  counted?: boolean;
  deleting?: boolean;
  createdAt?: number;
}

/** A pod of `pi`, Running and not ready unless told otherwise; `counted` pods have lost the finalizer. */
export function pod(o: PodOptions): Pod {
  const phase = o.phase ?? 'Running';
  const terminated = o.finishedAt === undefined ? undefined : { exitCode: phase === 'Succeeded' ? 0 : 1, finishedAt: at(o.finishedAt) };
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: {
      name: o.name, namespace: 'default', uid: `uid-${o.name}`, resourceVersion: '9', creationTimestamp: at(o.createdAt ?? 0), labels: LABELS,
      ...(o.counted === true ? {} : { finalizers: [TRACKING_FINALIZER] }),
      ownerReferences: [{ apiVersion: 'batch/v1', kind: 'Job', name: 'pi', uid: 'uid-job', controller: true, blockOwnerDeletion: true }],
      ...(o.deleting === true ? { deletionTimestamp: at(1) } : {}),
    },
    spec: { containers: [{ name: 'pi' }], nodeName: 'sluice' },
    status: {
      phase,
      conditions: [{ type: 'Ready', status: o.ready === true ? 'True' : 'False', lastTransitionTime: at(o.finishedAt ?? 0) }],
      containerStatuses: [{ name: 'pi', image: 'alpine', imageID: '', ready: o.ready === true, restartCount: o.restarts ?? 0, state: terminated === undefined ? {} : { terminated }, lastState: {} }],
    },
  };
}

/** A deterministic random source that cycles through `values`. */
export function seqRand(values: readonly number[]): () => number {
  let i = 0;
  return () => values[i++ % values.length] ?? 0;
}
