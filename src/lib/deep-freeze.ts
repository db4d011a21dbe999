// Freezes a JSON value recursively so cached objects cannot be changed by readers.

/** Freezes `v` and everything reachable from it; returns `v`. */
export function deepFreeze<T>(v: T): T {
  if (typeof v !== 'object' || v === null || Object.isFrozen(v)) return v;
  Object.freeze(v);
  for (const x of Object.values(v)) deepFreeze(x);
  return v;
}
