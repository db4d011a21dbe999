// Live list of Rollouts (one namespace or all) for `list rollouts -w` and the dashboard's overview: an informer,
// and after every change the whole sorted list.
import { R } from '../../api/resources.js';
import type { Rollout } from '../../api/rollouts-v1alpha1.js';
import { SharedInformers, type KubeClient } from '../../control/index.js';
import type { Logger } from '../../lib/log.js';
import { LatestValue } from './latest-value.js';

const quiet: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined, child: () => quiet };

function byNamespaceAndName(a: Readonly<Rollout>, b: Readonly<Rollout>): number {
  const ka = `${a.metadata.namespace ?? ''}/${a.metadata.name ?? ''}`;
  const kb = `${b.metadata.namespace ?? ''}/${b.metadata.name ?? ''}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** Lists Rollouts once (sorted by namespace and name); `name` narrows to one (a field selector). */
export async function listRollouts(client: KubeClient, namespace: string | undefined, name?: string): Promise<Rollout[]> {
  const list = await client.list<Rollout>(R.rollouts, namespace, name !== undefined ? { fieldSelector: `metadata.name=${name}` } : {});
  return [...list.items].sort(byNamespaceAndName);
}

/** Yields the sorted list after the first sync and after every change, until `signal` aborts. */
export async function* watchRolloutList(client: KubeClient, namespace: string | undefined, opts: { signal: AbortSignal; name?: string }): AsyncGenerator<Rollout[]> {
  await client.list(R.rollouts, namespace, { limit: 1 });
  const informers = new SharedInformers(client, { log: quiet });
  const scope = { ...(namespace !== undefined ? { namespace } : {}), ...(opts.name !== undefined ? { fieldSelector: `metadata.name=${opts.name}` } : {}) };
  const informer = informers.informer<Rollout>(R.rollouts, scope);
  const slot = new LatestValue<Rollout[]>();
  let synced = false;
  const changed = (): void => { if (synced) slot.push([...informer.list()].sort(byNamespaceAndName)); };
  informer.onAdd(changed);
  informer.onUpdate(changed);
  informer.onDelete(changed);
  const stop = (): void => { void informers.stop(); };
  opts.signal.addEventListener('abort', stop, { once: true });
  try {
    informers.start();
    if (!(await informers.synced())) return;
    synced = true;
    changed();
    yield* slot.values(opts.signal);
  } finally {
    opts.signal.removeEventListener('abort', stop);
    slot.close();
    await informers.stop();
  }
}
