// Structural equality for JSON values (objects compared key by key, arrays in order).

/** True when two JSON values are structurally equal. `undefined` members count as absent. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  }
  if (Array.isArray(b)) return false;
  const ao = Object.entries(a).filter(([, v]) => v !== undefined);
  const bo = new Map(Object.entries(b).filter(([, v]) => v !== undefined));
  if (ao.length !== bo.size) return false;
  return ao.every(([k, v]) => bo.has(k) && deepEqual(v, bo.get(k)));
}
