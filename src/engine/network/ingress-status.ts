// Writes `status.loadBalancer.ingress: [{ip}]` on every Ingress the controller serves, so `kubectl get
// ingress` shows an ADDRESS. Level-triggered: an event enqueues the key, reconcile re-reads the cache.
import type { Ingress } from '../../api/networking-v1.js';
import { keyOf, type ObjectKey } from '../../api/object-key.js';
import { R } from '../../api/resources.js';
import type { KubeClient } from '../../control/client.js';
import { runController, type RunningController } from '../../control/controller.js';
import type { Informer } from '../../control/informer.js';
import { done, type Outcome } from '../../control/outcome.js';
import { WorkQueue } from '../../control/work-queue.js';
import type { Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/log.js';
import { isServedIngress } from './plan/ingress-routes.js';
import { planIngressStatus } from './plan/plan-ingress-status.js';

/** What the status controller needs. */
export interface IngressStatusDeps {
  readonly client: KubeClient;
  readonly ingresses: Informer<Ingress>;
  readonly ingressClass: string;
  /** The address written into the status. */
  readonly ip: string;
  readonly clock: Clock;
  readonly signal: AbortSignal;
  readonly log: Logger;
}

/** Starts the controller; it stops when `signal` aborts. */
export function startIngressStatusController(deps: IngressStatusDeps): RunningController {
  const queue = new WorkQueue<ObjectKey>({ clock: deps.clock });
  deps.ingresses.onAdd((i) => queue.add(keyOf(i)));
  deps.ingresses.onUpdate((_o, i) => queue.add(keyOf(i)));
  const reconcile = async (key: ObjectKey): Promise<Outcome> => {
    const ing = deps.ingresses.get(key);
    if (ing === undefined || !isServedIngress(ing, deps.ingressClass)) return done();
    const status = planIngressStatus(ing, deps.ip);
    if (status !== undefined) await deps.client.updateStatus(R.ingresses, { ...ing, status });
    return done();
  };
  return runController({ name: 'ingress-status', queue, workers: 1, reconcile, log: deps.log, signal: deps.signal, clock: deps.clock });
}
