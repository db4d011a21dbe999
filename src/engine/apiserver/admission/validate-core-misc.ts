// The smaller kinds: Namespace, ServiceAccount, Endpoints, Event (core/v1) and Lease (coordination/v1).
import { isIP } from 'node:net';
import { fieldErr, type FieldError } from '../../../api/field-error.js';
import { child, index, invalidEach, readInt, uniqueErrors } from './_field.js';
import { asArray, asObject, asString, isAbsent, objectsOf, type JsonObject } from './_json.js';
import { isDNS1123Label, isDNS1123Subdomain, isValidPortNum, nameIsDNSLabel, nameIsDNSSubdomain } from './metadata.js';
import { validateFinalizerName, validateObjectMeta, validateObjectMetaUpdate } from './object-meta.js';
import { validateProtocol } from './validate-container.js';

/** A Namespace: the name is an RFC 1123 label; spec.finalizers are finalizer names. */
export function validateNamespace(ns: JsonObject, old?: JsonObject): FieldError[] {
  if (old !== undefined) return validateObjectMetaUpdate(ns['metadata'], old['metadata']);
  const finalizers = (asArray(asObject(ns['spec'])?.['finalizers']) ?? []).filter((f): f is string => typeof f === 'string');
  return [...validateObjectMeta(ns['metadata'], nameIsDNSLabel), ...finalizers.flatMap((f) => validateFinalizerName(f, 'spec.finalizers'))];
}

/** Metadata-only kinds (ServiceAccount): DNS subdomain names. */
export function validateMetadataOnly(obj: JsonObject, old?: JsonObject): FieldError[] {
  const errs = old === undefined ? [] : validateObjectMetaUpdate(obj['metadata'], old['metadata']);
  return uniqueErrors([...errs, ...validateObjectMeta(obj['metadata'], nameIsDNSSubdomain)]);
}

function validateAddress(addr: JsonObject, path: string): FieldError[] {
  const ip = asString(addr['ip']) ?? '';
  const errs = isIP(ip) === 0 ? [fieldErr.invalid(child(path, 'ip'), ip, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)')] : [];
  const hostname = asString(addr['hostname']) ?? '';
  if (hostname !== '') errs.push(...invalidEach(child(path, 'hostname'), hostname, isDNS1123Label(hostname)));
  const nodeName = asString(addr['nodeName']);
  if (nodeName !== undefined) errs.push(...invalidEach(child(path, 'nodeName'), nodeName, isDNS1123Subdomain(nodeName)));
  return errs;
}

function validateSubset(subset: JsonObject, path: string): FieldError[] {
  const addresses = objectsOf(subset['addresses']);
  const notReady = objectsOf(subset['notReadyAddresses']);
  const errs = addresses.length + notReady.length === 0 ? [fieldErr.required(path, 'must specify `addresses` or `notReadyAddresses`')] : [];
  addresses.forEach((a, i) => errs.push(...validateAddress(a, index(child(path, 'addresses'), i))));
  notReady.forEach((a, i) => errs.push(...validateAddress(a, index(child(path, 'notReadyAddresses'), i))));
  const ports = objectsOf(subset['ports']);
  ports.forEach((port, i) => {
    const p = index(child(path, 'ports'), i);
    const name = asString(port['name']) ?? '';
    if (ports.length > 1 && name === '') errs.push(fieldErr.required(child(p, 'name')));
    else if (name !== '') errs.push(...invalidEach(child(p, 'name'), name, isDNS1123Label(name)));
    const num = readInt(port, 'port', child(p, 'port'), errs) ?? 0;
    errs.push(...invalidEach(child(p, 'port'), num, isValidPortNum(num)), ...validateProtocol(port['protocol'], child(p, 'protocol')));
  });
  return errs;
}

/** Endpoints: every subset has addresses; addresses are IPs; ports are valid. */
export function validateEndpoints(ep: JsonObject, old?: JsonObject): FieldError[] {
  const errs = old === undefined ? [] : validateObjectMetaUpdate(ep['metadata'], old['metadata']);
  errs.push(...validateObjectMeta(ep['metadata'], nameIsDNSSubdomain));
  objectsOf(ep['subsets']).forEach((s, i) => errs.push(...validateSubset(s, index('subsets', i))));
  return uniqueErrors(errs);
}

/** A core/v1 Event (minimal): metadata and the involved object's namespace matching the event's. */
export function validateEvent(ev: JsonObject, old?: JsonObject): FieldError[] {
  const errs = old === undefined ? [] : validateObjectMetaUpdate(ev['metadata'], old['metadata']);
  errs.push(...validateObjectMeta(ev['metadata'], nameIsDNSSubdomain));
  const namespace = asString(asObject(ev['metadata'])?.['namespace']);
  const involved = asString(asObject(ev['involvedObject'])?.['namespace']) ?? '';
  if (namespace !== undefined) {
    // Old-style events (no eventTime) must agree on the namespace; new-style ones only when the object has none.
    const ok = isAbsent(ev['eventTime'])
      ? (involved === '' ? namespace === '' || namespace === 'default' : involved === namespace)
      : involved !== '' || namespace === 'default' || namespace === 'kube-system';
    if (!ok) errs.push(fieldErr.invalid('involvedObject.namespace', involved, 'does not match event.namespace'));
  }
  return uniqueErrors(errs);
}

/** A Lease: leaseDurationSeconds > 0 and leaseTransitions ≥ 0 when set. */
export function validateLease(lease: JsonObject, old?: JsonObject): FieldError[] {
  const errs = old === undefined ? [] : validateObjectMetaUpdate(lease['metadata'], old['metadata']);
  errs.push(...validateObjectMeta(lease['metadata'], nameIsDNSSubdomain));
  const spec = asObject(lease['spec']) ?? {};
  const duration = readInt(spec, 'leaseDurationSeconds', 'spec.leaseDurationSeconds', errs);
  if (duration !== undefined && duration <= 0) errs.push(fieldErr.invalid('spec.leaseDurationSeconds', duration, 'must be greater than 0'));
  const transitions = readInt(spec, 'leaseTransitions', 'spec.leaseTransitions', errs);
  if (transitions !== undefined && transitions < 0) errs.push(fieldErr.invalid('spec.leaseTransitions', transitions, 'must be greater than or equal to 0'));
  return uniqueErrors(errs);
}
