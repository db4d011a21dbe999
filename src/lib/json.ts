// JSON helpers: cloning, null stripping, safe parsing.

/** A deep copy of a JSON value. */
export function cloneJson<T>(v: T): T {
  return structuredClone(v);
}

/**
 * Removes `null` members from objects, recursively (not from arrays). kubectl sends
 * `"creationTimestamp": null` in templates; keeping it breaks template comparison after `rollout undo`.
 */
export function dropNulls<T>(v: T): T {
  if (Array.isArray(v)) return v.map((x) => dropNulls(x)) as T;
  if (typeof v !== 'object' || v === null) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) if (x !== null) out[k] = dropNulls(x);
  return out as T;
}

/** Parses JSON, returning a Result instead of throwing. */
export function tryParseJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/** JSON with sorted keys at every level: a canonical form for hashing and comparison. */
export function canonicalJson(v: unknown): string {
  return JSON.stringify(sortKeys(v));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (typeof v !== 'object' || v === null) return v;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v).sort()) out[k] = sortKeys((v as Record<string, unknown>)[k]);
  return out;
}
