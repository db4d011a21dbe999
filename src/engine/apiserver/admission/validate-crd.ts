// apiextensions.k8s.io/v1 CustomResourceDefinition validation (the rules that matter to Sluice, 1.32).
import { fieldErr, type FieldError } from '../../../api/field-error.js';
import { child, immutable, index } from './_field.js';
import { asObject, asString, objectsOf, type JsonObject } from './_json.js';
import { compileSchema } from './crd-schema.js';
import { schemaHasDefaults, validateStructuralSchema } from './crd-structural.js';
import { isDNS1035Label, isDNS1123Subdomain, nameIsDNSSubdomain, type NameValidator } from './metadata.js';
import { validateObjectMeta, validateObjectMetaUpdate } from './object-meta.js';

function joined(path: string, value: string, msgs: string[], prefix = ''): FieldError[] {
  return msgs.length === 0 ? [] : [fieldErr.invalid(path, value, prefix + msgs.join(','))];
}

function validateGroupAndScope(spec: JsonObject): FieldError[] {
  const errs: FieldError[] = [];
  const group = asString(spec['group']) ?? '';
  if (group === '') errs.push(fieldErr.required('spec.group'));
  else if (isDNS1123Subdomain(group).length > 0) errs.push(...joined('spec.group', group, isDNS1123Subdomain(group)));
  else if (!group.includes('.')) errs.push(fieldErr.invalid('spec.group', group, 'should be a domain with at least one dot'));
  const scope = asString(spec['scope']) ?? '';
  if (scope === '') errs.push(fieldErr.required('spec.scope'));
  else if (scope !== 'Cluster' && scope !== 'Namespaced') errs.push(fieldErr.notSupported('spec.scope', scope, ['Cluster', 'Namespaced']));
  return errs;
}

function validateVersion(version: JsonObject, path: string): FieldError[] {
  const name = asString(version['name']) ?? '';
  const errs = joined(child(path, 'name'), name, isDNS1035Label(name));
  const schemaPath = child(child(path, 'schema'), 'openAPIV3Schema');
  const schema = asObject(version['schema'])?.['openAPIV3Schema'];
  const schemaErrs = validateStructuralSchema(schema, schemaPath);
  errs.push(...schemaErrs);
  if (schemaErrs.length === 0) {
    const built = compileSchema(schema);
    if (built.error !== undefined) errs.push(fieldErr.invalid(child(path, 'schema'), '', `error building validator: ${built.error}`));
  }
  return errs;
}

function validateVersions(spec: JsonObject): FieldError[] {
  const versions = objectsOf(spec['versions']);
  const errs = versions.flatMap((v, i) => validateVersion(v, index('spec.versions', i)));
  const names = versions.map((v) => asString(v['name']) ?? '');
  if (new Set(names).size !== names.length) errs.push(fieldErr.invalid('spec.versions', spec['versions'], 'must contain unique version names'));
  if (versions.filter((v) => v['storage'] === true).length !== 1) {
    errs.push(fieldErr.invalid('spec.versions', spec['versions'] ?? null, 'must have exactly one version marked as storage version'));
  }
  if (spec['preserveUnknownFields'] === true) {
    if (versions.some((v) => schemaHasDefaults(asObject(v['schema'])?.['openAPIV3Schema']))) {
      errs.push(fieldErr.invalid('spec.preserveUnknownFields', true, 'must be false in order to use defaults in the schema'));
    }
  }
  return errs;
}

function validateNames(names: JsonObject): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of ['plural', 'singular', 'kind', 'listKind']) {
    if ((asString(names[f]) ?? '') === '') errs.push(fieldErr.required(child('spec.names', f)));
  }
  for (const f of ['plural', 'singular']) {
    const v = asString(names[f]) ?? '';
    if (v !== '') errs.push(...joined(child('spec.names', f), v, isDNS1035Label(v)));
  }
  for (const f of ['kind', 'listKind']) {
    const v = asString(names[f]) ?? '';
    if (v !== '') errs.push(...joined(child('spec.names', f), v, isDNS1035Label(v.toLowerCase()), 'may have mixed case, but should otherwise match: '));
  }
  const kind = asString(names['kind']) ?? '';
  if (kind !== '' && kind === names['listKind']) errs.push(fieldErr.invalid('spec.names.listKind', kind, 'kind and listKind may not be the same'));
  return errs;
}

function validateSpec(spec: JsonObject): FieldError[] {
  const errs = [...validateGroupAndScope(spec), ...validateVersions(spec), ...validateNames(asObject(spec['names']) ?? {})];
  if (spec['preserveUnknownFields'] === true) {
    errs.push(fieldErr.invalid('spec.preserveUnknownFields', true, 'cannot set to true, set x-kubernetes-preserve-unknown-fields to true in spec.versions[*].schema instead'));
  }
  return errs;
}

function isEstablished(crd: JsonObject): boolean {
  return objectsOf(asObject(crd['status'])?.['conditions']).some((c) => c['type'] === 'Established' && c['status'] === 'True');
}

/**
 * A CustomResourceDefinition: name `<plural>.<group>`, group, scope, names, versions (exactly one storage
 * version) and a structural schema per version. On update group and plural are immutable, and scope and
 * kind too once the old CRD is Established.
 */
export function validateCrd(crd: JsonObject, old?: JsonObject): FieldError[] {
  const spec = asObject(crd['spec']) ?? {};
  if (old === undefined) {
    const required = `${asString(asObject(spec['names'])?.['plural']) ?? ''}.${asString(spec['group']) ?? ''}`;
    const nameFn: NameValidator = (name, prefix) => [
      ...nameIsDNSSubdomain(name, prefix), ...(name === required ? [] : ['must be spec.names.plural+"."+spec.group']),
    ];
    return [...validateObjectMeta(crd['metadata'], nameFn), ...validateSpec(spec)];
  }
  const oldSpec = asObject(old['spec']) ?? {};
  const names = asObject(spec['names']) ?? {};
  const oldNames = asObject(oldSpec['names']) ?? {};
  const errs = [...validateObjectMetaUpdate(crd['metadata'], old['metadata']), ...validateSpec(spec)];
  if (isEstablished(old)) errs.push(...immutable('spec.scope', spec['scope'], oldSpec['scope']), ...immutable('spec.names.kind', names['kind'], oldNames['kind']));
  return [...errs, ...immutable('spec.group', spec['group'], oldSpec['group']), ...immutable('spec.names.plural', names['plural'], oldNames['plural'])];
}
