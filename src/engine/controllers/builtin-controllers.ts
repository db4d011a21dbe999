// Starts the built-in workload controllers (ReplicaSet, Deployment, Job) on shared informers.
import type { KubeClient } from '../../control/client.js';
import { EventRecorder } from '../../control/event-recorder.js';
import { SharedInformers } from '../../control/shared-informers.js';
import { systemClock, type Clock } from '../../lib/clock.js';
import type { ControllerDeps } from './controller-deps.js';
import { startDeploymentController } from './deployment/controller.js';
import { startJobController } from './job/controller.js';
import { startReplicaSetController } from './replicaset/controller.js';

export interface BuiltinControllers {
  informers: SharedInformers;
  stop(): Promise<void>;
}

/** Starts the controllers; `extra` lets the runtime add more controllers on the same informers before start. */
export function startBuiltinControllers(opts: { client: KubeClient; clock?: Clock; workers?: number },
  extra: ((deps: ControllerDeps) => void)[] = []): BuiltinControllers {
  const clock = opts.clock ?? systemClock;
  const informers = new SharedInformers(opts.client, { clock });
  const abort = new AbortController();
  const recorders: EventRecorder[] = [];
  const deps: ControllerDeps = {
    client: opts.client, informers, clock, signal: abort.signal,
    recorder: (component) => { const r = new EventRecorder(opts.client, { component, clock }); recorders.push(r); return r; },
    ...(opts.workers !== undefined ? { workers: opts.workers } : {}),
  };
  const running = [startReplicaSetController(deps), startDeploymentController(deps), startJobController(deps)];
  for (const start of extra) start(deps);
  informers.start();
  return {
    informers,
    stop: async () => {
      abort.abort();
      await Promise.all(running.map((r) => r.stopped));
      await informers.stop();
      await Promise.all(recorders.map((r) => r.flush()));
    },
  };
}
