// networking.k8s.io/v1 Ingress validation (networking validation.go, 1.32).
import { isIP } from 'node:net';
import { fieldErr, type FieldError } from '../../../api/field-error.js';
import { child, index, invalidEach, uniqueErrors } from './_field.js';
import { asArray, asNumber, asObject, asString, isAbsent, objectsOf, type JsonObject } from './_json.js';
import {
  isDNS1035Label, isDNS1123Subdomain, isValidPortName, isValidPortNum, isWildcardDNS1123Subdomain, nameIsDNSSubdomain,
} from './metadata.js';
import { validateObjectMeta, validateObjectMetaUpdate } from './object-meta.js';

const PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix'];
const INVALID_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F'];
const INVALID_SUFFIXES = ['/..', '/.'];
const INGRESS_CLASS_ANNOTATION = 'kubernetes.io/ingress.class';

function validateServiceBackend(service: JsonObject, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = asString(service['name']) ?? '';
  if (name === '') errs.push(fieldErr.required(child(child(path, 'service'), 'name')));
  else errs.push(...invalidEach(child(child(path, 'service'), 'name'), name, isDNS1035Label(name)));
  const port = asObject(service['port']) ?? {};
  const portName = asString(port['name']) ?? '';
  const portNumber = asNumber(port['number']) ?? 0;
  const portPath = child(child(path, 'service'), 'port');
  if (portName !== '' && portNumber !== 0) errs.push(fieldErr.invalid(path, '', 'cannot set both port name & port number'));
  else if (portName !== '') errs.push(...invalidEach(child(portPath, 'name'), portName, isValidPortName(portName)));
  else if (portNumber !== 0) errs.push(...invalidEach(child(portPath, 'number'), portNumber, isValidPortNum(portNumber)));
  else errs.push(fieldErr.required(path, 'port name or number is required'));
  return errs;
}

function validateBackend(backend: JsonObject, path: string): FieldError[] {
  const resource = asObject(backend['resource']);
  const service = asObject(backend['service']);
  if (resource !== undefined && service !== undefined) return [fieldErr.invalid(path, '', 'cannot set both resource and service backends')];
  if (service !== undefined) return validateServiceBackend(service, path);
  if (resource === undefined) return [fieldErr.invalid(path, '', 'resource or service backend is required')];
  return (asString(resource['kind']) ?? '') === '' ? [fieldErr.required(child(child(path, 'resource'), 'kind'), 'kind is required')] : [];
}

function validatePathValue(value: string, pathType: string, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (pathType === 'ImplementationSpecific') {
    return value !== '' && !value.startsWith('/') ? [fieldErr.invalid(path, value, 'must be an absolute path')] : [];
  }
  if (!value.startsWith('/')) errs.push(fieldErr.invalid(path, value, 'must be an absolute path'));
  if (value === '') return errs;
  for (const seq of INVALID_SEQUENCES) if (value.includes(seq)) errs.push(fieldErr.invalid(path, value, `must not contain '${seq}'`));
  for (const suffix of INVALID_SUFFIXES) if (value.endsWith(suffix)) errs.push(fieldErr.invalid(path, value, `cannot end with '${suffix}'`));
  return errs;
}

function validateHTTPPath(p: JsonObject, path: string): FieldError[] {
  const pathType = p['pathType'];
  if (isAbsent(pathType)) return [fieldErr.required(child(path, 'pathType'), 'pathType must be specified')];
  const type = asString(pathType) ?? String(pathType);
  const errs = PATH_TYPES.includes(type)
    ? validatePathValue(asString(p['path']) ?? '', type, child(path, 'path'))
    : [fieldErr.notSupported(child(path, 'pathType'), type, PATH_TYPES)];
  return [...errs, ...validateBackend(asObject(p['backend']) ?? {}, child(path, 'backend'))];
}

function validateHost(host: string, path: string): FieldError[] {
  const errs = isIP(host) !== 0 ? [fieldErr.invalid(path, host, 'must be a DNS name, not an IP address')] : [];
  const msgs = host.includes('*') ? isWildcardDNS1123Subdomain(host) : isDNS1123Subdomain(host);
  return [...errs, ...invalidEach(path, host, msgs)];
}

function validateRules(rules: JsonObject[], path: string): FieldError[] {
  return rules.flatMap((rule, i) => {
    const p = index(path, i);
    const host = asString(rule['host']) ?? '';
    const errs = host === '' ? [] : validateHost(host, child(p, 'host'));
    const http = asObject(rule['http']);
    if (http === undefined) return errs;
    const paths = objectsOf(http['paths']);
    if (paths.length === 0) errs.push(fieldErr.required(child(child(p, 'http'), 'paths')));
    paths.forEach((hp, j) => errs.push(...validateHTTPPath(hp, index(child(child(p, 'http'), 'paths'), j))));
    return errs;
  });
}

function validateTLS(tls: JsonObject[]): FieldError[] {
  return tls.flatMap((t, i) => {
    const p = index('spec.tls', i);
    const errs = (asArray(t['hosts']) ?? []).flatMap((h, j) => {
      const host = asString(h) ?? '';
      return invalidEach(index(child(p, 'hosts'), j), host, host.includes('*') ? isWildcardDNS1123Subdomain(host) : isDNS1123Subdomain(host));
    });
    const secretName = asString(t['secretName']) ?? '';
    if (secretName !== '') errs.push(...invalidEach(child(p, 'secretName'), secretName, isDNS1123Subdomain(secretName)));
    return errs;
  });
}

function validateIngressSpec(spec: JsonObject): FieldError[] {
  const rules = objectsOf(spec['rules']);
  const defaultBackend = asObject(spec['defaultBackend']);
  const errs: FieldError[] = [];
  if (rules.length === 0 && defaultBackend === undefined) errs.push(fieldErr.invalid('spec', spec['rules'] ?? null, 'either `defaultBackend` or `rules` must be specified'));
  if (defaultBackend !== undefined) errs.push(...validateBackend(defaultBackend, 'spec.defaultBackend'));
  errs.push(...validateRules(rules, 'spec.rules'), ...validateTLS(objectsOf(spec['tls'])));
  const className = asString(spec['ingressClassName']);
  if (className !== undefined) errs.push(...invalidEach('spec.ingressClassName', className, isDNS1123Subdomain(className)));
  return errs;
}

/** An Ingress; on create the legacy class annotation must agree with `ingressClassName`. */
export function validateIngress(ing: JsonObject, old?: JsonObject): FieldError[] {
  const spec = asObject(ing['spec']) ?? {};
  if (old !== undefined) {
    const metaErrs = [...validateObjectMetaUpdate(ing['metadata'], old['metadata']), ...validateObjectMeta(ing['metadata'], nameIsDNSSubdomain)];
    return uniqueErrors([...metaErrs, ...validateIngressSpec(spec)]);
  }
  const errs = [...validateObjectMeta(ing['metadata'], nameIsDNSSubdomain), ...validateIngressSpec(spec)];
  const annotation = asObject(asObject(ing['metadata'])?.['annotations'])?.[INGRESS_CLASS_ANNOTATION];
  const className = spec['ingressClassName'];
  if (typeof annotation === 'string' && typeof className === 'string' && annotation !== className) {
    errs.push(fieldErr.invalid(`annotations.${INGRESS_CLASS_ANNOTATION}`, annotation, 'must match `ingressClassName` when both are specified'));
  }
  return errs;
}
