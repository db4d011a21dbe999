// Field selectors (`?fieldSelector=metadata.name=demo,involvedObject.kind=Deployment`): equality terms on
// dotted paths into the object. kubectl sends the terms in varying order and URL-decoded.
import { ApiError } from './api-error.js';
import { isJsonObject } from './meta.js';

export interface FieldRequirement {
  path: string;
  op: '=' | '!=';
  value: string;
}

/** Parses `a=b,c==d,e!=f`. Throws ApiError BadRequest on a term without an operator. */
export function parseFieldSelector(text: string): FieldRequirement[] {
  const out: FieldRequirement[] = [];
  for (const raw of text.split(',')) {
    const t = raw.trim();
    if (t === '') continue;
    const ne = t.indexOf('!=');
    if (ne > 0) { out.push({ path: t.slice(0, ne), op: '!=', value: t.slice(ne + 2) }); continue; }
    const eq = t.indexOf('=');
    if (eq <= 0) throw new ApiError('BadRequest', `invalid field selector term "${t}": expected <field>=<value>`);
    const value = t.startsWith('==', eq) ? t.slice(eq + 2) : t.slice(eq + 1);
    out.push({ path: t.slice(0, eq), op: '=', value });
  }
  return out;
}

/** Reads a dotted path from an object and renders it as the string a field selector compares with. */
export function fieldValue(obj: unknown, path: string): string {
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (!isJsonObject(cur)) return '';
    cur = cur[part];
  }
  if (cur === undefined || cur === null) return '';
  return typeof cur === 'string' ? cur : typeof cur === 'object' ? JSON.stringify(cur) : String(cur);
}

/** True when every term holds for `obj`. */
export function matchesFields(reqs: readonly FieldRequirement[], obj: unknown): boolean {
  return reqs.every((r) => (fieldValue(obj, r.path) === r.value) === (r.op === '='));
}
