// The OpenAPI v3 schema node a CRD's `openAPIV3Schema` holds (apiextensions.k8s.io/v1 JSONSchemaProps), limited to
// the keywords a structural schema may use and Sluice's schemas need.

/** One `x-kubernetes-validations` rule (CEL), enforced by real API servers. */
export interface ValidationRule {
  rule: string;
  message?: string;
}

/** A structural OpenAPI v3 schema node (a type alias, so it is a plain JSON object). Key order here is the order the generator writes. */
export type JsonSchemaProps = {
  description?: string;
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  format?: string;
  enum?: string[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  default?: unknown;
  anyOf?: JsonSchemaProps[];
  'x-kubernetes-int-or-string'?: true;
  'x-kubernetes-preserve-unknown-fields'?: true;
  'x-kubernetes-embedded-resource'?: true;
  'x-kubernetes-map-type'?: 'atomic' | 'granular';
  'x-kubernetes-list-type'?: 'atomic' | 'set' | 'map';
  'x-kubernetes-list-map-keys'?: string[];
  'x-kubernetes-validations'?: ValidationRule[];
  required?: string[];
  items?: JsonSchemaProps;
  additionalProperties?: JsonSchemaProps;
  properties?: Record<string, JsonSchemaProps>;
};

const KEY_ORDER: readonly (keyof JsonSchemaProps)[] = [
  'description', 'type', 'format', 'enum', 'pattern', 'minimum', 'maximum', 'default', 'anyOf',
  'x-kubernetes-int-or-string', 'x-kubernetes-preserve-unknown-fields', 'x-kubernetes-embedded-resource',
  'x-kubernetes-map-type', 'x-kubernetes-list-type', 'x-kubernetes-list-map-keys', 'x-kubernetes-validations',
  'required', 'items', 'additionalProperties', 'properties',
];

/** A copy of `s` with its keys (and its children's) in KEY_ORDER, so generated files read the same every time. */
export function orderedSchema(s: Readonly<JsonSchemaProps>): JsonSchemaProps {
  const out: Record<string, unknown> = {};
  for (const k of KEY_ORDER) {
    const v = s[k];
    if (v === undefined) continue;
    if (k === 'items' || k === 'additionalProperties') out[k] = orderedSchema(v as JsonSchemaProps);
    else if (k === 'anyOf') out[k] = (v as JsonSchemaProps[]).map(orderedSchema);
    else if (k === 'properties') {
      out[k] = Object.fromEntries(Object.entries(v as Record<string, JsonSchemaProps>).map(([name, p]) => [name, orderedSchema(p)]));
    } else out[k] = v;
  }
  return out as JsonSchemaProps;
}
