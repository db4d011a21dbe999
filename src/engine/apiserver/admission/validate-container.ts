// Container validation shared by regular, init and ephemeral containers (core validateContainerCommon, 1.32).
import { fieldErr, type FieldError } from '../../../api/field-error.js';
import { child, index, invalidEach } from './_field.js';
import { asNumber, asObject, asString, isAbsent, objectsOf, type JsonObject } from './_json.js';
import { isConfigMapKey, isDNS1123Label, isDNS1123Subdomain, isEnvVarName, isValidPortName, isValidPortNum } from './metadata.js';

/** Protocols in the order Kubernetes lists them (sorted). */
export const PROTOCOLS = ['SCTP', 'TCP', 'UDP'] as const;
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const MESSAGE_POLICIES = ['File', 'FallbackToLogsOnError'];

function validatePorts(ports: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  objectsOf(ports).forEach((port, i) => {
    const p = index(path, i);
    const name = asString(port['name']) ?? '';
    if (name !== '') {
      const msgs = isValidPortName(name);
      if (msgs.length > 0) errs.push(...invalidEach(child(p, 'name'), name, msgs));
      else if (names.has(name)) errs.push(fieldErr.duplicate(child(p, 'name'), name));
      else names.add(name);
    }
    const containerPort = asNumber(port['containerPort']) ?? 0;
    if (containerPort === 0) errs.push(fieldErr.required(child(p, 'containerPort')));
    else errs.push(...invalidEach(child(p, 'containerPort'), containerPort, isValidPortNum(containerPort)));
    const hostPort = asNumber(port['hostPort']) ?? 0;
    if (hostPort !== 0) errs.push(...invalidEach(child(p, 'hostPort'), hostPort, isValidPortNum(hostPort)));
    errs.push(...validateProtocol(port['protocol'], child(p, 'protocol')));
  });
  return errs;
}

/** A port protocol: Required when empty, else one of SCTP, TCP, UDP. */
export function validateProtocol(protocol: unknown, path: string): FieldError[] {
  const v = asString(protocol) ?? '';
  if (v === '') return [fieldErr.required(path)];
  return PROTOCOLS.some((p) => p === v) ? [] : [fieldErr.notSupported(path, v, PROTOCOLS)];
}

function validateKeySelector(ref: JsonObject, path: string): FieldError[] {
  const name = asString(ref['name']) ?? '';
  const errs = invalidEach(child(path, 'name'), name, isDNS1123Subdomain(name));
  const k = asString(ref['key']) ?? '';
  if (k === '') errs.push(fieldErr.required(child(path, 'key')));
  else errs.push(...invalidEach(child(path, 'key'), k, isConfigMapKey(k)));
  return errs;
}

const ENV_FIELD_PATHS = ['metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName', 'spec.serviceAccountName',
  'status.hostIP', 'status.hostIPs', 'status.podIP', 'status.podIPs'];

function validateFieldRef(ref: JsonObject, path: string): FieldError[] {
  if ((asString(ref['apiVersion']) ?? '') === '') return [fieldErr.required(child(path, 'apiVersion'))];
  const fieldPath = asString(ref['fieldPath']) ?? '';
  if (fieldPath === '') return [fieldErr.required(child(path, 'fieldPath'))];
  if (/^metadata\.(labels|annotations)\['[^']*'\]$/.test(fieldPath)) return [];
  return ENV_FIELD_PATHS.includes(fieldPath) ? [] : [fieldErr.notSupported(child(path, 'fieldPath'), fieldPath, ENV_FIELD_PATHS)];
}

function validateValueFrom(env: JsonObject, path: string): FieldError[] {
  const from = asObject(env['valueFrom']);
  if (from === undefined) return [];
  const errs: FieldError[] = [];
  const sources = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef'].filter((s) => asObject(from[s]) !== undefined);
  const fieldRef = asObject(from['fieldRef']);
  if (fieldRef !== undefined) errs.push(...validateFieldRef(fieldRef, child(path, 'fieldRef')));
  for (const s of ['configMapKeyRef', 'secretKeyRef']) {
    const ref = asObject(from[s]);
    if (ref !== undefined) errs.push(...validateKeySelector(ref, child(path, s)));
  }
  if (sources.length === 0) errs.push(fieldErr.invalid(path, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'));
  else if ((asString(env['value']) ?? '') !== '') errs.push(fieldErr.invalid(path, '', 'may not be specified when `value` is not empty'));
  else if (sources.length > 1) errs.push(fieldErr.invalid(path, '', 'may not have more than one field specified at a time'));
  return errs;
}

function validateEnv(env: unknown, path: string): FieldError[] {
  return objectsOf(env).flatMap((e, i) => {
    const p = index(path, i);
    const name = asString(e['name']) ?? '';
    const nameErrs = name === '' ? [fieldErr.required(child(p, 'name'))] : invalidEach(child(p, 'name'), name, isEnvVarName(name));
    return [...nameErrs, ...validateValueFrom(e, child(p, 'valueFrom'))];
  });
}

function validateVolumeMounts(mounts: unknown, volumes: ReadonlySet<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const mountPaths = new Set<string>();
  objectsOf(mounts).forEach((m, i) => {
    const p = index(path, i);
    const name = asString(m['name']) ?? '';
    const mountPath = asString(m['mountPath']) ?? '';
    if (name === '') errs.push(fieldErr.required(child(p, 'name')));
    if (!volumes.has(name)) errs.push({ type: 'NotFound', field: child(p, 'name'), value: name });
    if (mountPath === '') errs.push(fieldErr.required(child(p, 'mountPath')));
    if (mountPaths.has(mountPath)) errs.push(fieldErr.invalid(child(p, 'mountPath'), mountPath, 'must be unique'));
    mountPaths.add(mountPath);
  });
  return errs;
}

/** Rules common to every container: name, image, policies, ports, env, volume mounts. */
export function validateContainerCommon(c: JsonObject, path: string, volumes: ReadonlySet<string>): FieldError[] {
  const errs: FieldError[] = [];
  const name = asString(c['name']) ?? '';
  if (name === '') errs.push(fieldErr.required(child(path, 'name')));
  else errs.push(...invalidEach(child(path, 'name'), name, isDNS1123Label(name)));
  if ((asString(c['image']) ?? '') === '') errs.push(fieldErr.required(child(path, 'image')));
  errs.push(...oneOf(c['terminationMessagePolicy'], MESSAGE_POLICIES, child(path, 'terminationMessagePolicy')));
  errs.push(...validatePorts(c['ports'], child(path, 'ports')));
  errs.push(...validateEnv(c['env'], child(path, 'env')));
  errs.push(...validateVolumeMounts(c['volumeMounts'], volumes, child(path, 'volumeMounts')));
  errs.push(...oneOf(c['imagePullPolicy'], PULL_POLICIES, child(path, 'imagePullPolicy')));
  return errs;
}

/** An enum string field: Required when empty, NotSupported when unknown. */
export function oneOf(value: unknown, supported: readonly string[], path: string): FieldError[] {
  const v = isAbsent(value) ? '' : (asString(value) ?? String(value));
  if (v === '') return [fieldErr.required(path)];
  return supported.includes(v) ? [] : [fieldErr.notSupported(path, v, supported)];
}

/** checkHostPortConflicts: the same protocol/hostIP/hostPort may be used once across the containers. */
export function hostPortConflicts(containers: readonly JsonObject[], path: string): FieldError[] {
  const seen = new Set<string>();
  const errs: FieldError[] = [];
  containers.forEach((c, ci) => objectsOf(c['ports']).forEach((port, pi) => {
    const hostPort = asNumber(port['hostPort']) ?? 0;
    if (hostPort === 0) return;
    const id = `${asString(port['protocol']) ?? ''}/${asString(port['hostIP']) ?? ''}/${hostPort}`;
    if (seen.has(id)) errs.push(fieldErr.duplicate(child(index(child(index(path, ci), 'ports'), pi), 'hostPort'), id));
    seen.add(id);
  }));
  return errs;
}
