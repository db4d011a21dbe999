// A schema-driven imitation of Go's encoding/json Marshal: struct fields in declaration order, `omitempty`, zero
// values for absent non-pointer fields, map keys sorted, and Go's HTML-safe string escaping. Used where Argo hashes
// the JSON of a Go struct (the canary step hash), so that our hash equals Argo's.

/** How one Go type marshals. */
export type GoSchema =
  | 'string' | 'int' | 'bool' | 'raw' | 'intOrString'
  | { ptr: GoSchema }
  | { slice: GoSchema }
  | { map: GoSchema }
  | { struct: readonly GoField[] };

/** A struct field: JSON name, schema, and whether it carries `omitempty`. */
export type GoField = readonly [name: string, schema: GoSchema, omitEmpty?: boolean];

/** Go's string encoding: JSON escapes plus `<`, `>`, `&`, U+2028 and U+2029 as \u escapes. */
export function goQuote(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** True when Go's omitempty would drop the value: nil pointer/slice/map, empty slice/map, false, 0, "" (never a struct). */
function isEmpty(v: unknown, schema: GoSchema): boolean {
  const nil = v === undefined || v === null;
  if (typeof schema === 'object') {
    if ('ptr' in schema) return nil; // a pointer to 0 is not empty
    if ('struct' in schema) return false;
    if ('slice' in schema) return nil || (Array.isArray(v) && v.length === 0);
    return nil || (isRecord(v) && Object.keys(v).length === 0);
  }
  if (schema === 'intOrString') return false; // intstr.IntOrString is a struct value
  return nil || v === false || v === 0 || v === '';
}

/** Marshals `v` as Go would marshal a value of `schema`. */
export function goMarshal(v: unknown, schema: GoSchema): string {
  if (typeof schema === 'string') return marshalScalar(v, schema);
  if ('ptr' in schema) return v === undefined || v === null ? 'null' : goMarshal(v, schema.ptr);
  if ('slice' in schema) return Array.isArray(v) ? `[${v.map((x) => goMarshal(x, schema.slice)).join(',')}]` : 'null';
  if ('map' in schema) {
    if (!isRecord(v)) return 'null';
    const keys = Object.keys(v).sort();
    return `{${keys.map((k) => `${goQuote(k)}:${goMarshal(v[k], schema.map)}`).join(',')}}`;
  }
  const obj = isRecord(v) ? v : {};
  const parts: string[] = [];
  for (const [name, fieldSchema, omitEmpty] of schema.struct) {
    const fv = obj[name];
    if (omitEmpty === true && isEmpty(fv, fieldSchema)) continue;
    parts.push(`${goQuote(name)}:${goMarshal(fv, fieldSchema)}`);
  }
  return `{${parts.join(',')}}`;
}

function marshalScalar(v: unknown, schema: 'string' | 'int' | 'bool' | 'raw' | 'intOrString'): string {
  switch (schema) {
    case 'string': return goQuote(typeof v === 'string' ? v : '');
    case 'int': return String(typeof v === 'number' ? Math.trunc(v) : 0);
    case 'bool': return v === true ? 'true' : 'false';
    case 'intOrString': return typeof v === 'string' ? goQuote(v) : String(typeof v === 'number' ? Math.trunc(v) : 0);
    case 'raw': return v === undefined ? 'null' : compactRaw(v);
  }
}

// json.RawMessage is emitted compacted, with object keys in their original order.
function compactRaw(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(compactRaw).join(',')}]`;
  if (isRecord(v)) return `{${Object.entries(v).map(([k, x]) => `${goQuote(k)}:${compactRaw(x)}`).join(',')}}`;
  return typeof v === 'string' ? goQuote(v) : JSON.stringify(v) ?? 'null';
}
