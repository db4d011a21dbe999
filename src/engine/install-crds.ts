// Installs (or upgrades) the argoproj.io CRDs in the embedded API server at start, before controllers run.
import { isApiError } from '../api/api-error.js';
import { R } from '../api/resources.js';
import { crdManifests } from '../api/rollouts-schema/index.js';
import type { KubeClient } from '../control/client.js';
import { fnv32a } from '../lib/hash.js';
import { canonicalJson } from '../lib/json.js';

/** Annotation recording which generated manifest a stored CRD came from, so unchanged CRDs are left alone. */
const MANIFEST_HASH = 'sluice.dev/manifest-hash';

/** Creates each CRD, or updates it when its spec differs from the stored one. */
export async function installRolloutCrds(client: KubeClient): Promise<void> {
  for (const manifest of crdManifests()) {
    const hash = fnv32a(Buffer.from(canonicalJson(manifest))).toString(16);
    const crd = { ...manifest, metadata: { ...manifest.metadata, annotations: { ...manifest.metadata.annotations, [MANIFEST_HASH]: hash } } };
    let current;
    try {
      current = await client.get(R.crds, undefined, crd.metadata.name ?? '');
    } catch (e) {
      if (!isApiError(e, 'NotFound')) throw e;
      await client.create(R.crds, crd);
      continue;
    }
    if (current.metadata.annotations?.[MANIFEST_HASH] !== hash) {
      await client.update(R.crds, { ...crd, metadata: { ...crd.metadata, resourceVersion: current.metadata.resourceVersion ?? '' } });
    }
  }
}
