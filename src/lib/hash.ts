// Hashes used to name children deterministically: FNV-1a 32-bit and Kubernetes' "safe encode" alphabet.

/** FNV-1a 32-bit over bytes, continuing from `seed` (the FNV offset basis by default). */
export function fnv32a(bytes: Uint8Array, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (const b of bytes) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

// Kubernetes rand.SafeEncodeString: vowels and look-alike characters removed so no words appear.
const SAFE = 'bcdfghjklmnpqrstvwxz2456789';

/** Maps every character of `s` into the safe alphabet (rand.SafeEncodeString). */
export function safeEncode(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += SAFE[s.charCodeAt(i) % SAFE.length];
  return out;
}
