// Executes a pod plan: one client call or runtime call per action, in order, stopping at the first failure.
// NotFound on writes means the pod is gone (the next reconcile sees that); an Invalid bind means the API
// refuses to set spec.nodeName, and the pod then runs unbound.
import { rmSync } from 'node:fs';
import { isApiError } from '../../api/api-error.js';
import type { Container, Pod } from '../../api/core-v1.js';
import { R } from '../../api/resources.js';
import type { KubeClient } from '../../control/client.js';
import type { EventRecorder } from '../../control/event-recorder.js';
import type { Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/log.js';
import type { ProcessRuntime } from './container-runtime.js';
import { emptyContainerView } from './plan/plan-container.js';
import type { KubeletAction } from './plan/types.js';
import type { PodRecord, PodRegistry } from './pod-registry.js';

/** What apply writes to. */
export interface ApplyDeps {
  readonly client: KubeClient;
  readonly runtime: ProcessRuntime;
  readonly registry: PodRegistry;
  readonly recorder: EventRecorder;
  readonly schedulerRecorder: EventRecorder;
  readonly clock: Clock;
  readonly nodeName: string;
  readonly log: Logger;
}

function specOf(pod: Readonly<Pod>, name: string): Container {
  const spec = [...(pod.spec.initContainers ?? []), ...pod.spec.containers].find((c) => c.name === name);
  if (spec === undefined) throw new TypeError(`Cannot find container "${name}" in pod "${pod.metadata.name ?? ''}"`);
  return spec;
}

async function ignoreGone(write: Promise<unknown>): Promise<void> {
  try {
    await write;
  } catch (e) {
    if (!isApiError(e, 'NotFound')) throw e;
  }
}

async function bind(d: ApplyDeps, record: PodRecord, pod: Pod): Promise<void> {
  try {
    record.written = await d.client.update<Pod>(R.pods, { ...pod, spec: { ...pod.spec, nodeName: d.nodeName } });
  } catch (e) {
    if (isApiError(e, 'NotFound')) return;
    if (!isApiError(e, 'Invalid')) throw e;
    record.bindRefused = e.message;
    d.log.warn('the API server refuses to set spec.nodeName; running the pod unbound', { pod: record.key, error: e.message });
  }
}

function recordStartFailure(d: ApplyDeps, record: PodRecord, a: Extract<KubeletAction, { op: 'startFailed' }>): void {
  const c = record.containers.get(a.container) ?? { ...emptyContainerView(a.container), probes: { ...emptyContainerView(a.container).probes } };
  c.startFailure = { reason: a.reason, message: a.message, count: (c.startFailure?.count ?? 0) + 1, atMs: d.clock.now() };
  record.containers.set(a.container, c);
}

/** Executes one action for `record`, whose newest object is `pod`. */
export async function applyPodAction(d: ApplyDeps, record: PodRecord, pod: Pod, a: KubeletAction): Promise<void> {
  switch (a.op) {
    case 'bind': return bind(d, record, pod);
    case 'assignIP':
      // Workers plan concurrently; a second pod may have taken this address since the plan was made.
      if (d.registry.ipsInUse(record.uid).has(a.ip)) throw new Error(`pod IP ${a.ip} was just taken; planning again`);
      record.podIP = a.ip;
      return;
    case 'start': return d.runtime.start(record, specOf(pod, a.container), a.restartCount, a.run, record.podIP ?? '');
    case 'startFailed': return recordStartFailure(d, record, a);
    case 'kill': return d.runtime.kill(record, specOf(pod, a.container), a.reason, a.graceMs);
    case 'event': return (a.component === 'default-scheduler' ? d.schedulerRecorder : d.recorder).event(pod, a.type, a.reason, a.message);
    case 'status':
      return ignoreGone(d.client.updateStatus<Pod>(R.pods, { ...pod, status: a.status }).then((p) => { record.written = p; }));
    case 'delete':
      try {
        await d.client.delete(R.pods, record.namespace, record.name, { gracePeriodSeconds: 0, preconditions: { uid: record.uid } });
      } catch (e) {
        // Conflict: the uid precondition failed, so a new pod of that name exists; ours is gone.
        if (!isApiError(e, 'NotFound') && !isApiError(e, 'Conflict')) throw e;
      }
      return;
    case 'cleanup':
      d.registry.remove(record.uid);
      rmSync(record.dir, { recursive: true, force: true });
      return;
  }
}
