// Which backend serves one request when its route has a canary: ingress-nginx's balancer order. The header rule
// and the cookie rule may decide; otherwise the weight does (see smooth-split.ts).
import type { CanaryPolicy } from './canary-policy.js';

/** A rule's verdict: go to the canary, stay on main (stop evaluating), or let the next rule decide. */
export type CanaryVerdict = 'canary' | 'main' | 'next';

/**
 * The header rule. With `canary-by-header-value` only that exact value selects the canary (any other value,
 * `never` included, falls through); with a pattern, a match selects it; otherwise `always` → canary and
 * `never` → main. A missing header always falls through.
 */
export function decideByHeader(policy: CanaryPolicy, value: string | undefined): CanaryVerdict {
  if (policy.header === '' || value === undefined) return 'next';
  if (policy.headerValue !== '') return value === policy.headerValue ? 'canary' : 'next';
  if (policy.headerPattern !== undefined) return policy.headerPattern.test(value) ? 'canary' : 'next';
  if (value === 'always') return 'canary';
  if (value === 'never') return 'main';
  return 'next';
}

/** The cookie rule: `always` → canary, `never` → main, anything else (or no cookie) falls through. */
export function decideByCookie(policy: CanaryPolicy, value: string | undefined): CanaryVerdict {
  if (policy.cookie === '' || value === undefined) return 'next';
  if (value === 'always') return 'canary';
  if (value === 'never') return 'main';
  return 'next';
}

/**
 * The value of cookie `name` in a `Cookie` request header (`a=1; canary=always` → `always`), or undefined.
 * Like nginx's `$cookie_NAME`, the first occurrence wins.
 */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (header === undefined || name === '') return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
