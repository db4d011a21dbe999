// JSON merge patch (RFC 7386) for the in-memory API: objects merge key by key, `null` removes a key,
// anything else (arrays included) replaces.
import { isJsonObject } from '../../api/meta.js';

/** Applies a merge patch to `target` and returns the result; neither input is changed. */
export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isJsonObject(patch)) return patch;
  const out: Record<string, unknown> = isJsonObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = applyMergePatch(out[k], v);
  }
  return out;
}
