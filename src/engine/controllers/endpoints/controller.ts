// The endpoints controller: informers on Services, Pods and Endpoints → planEndpoints → one client write.
// A pod event enqueues every Service of its namespace whose selector matched the pod before or after.
import { isApiError } from '../../../api/api-error.js';
import type { Endpoints, Pod, Service } from '../../../api/core-v1.js';
import { matchesSelector } from '../../../api/label-selector.js';
import { keyOf, splitKey, type ObjectKey } from '../../../api/object-key.js';
import { R } from '../../../api/resources.js';
import { runController, type RunningController } from '../../../control/controller.js';
import { done, type Outcome } from '../../../control/outcome.js';
import { WorkQueue } from '../../../control/work-queue.js';
import { logger, type Logger } from '../../../lib/log.js';
import type { ControllerDeps } from '../controller-deps.js';
import { planEndpoints, type EndpointsAction } from './plan-endpoints.js';

/** What the endpoints controller needs (a subset of ControllerDeps: it records no events). */
export type EndpointsControllerDeps = Pick<ControllerDeps, 'client' | 'informers' | 'clock' | 'signal' | 'workers'> & { log?: Logger };

async function applyEndpoints(deps: EndpointsControllerDeps, a: EndpointsAction): Promise<void> {
  switch (a.op) {
    case 'none':
      return;
    case 'create':
      await deps.client.create(R.endpoints, a.endpoints);
      return;
    case 'update':
      await deps.client.update(R.endpoints, a.endpoints);
      return;
    case 'delete':
      try {
        await deps.client.delete(R.endpoints, a.namespace, a.name);
      } catch (e) {
        if (!isApiError(e, 'NotFound')) throw e;
      }
  }
}

/** Starts the controller; it stops when `deps.signal` aborts. */
export function startEndpointsController(deps: EndpointsControllerDeps): RunningController {
  const log = deps.log ?? logger('endpoints-controller');
  const services = deps.informers.informer<Service>(R.services);
  const pods = deps.informers.informer<Pod>(R.pods);
  const endpoints = deps.informers.informer<Endpoints>(R.endpoints);
  const queue = new WorkQueue<ObjectKey>({ clock: deps.clock });

  const enqueueForPod = (pod: Readonly<Pod>): void => {
    for (const svc of services.byNamespace(pod.metadata.namespace ?? '')) {
      const selector = svc.spec.selector ?? {};
      if (Object.keys(selector).length > 0 && matchesSelector({ matchLabels: selector }, pod.metadata.labels)) queue.add(keyOf(svc));
    }
  };
  services.onAdd((s) => queue.add(keyOf(s)));
  services.onUpdate((_o, s) => queue.add(keyOf(s)));
  services.onDelete((s) => queue.add(keyOf(s)));
  pods.onAdd(enqueueForPod);
  pods.onUpdate((old, pod) => { enqueueForPod(old); enqueueForPod(pod); });
  pods.onDelete(enqueueForPod);
  // A deleted Endpoints of a live Service is written again.
  endpoints.onDelete((ep) => { if (services.get(keyOf(ep)) !== undefined) queue.add(keyOf(ep)); });

  // Planning from half-filled caches would write empty Endpoints at start-up: wait for every first list.
  const synced = Promise.all([services.synced(), pods.synced(), endpoints.synced()]);
  const reconcile = async (key: ObjectKey): Promise<Outcome> => {
    if (!(await synced).every((ok) => ok)) return done();
    const [namespace, name] = splitKey(key);
    const action = planEndpoints({ namespace, name, service: services.get(key), endpoints: endpoints.get(key), pods: pods.byNamespace(namespace) });
    await applyEndpoints(deps, action);
    if (action.op !== 'none') log.debug(`endpoints ${action.op}`, { key });
    return done();
  };
  return runController({ name: 'endpoints', queue, workers: deps.workers ?? 2, reconcile, log, signal: deps.signal, clock: deps.clock });
}
