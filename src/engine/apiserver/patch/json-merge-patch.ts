// RFC 7386 JSON merge patch (application/merge-patch+json): what custom resources get on re-apply.
import { isJsonObject } from '../../../api/meta.js';

/**
 * Applies a JSON merge patch: objects merge member by member, a `null` member removes the target's member,
 * any other value (arrays included) replaces it whole. Inputs are never mutated (stored objects are frozen);
 * the result may share unchanged subtrees with `target`. A patch that is not an object replaces the document.
 */
export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isJsonObject(patch)) return patch;
  // A Map plus Object.fromEntries keeps a member named "__proto__" an ordinary member.
  const result = new Map<string, unknown>(isJsonObject(target) ? Object.entries(target) : []);
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) result.delete(key);
    else result.set(key, applyMergePatch(result.get(key), value));
  }
  return Object.fromEntries(result);
}
