// Strict field checking of manifests, as Go's strict decoding does it (yaml.UnmarshalStrict with
// DisallowUnknownFields): every key must be a field of the type, every scalar of the right kind. CRD pruning would
// silently drop an unknown field (`Strategy:` instead of `strategy:`); this reports it, with the path and a hint.

/** Scalar kinds: `int` is a whole number, `intOrString` either, `any` anything. */
export type LeafKind = 'string' | 'int' | 'number' | 'bool' | 'intOrString' | 'any';

/** The shape of a value. `model` names a Kubernetes type resolved at check time (`V1PodTemplateSpec`). */
export type FieldSchema =
  | { readonly t: 'object'; readonly fields: Readonly<Record<string, FieldSchema>> }
  | { readonly t: 'array'; readonly items: FieldSchema }
  | { readonly t: 'map'; readonly values: FieldSchema }
  | { readonly t: 'leaf'; readonly kind: LeafKind }
  | { readonly t: 'model'; readonly name: string }
  /** A field older manifests use that today's schema lacks: a warning, not an error. */
  | { readonly t: 'deprecated'; readonly hint: string };

/** A path segment: a key or an array index. */
export type PathSegment = string | number;

/** One problem found. */
export interface FieldProblem {
  path: PathSegment[];
  message: string;
  severity: 'error' | 'warning';
}

/** Resolves a `model` schema; undefined when the model is unknown (its content is then not checked). */
export type ModelResolver = (name: string) => FieldSchema | undefined;

/** `spec.template.spec.containers[0].image` */
export function formatPath(path: readonly PathSegment[]): string {
  return path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s === '' ? p : `${s}.${p}`), '');
}

function kindOf(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v === 'object' ? 'object' : typeof v;
}

const LEAF_OK: Readonly<Record<LeafKind, (v: unknown) => boolean>> = {
  string: (v) => typeof v === 'string',
  int: (v) => typeof v === 'number' && Number.isInteger(v),
  number: (v) => typeof v === 'number',
  bool: (v) => typeof v === 'boolean',
  intOrString: (v) => typeof v === 'string' || (typeof v === 'number' && Number.isInteger(v)),
  any: () => true,
};

const LEAF_NAME: Readonly<Record<LeafKind, string>> = {
  string: 'string', int: 'integer', number: 'number', bool: 'boolean', intOrString: 'integer or string', any: 'any value',
};

function suggestion(key: string, known: readonly string[]): string {
  const lower = key.toLowerCase();
  const hit = known.find((k) => k.toLowerCase() === lower);
  return hit === undefined ? '' : ` (did you mean "${hit}"?)`;
}

function checkObject(value: object, fields: Readonly<Record<string, FieldSchema>>, path: PathSegment[], models: ModelResolver, out: FieldProblem[]): void {
  const known = Object.keys(fields);
  for (const [key, v] of Object.entries(value)) {
    const schema = Object.hasOwn(fields, key) ? fields[key] : undefined;
    if (schema === undefined) {
      out.push({ path: [...path, key], message: `unknown field "${key}"${suggestion(key, known)}`, severity: 'error' });
      continue;
    }
    checkValue(v, schema, [...path, key], models, out);
  }
}

/**
 * Appends the problems of `value` against `schema` to `out`. `null` is accepted anywhere (Go decodes it as the
 * zero value). Unknown fields are errors with a hint when only the letter case differs.
 */
export function checkValue(value: unknown, schema: FieldSchema, path: PathSegment[], models: ModelResolver, out: FieldProblem[]): void {
  if (value === null || value === undefined) return;
  const expect = (what: string): void => { out.push({ path, message: `expected ${what}, got ${kindOf(value)}`, severity: 'error' }); };
  switch (schema.t) {
    case 'leaf':
      if (!LEAF_OK[schema.kind](value)) expect(LEAF_NAME[schema.kind]);
      return;
    case 'deprecated':
      out.push({ path, message: schema.hint, severity: 'warning' });
      return;
    case 'model': {
      const resolved = models(schema.name);
      if (resolved !== undefined) checkValue(value, resolved, path, models, out);
      return;
    }
    case 'array':
      if (!Array.isArray(value)) { expect('array'); return; }
      value.forEach((item: unknown, i) => {
        // A null list item decodes to an empty struct in Go; say so rather than let validation trip over it.
        if (item === null && schema.items.t !== 'leaf') out.push({ path: [...path, i], message: 'expected object, got null', severity: 'error' });
        else checkValue(item, schema.items, [...path, i], models, out);
      });
      return;
    case 'map':
      if (typeof value !== 'object' || Array.isArray(value)) { expect('object'); return; }
      for (const [k, v] of Object.entries(value)) checkValue(v, schema.values, [...path, k], models, out);
      return;
    case 'object':
      if (typeof value !== 'object' || Array.isArray(value)) { expect('object'); return; }
      checkObject(value, schema.fields, path, models, out);
      return;
  }
}
