// Round-robin over a backend's ready endpoints, skipping endpoints this request already failed on while any
// other is left; when every endpoint was tried, the next one in turn is tried again on a fresh connection.

/** The endpoint to use and where the rotation continues. */
export interface PickedTarget {
  readonly target: string;
  readonly cursor: number;
}

/**
 * Picks from `targets` starting at `cursor`. Example: [a, b, c], cursor 1, tried [b] → c (cursor 0);
 * tried [a, b, c] → b (cursor 2); no targets → undefined.
 */
export function pickTarget(targets: readonly string[], cursor: number, tried: readonly string[]): PickedTarget | undefined {
  const n = targets.length;
  if (n === 0) return undefined;
  const start = cursor % n;
  if (tried.length > 0) {
    for (let i = 0; i < n; i++) {
      const idx = (start + i) % n;
      const t = targets[idx];
      if (t !== undefined && !tried.includes(t)) return { target: t, cursor: (idx + 1) % n };
    }
  }
  const t = targets[start];
  return t === undefined ? undefined : { target: t, cursor: (start + 1) % n };
}
