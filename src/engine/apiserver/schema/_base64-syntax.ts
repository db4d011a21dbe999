// Standard padded base64 as Go's encoding/base64.StdEncoding decodes []byte fields (Secret.data).

const LF = 10;
const CR = 13;
const PAD = 61;
const ALPHABET = new Set(Buffer.from('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'));

type Step = { readonly next: number } | { readonly done: true } | { readonly badAt: number };

function skipNewlines(src: Uint8Array, at: number): number {
  let i = at;
  while (i < src.length && (src[i] === LF || src[i] === CR)) i++;
  return i;
}

// After the first '=' of a quantum that already holds `j` characters: padding must end the input.
function afterPadding(src: Uint8Array, at: number, j: number): Step {
  if (j < 2) return { badAt: at - 1 };
  let si = at;
  if (j === 2) {
    si = skipNewlines(src, si);
    if (si === src.length) return { badAt: src.length };
    if (src[si] !== PAD) return { badAt: si - 1 };
    si++;
  }
  si = skipNewlines(src, si);
  return si < src.length ? { badAt: si } : { done: true };
}

// One 4-character quantum starting at `start`; newlines are skipped as Go does.
function quantum(src: Uint8Array, start: number): Step {
  let si = start;
  for (let j = 0; j < 4;) {
    if (si === src.length) return j === 0 ? { done: true } : { badAt: si - j };
    const c = src[si] ?? 0;
    si++;
    if (ALPHABET.has(c)) j++;
    else if (c !== LF && c !== CR) return c === PAD ? afterPadding(src, si, j) : { badAt: si - 1 };
  }
  return si === src.length ? { done: true } : { next: si };
}

/** Go's error for a bad base64 string (`illegal base64 data at input byte 4`), or undefined when valid. */
export function base64Error(text: string): string | undefined {
  const src = Buffer.from(text, 'utf8');
  let step: Step = { next: 0 };
  while ('next' in step) step = quantum(src, step.next);
  return 'badAt' in step ? `illegal base64 data at input byte ${step.badAt}` : undefined;
}
