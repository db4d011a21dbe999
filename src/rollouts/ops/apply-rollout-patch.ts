// Sends a user-operation patch the way Argo's plugin does (cmd/promote/promote.go PromoteRollout): the status part
// as a merge patch on /status first; if the status subresource is missing (NotFound, Rollouts v0.9 CRDs), both
// parts as one merge patch on the object; then the spec part on the object.
import { isApiError } from '../../api/api-error.js';
import { R } from '../../api/resources.js';
import type { Rollout } from '../../api/rollouts-v1alpha1.js';
import type { KubeClient } from '../../control/index.js';
import type { RolloutPatch } from '../plan/index.js';

/** What was sent, in order, for tests and `--dry-run` style output. */
export interface SentPatch { subresource?: 'status'; body: RolloutPatch }

/** Applies `patch` to Rollout `ns/name`; resolves with the Rollout after the last write and the patches sent. */
export async function applyRolloutPatch(client: KubeClient, ns: string, name: string, patch: RolloutPatch): Promise<{ rollout?: Rollout; sent: SentPatch[] }> {
  const sent: SentPatch[] = [];
  let rollout: Rollout | undefined;
  let spec: RolloutPatch | undefined = patch.spec !== undefined ? { spec: patch.spec } : undefined;
  if (patch.status !== undefined) {
    const body = { status: patch.status };
    try {
      rollout = await client.patch<Rollout>(R.rollouts, ns, name, 'merge', body, { subresource: 'status' });
      sent.push({ subresource: 'status', body });
    } catch (e) {
      if (!isApiError(e, 'NotFound')) throw e;
      spec = { ...(patch.spec !== undefined ? { spec: patch.spec } : {}), status: patch.status };
    }
  }
  if (spec !== undefined) {
    rollout = await client.patch<Rollout>(R.rollouts, ns, name, 'merge', spec);
    sent.push({ body: spec });
  }
  return rollout === undefined ? { sent } : { rollout, sent };
}
