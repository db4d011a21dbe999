// `set image NAME CONTAINER=IMAGE` (cmd/set/set_image.go): a read-modify-write (PUT) of the Rollout, or of the
// Deployment its workloadRef names, retried on conflicts; `*` sets every container, init and ephemeral included.
import { isApiError } from '../../api/api-error.js';
import { isJsonObject, type KubeObject } from '../../api/meta.js';
import { R, type ResourceType } from '../../api/resources.js';
import type { Rollout } from '../../api/rollouts-v1alpha1.js';
import type { KubeClient } from '../../control/index.js';

/** What was updated: `rollout "demo" image updated` / `deployment "demo" image updated`. */
export interface SetImageResult { kind: string; name: string }

/** No container of that name. */
export class SetImageError extends Error {
  override readonly name = 'SetImageError';
}

const MAX_ATTEMPTS = 5;
const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'] as const;

/** A copy of `template` (a pod template as JSON) with `container`'s image (or every image for `*`) set. */
export function withImage(template: unknown, container: string, image: string): { template: unknown; found: boolean } {
  if (!isJsonObject(template) || !isJsonObject(template['spec'])) return { template, found: false };
  const spec: Record<string, unknown> = { ...template['spec'] };
  let found = false;
  for (const list of CONTAINER_LISTS) {
    const items = spec[list];
    if (!Array.isArray(items)) continue;
    spec[list] = items.map((c: unknown) => {
      if (!isJsonObject(c) || (container !== '*' && c['name'] !== container)) return c;
      found = true;
      return { ...c, image };
    });
  }
  return { template: { ...template, spec }, found };
}

async function updateOnce(client: KubeClient, t: ResourceType, ns: string, name: string, container: string, image: string): Promise<KubeObject> {
  const obj = await client.get(t, ns, name);
  const spec = obj['spec'];
  const template = isJsonObject(spec) ? spec['template'] : undefined;
  const changed = withImage(template, container, image);
  if (!changed.found) throw new SetImageError(`unable to find container named "${container}"`);
  return client.update(t, { ...obj, spec: { ...(isJsonObject(spec) ? spec : {}), template: changed.template } });
}

/** Sets the image of `container` (or `*`) in Rollout `ns/name`, or in its workloadRef Deployment. */
export async function setRolloutImage(client: KubeClient, ns: string, name: string, container: string, image: string): Promise<SetImageResult> {
  const ro = await client.get<Rollout>(R.rollouts, ns, name);
  const ref = ro.spec.workloadRef;
  const target = ref !== undefined ? { t: R.deployments, name: ref.name ?? '' } : { t: R.rollouts, name };
  for (let attempt = 1; ; attempt++) {
    try {
      const updated = await updateOnce(client, target.t, ns, target.name, container, image);
      return { kind: updated.kind, name: updated.metadata.name ?? target.name };
    } catch (e) {
      if (!isApiError(e, 'Conflict') || attempt >= MAX_ATTEMPTS) throw e;
    }
  }
}
