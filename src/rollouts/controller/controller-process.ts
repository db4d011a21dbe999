// `sluice controller`: the rollouts controller as its own process against any API server (cluster mode),
// with Lease-based leader election, namespace scoping, instance ids, and health/metrics endpoints.
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { KubeClient } from '../../control/client.js';
import { runLeaderElection } from '../../control/leader-election.js';
import { logger } from '../../lib/log.js';
import { startHealthServer } from './health-server.js';
import { startRolloutsManager, type RolloutsManager, type RolloutsManagerOptions } from './manager.js';

const log = logger('controller');

export interface ControllerProcessOptions extends Omit<RolloutsManagerOptions, 'client'> {
  client: KubeClient;
  leaderElect: boolean;
  leaseNamespace: string;
  metricsHost: string;
  metricsPort: number;
}

/** Runs until `signal` aborts. */
export async function runControllerProcess(o: ControllerProcessOptions, signal: AbortSignal): Promise<void> {
  let manager: RolloutsManager | undefined;
  let leader = false;
  const health = await startHealthServer(o.metricsHost, o.metricsPort, () => ({ controllers: manager?.controllers ?? [], leader }));
  log.info('health and metrics listening', { port: health.port });
  const lead = async (leading: AbortSignal): Promise<void> => {
    leader = true;
    manager = startRolloutsManager(o);
    await new Promise<void>((resolve) => { if (leading.aborted) resolve(); else leading.addEventListener('abort', () => resolve(), { once: true }); });
    await manager.stop();
    manager = undefined;
    leader = false;
  };
  try {
    if (!o.leaderElect) {
      await lead(signal);
      return;
    }
    const leaseName = o.instanceId ? `sluice-controller-lock-${o.instanceId}` : 'sluice-controller-lock';
    await runLeaderElection({
      client: o.client, namespace: o.leaseNamespace, name: leaseName,
      identity: `${hostname()}_${randomBytes(4).toString('hex')}`, releaseOnCancel: true,
      onStartedLeading: lead,
      onNewLeader: (id) => log.info('leader', { identity: id }),
    }, signal);
  } finally {
    await health.close();
  }
}
