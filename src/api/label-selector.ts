// Label selectors: the structured form (metav1.LabelSelector) and the string form (`app=demo,tier in (a,b)`),
// parsed into one list of requirements and matched against label maps.
import { ApiError } from './api-error.js';

export interface LabelSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values?: string[];
}

/** metav1.LabelSelector. An empty selector matches everything; a missing one matches nothing (by convention of the caller). */
export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

/** One parsed requirement. `=`/`==` become In with one value, `!=` becomes NotIn. */
export interface Requirement {
  key: string;
  op: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values: string[];
}

/** Converts a structured selector into requirements, sorted by key as Kubernetes does. */
export function requirementsOf(sel: Readonly<LabelSelector>): Requirement[] {
  const reqs: Requirement[] = [];
  for (const [key, value] of Object.entries(sel.matchLabels ?? {})) reqs.push({ key, op: 'In', values: [value] });
  for (const e of sel.matchExpressions ?? []) reqs.push({ key: e.key, op: e.operator, values: [...(e.values ?? [])].sort() });
  return reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** True when every requirement holds for `labels`. */
export function matchesRequirements(reqs: readonly Requirement[], labels: Readonly<Record<string, string>> | undefined): boolean {
  const l = labels ?? {};
  return reqs.every((r) => {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    switch (r.op) {
      case 'In': return has && r.values.includes(l[r.key] ?? '');
      case 'NotIn': return !has || !r.values.includes(l[r.key] ?? '');
      case 'Exists': return has;
      case 'DoesNotExist': return !has;
    }
  });
}

/** True when the structured selector matches `labels`. */
export function matchesSelector(sel: Readonly<LabelSelector>, labels: Readonly<Record<string, string>> | undefined): boolean {
  return matchesRequirements(requirementsOf(sel), labels);
}

/** True when the selector selects nothing in particular (no labels and no expressions). */
export function isEmptySelector(sel: Readonly<LabelSelector> | undefined): boolean {
  return sel === undefined || (Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0);
}

/** The string form Kubernetes prints (`app=demo,tier in (a,b)`), e.g. for Scale.status.selector. */
export function formatSelector(sel: Readonly<LabelSelector>): string {
  return formatRequirements(requirementsOf(sel));
}

/** Formats requirements in the string syntax. */
export function formatRequirements(reqs: readonly Requirement[]): string {
  return reqs.map((r) => {
    switch (r.op) {
      case 'In': return r.values.length === 1 ? `${r.key}=${r.values[0]}` : `${r.key} in (${r.values.join(',')})`;
      case 'NotIn': return r.values.length === 1 ? `${r.key}!=${r.values[0]}` : `${r.key} notin (${r.values.join(',')})`;
      case 'Exists': return r.key;
      case 'DoesNotExist': return `!${r.key}`;
    }
  }).join(',');
}

/**
 * Parses the string syntax used by `?labelSelector=`: `a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x)`,
 * `a`, `!a`, separated by commas. Throws ApiError BadRequest with the offending text on bad input.
 */
export function parseSelector(text: string): Requirement[] {
  const reqs: Requirement[] = [];
  for (const term of splitTerms(text)) {
    const t = term.trim();
    if (t === '') continue;
    reqs.push(parseTerm(t, text));
  }
  return reqs;
}

function splitTerms(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) { out.push(cur); cur = ''; } else cur += ch;
  }
  out.push(cur);
  return out;
}

const SET_TERM = /^([^\s!=()]+)\s+(in|notin)\s*\(([^)]*)\)$/;

function parseTerm(t: string, whole: string): Requirement {
  const set = SET_TERM.exec(t);
  if (set) {
    const values = (set[3] ?? '').split(',').map((v) => v.trim()).filter((v) => v !== '').sort();
    return { key: set[1] ?? '', op: set[2] === 'in' ? 'In' : 'NotIn', values };
  }
  const ne = t.indexOf('!=');
  if (ne > 0) return { key: checkKey(t.slice(0, ne).trim(), whole), op: 'NotIn', values: [t.slice(ne + 2).trim()] };
  const eq = t.indexOf('=');
  if (eq > 0) {
    const value = t.slice(t.startsWith('==', eq) ? eq + 2 : eq + 1).trim();
    return { key: checkKey(t.slice(0, eq).trim(), whole), op: 'In', values: [value] };
  }
  if (t.startsWith('!')) return { key: checkKey(t.slice(1).trim(), whole), op: 'DoesNotExist', values: [] };
  return { key: checkKey(t, whole), op: 'Exists', values: [] };
}

function checkKey(key: string, whole: string): string {
  if (key === '' || /[\s()!=,]/.test(key)) {
    throw new ApiError('BadRequest', `unable to parse requirement: found '${key}', expected: identifier (in selector "${whole}")`);
  }
  return key;
}
