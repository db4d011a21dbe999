// core/v1 Service validation (core ValidateService / ValidateServiceUpdate, 1.32, plus the node-port
// allocator's range check, which Kubernetes applies while allocating).
import { fieldErr, type FieldError } from '../../../api/field-error.js';
import { child, index, invalidEach, readInt } from './_field.js';
import { asArray, asNumber, asObject, asString, isAbsent, objectsOf, type JsonObject } from './_json.js';
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidPortNum, nameIsDNS1035Label } from './metadata.js';
import { validateLabels, validateObjectMeta, validateObjectMetaUpdate } from './object-meta.js';
import { validateProtocol } from './validate-container.js';
import { validatePortNumOrName } from './validate-probe.js';
import { validateServiceIPs, validateServiceUpdateIPs } from './validate-service-ips.js';

/** The default node-port range of kube-apiserver (`--service-node-port-range`). */
export const NODE_PORT_RANGE = { min: 30000, max: 32767 } as const;
const TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const TRAFFIC_POLICIES = ['Cluster', 'Local'];

/** A Service whose (first) cluster IP is `None`. */
export function isHeadless(spec: JsonObject): boolean {
  const ips = (asArray(spec['clusterIPs']) ?? []).filter((ip) => typeof ip === 'string');
  return ips.length > 0 ? ips.length === 1 && ips[0] === 'None' : spec['clusterIP'] === 'None';
}

function validatePort(port: JsonObject, requireName: boolean, names: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = asString(port['name']) ?? '';
  if (requireName && name === '') errs.push(fieldErr.required(child(path, 'name')));
  else if (name !== '') {
    errs.push(...invalidEach(child(path, 'name'), name, isDNS1123Label(name)));
    if (names.has(name)) errs.push(fieldErr.duplicate(child(path, 'name'), name));
    names.add(name);
  }
  const num = readInt(port, 'port', child(path, 'port'), errs) ?? 0;
  errs.push(...invalidEach(child(path, 'port'), num, isValidPortNum(num)));
  errs.push(...validateProtocol(port['protocol'], child(path, 'protocol')));
  errs.push(...validatePortNumOrName(port['targetPort'] ?? 0, child(path, 'targetPort')));
  const appProtocol = asString(port['appProtocol']);
  if (appProtocol !== undefined) errs.push(...invalidEach(child(path, 'appProtocol'), appProtocol, isQualifiedName(appProtocol)));
  return errs;
}

function validateTypeRules(spec: JsonObject, type: string): FieldError[] {
  if ((type === 'LoadBalancer' || type === 'NodePort') && isHeadless(spec)) {
    return [fieldErr.invalid('spec.clusterIPs[0]', 'None', `may not be set to 'None' for ${type} services`)];
  }
  if (type !== 'ExternalName') return [];
  const errs: FieldError[] = [];
  for (const f of ['clusterIPs', 'ipFamilies']) {
    if ((asArray(spec[f]) ?? []).length > 0) errs.push(fieldErr.forbidden(`spec.${f}`, 'may not be set for ExternalName services'));
  }
  if (!isAbsent(spec['ipFamilyPolicy'])) errs.push(fieldErr.forbidden('spec.ipFamilyPolicy', 'may not be set for ExternalName services'));
  const cname = (asString(spec['externalName']) ?? '').replace(/\.$/, '');
  if (cname === '') errs.push(fieldErr.required('spec.externalName'));
  else errs.push(...invalidEach('spec.externalName', cname, isDNS1123Subdomain(cname)));
  return errs;
}

function validateSessionAffinity(spec: JsonObject): FieldError[] {
  const affinity = asString(spec['sessionAffinity']) ?? '';
  if (affinity === '') return [fieldErr.required('spec.sessionAffinity')];
  if (affinity !== 'ClientIP' && affinity !== 'None') return [fieldErr.notSupported('spec.sessionAffinity', affinity, ['ClientIP', 'None'])];
  const config = asObject(spec['sessionAffinityConfig']);
  if (affinity === 'None') {
    return config === undefined ? [] : [fieldErr.forbidden('spec.sessionAffinityConfig', 'must not be set when session affinity is None')];
  }
  const timeout = asNumber(asObject(config?.['clientIP'])?.['timeoutSeconds']);
  if (timeout === undefined) return [fieldErr.required('spec.sessionAffinityConfig.clientIP.timeoutSeconds', 'when session affinity type is ClientIP')];
  return timeout > 0 && timeout <= 86400 ? [] : [fieldErr.invalid('spec.sessionAffinityConfig.clientIP.timeoutSeconds', timeout, 'must be greater than 0 and less than 86400')];
}

function validateNodePorts(ports: JsonObject[], type: string): FieldError[] {
  const errs: FieldError[] = [];
  const seenNodePorts = new Set<string>();
  const seenPorts = new Set<string>();
  ports.forEach((port, i) => {
    const p = index('spec.ports', i);
    const protocol = asString(port['protocol']) ?? '';
    const nodePort = asNumber(port['nodePort']) ?? 0;
    if (type === 'ClusterIP' && nodePort !== 0) errs.push(fieldErr.forbidden(child(p, 'nodePort'), "may not be used when `type` is 'ClusterIP'"));
    if ((type === 'NodePort' || type === 'LoadBalancer') && nodePort !== 0 && (nodePort < NODE_PORT_RANGE.min || nodePort > NODE_PORT_RANGE.max)) {
      errs.push(fieldErr.invalid(child(p, 'nodePort'), nodePort, `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_RANGE.min}-${NODE_PORT_RANGE.max}`));
    }
    if (nodePort !== 0 && seenNodePorts.has(`${protocol}/${nodePort}`)) errs.push(fieldErr.duplicate(child(p, 'nodePort'), nodePort));
    if (nodePort !== 0) seenNodePorts.add(`${protocol}/${nodePort}`);
    const id = `${protocol}/${asNumber(port['port']) ?? 0}`;
    if (seenPorts.has(id)) errs.push(fieldErr.duplicate(p, { protocol, port: asNumber(port['port']) ?? 0 }));
    seenPorts.add(id);
  });
  return errs;
}

function validateTrafficPolicies(spec: JsonObject, type: string): FieldError[] {
  const errs: FieldError[] = [];
  const external = asString(spec['externalTrafficPolicy']) ?? '';
  const accessible = type === 'NodePort' || type === 'LoadBalancer' || (asArray(spec['externalIPs']) ?? []).length > 0;
  if (!accessible && external !== '') errs.push(fieldErr.invalid('spec.externalTrafficPolicy', external, 'may only be set for externally-accessible services'));
  if (accessible && external === '') errs.push(fieldErr.required('spec.externalTrafficPolicy'));
  if (accessible && external !== '' && !TRAFFIC_POLICIES.includes(external)) errs.push(fieldErr.notSupported('spec.externalTrafficPolicy', external, TRAFFIC_POLICIES));
  const internal = spec['internalTrafficPolicy'];
  if (isAbsent(internal) && ['NodePort', 'LoadBalancer', 'ClusterIP'].includes(type)) errs.push(fieldErr.required('spec.internalTrafficPolicy'));
  if (!isAbsent(internal) && !TRAFFIC_POLICIES.some((t) => t === internal)) errs.push(fieldErr.notSupported('spec.internalTrafficPolicy', internal, TRAFFIC_POLICIES));
  return errs;
}

function validateServiceSpec(spec: JsonObject): FieldError[] {
  const type = asString(spec['type']) ?? '';
  const ports = objectsOf(spec['ports']);
  const errs: FieldError[] = [];
  if (ports.length === 0 && !isHeadless(spec) && type !== 'ExternalName') errs.push(fieldErr.required('spec.ports'));
  errs.push(...validateTypeRules(spec, type));
  const names = new Set<string>();
  ports.forEach((port, i) => errs.push(...validatePort(port, ports.length > 1, names, index('spec.ports', i))));
  if (!isAbsent(spec['selector'])) errs.push(...validateLabels(spec['selector'], 'spec.selector'));
  errs.push(...validateSessionAffinity(spec), ...validateServiceIPs(spec, type));
  if (type === '') errs.push(fieldErr.required('spec.type'));
  else if (!TYPES.includes(type)) errs.push(fieldErr.notSupported('spec.type', type, TYPES));
  return [...errs, ...validateNodePorts(ports, type), ...validateTrafficPolicies(spec, type)];
}

/** A Service; Service names are RFC 1035 labels (they become DNS names and environment variable prefixes). */
export function validateService(svc: JsonObject, old?: JsonObject): FieldError[] {
  const spec = asObject(svc['spec']) ?? {};
  if (old === undefined) return [...validateObjectMeta(svc['metadata'], nameIsDNS1035Label), ...validateServiceSpec(spec)];
  return [
    ...validateObjectMetaUpdate(svc['metadata'], old['metadata']),
    ...validateServiceUpdateIPs(spec, asObject(old['spec']) ?? {}),
    ...validateServiceSpec(spec),
  ];
}
