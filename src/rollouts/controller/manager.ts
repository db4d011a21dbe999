// Starts everything the rollouts side runs on one set of shared informers: the Rollout controller and
// the AnalysisRun controller (plus any extra controllers given). Used by `sluice up` (in-process client) and `sluice controller`.
import type { KubeClient } from '../../control/client.js';
import type { RunningController } from '../../control/controller.js';
import { EventRecorder } from '../../control/event-recorder.js';
import { SharedInformers } from '../../control/shared-informers.js';
import { systemClock, type Clock } from '../../lib/clock.js';
import type { Rollout } from '../../api/rollouts-v1alpha1.js';
import type { PlanTrafficRouter } from './apply-actions.js';
import { startRolloutController } from './rollout-controller.js';
import { analysisControllerExtra } from '../analysis/index.js';
import { routersFor } from '../traffic/index.js';

export interface RolloutsManagerOptions {
  client: KubeClient;
  clock?: Clock;
  namespace?: string;
  instanceId?: string;
  routersFor?: (ro: Readonly<Rollout>, client: KubeClient) => PlanTrafficRouter[];
  /** Extra controllers started on the same client (e.g. the AnalysisRun controller); each returns a stop. */
  extra?: ((signal: AbortSignal) => () => Promise<void>)[];
}

export interface RolloutsManager {
  controllers: RunningController[];
  stop(): Promise<void>;
}

/** Starts the controllers and their informers. */
export function startRolloutsManager(o: RolloutsManagerOptions): RolloutsManager {
  const clock = o.clock ?? systemClock;
  const abort = new AbortController();
  const informers = new SharedInformers(o.client, { clock });
  const recorder = new EventRecorder(o.client, { component: 'rollouts-controller', clock });
  const rollouts = startRolloutController({
    client: o.client, informers, recorder, clock, signal: abort.signal,
    ...(o.instanceId !== undefined ? { instanceId: o.instanceId } : {}),
    routersFor: o.routersFor ?? ((ro, client) => routersFor(ro, client)),
  }, o.namespace);
  const analysis = analysisControllerExtra({
    client: o.client, clock,
    ...(o.namespace !== undefined ? { namespace: o.namespace } : {}), ...(o.instanceId !== undefined ? { instanceId: o.instanceId } : {}),
  });
  const extraStops = [analysis, ...(o.extra ?? [])].map((start) => start(abort.signal));
  informers.start();
  return {
    controllers: [rollouts],
    stop: async () => {
      abort.abort();
      await rollouts.stopped;
      await Promise.all(extraStops.map((s) => s()));
      await informers.stop();
      await recorder.flush();
    },
  };
}
