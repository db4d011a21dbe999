// core/v1 Service defaults (SetDefaults_Service, 1.32) plus what the Service REST storage fills in before
// validation: clusterIP/clusterIPs agreement, IP family policy and, on update, allocated values kept from the
// stored object (kubectl apply does not send clusterIP or nodePort back).
import {
  asArray, asNumber, asObject, asString, ensureObject, isAbsent, objectsOf, setDefault, setDefaultString, type JsonObject,
} from './_json.js';

/** SetDefaults_Service: type ClusterIP, sessionAffinity None, protocol TCP, targetPort = port, traffic policies. */
export function defaultServiceSpec(spec: JsonObject): void {
  setDefaultString(spec, 'sessionAffinity', 'None');
  if (spec['sessionAffinity'] === 'None') delete spec['sessionAffinityConfig'];
  if (spec['sessionAffinity'] === 'ClientIP') {
    const clientIP = asObject(asObject(spec['sessionAffinityConfig'])?.['clientIP']);
    if (asNumber(clientIP?.['timeoutSeconds']) === undefined) spec['sessionAffinityConfig'] = { clientIP: { timeoutSeconds: 10800 } };
  }
  setDefaultString(spec, 'type', 'ClusterIP');
  for (const port of objectsOf(spec['ports'])) {
    setDefaultString(port, 'protocol', 'TCP');
    if (isAbsent(port['targetPort']) || port['targetPort'] === 0 || port['targetPort'] === '') port['targetPort'] = port['port'];
  }
  const type = spec['type'];
  const externallyAccessible = type === 'NodePort' || type === 'LoadBalancer' || (asArray(spec['externalIPs']) ?? []).length > 0;
  if (externallyAccessible) setDefaultString(spec, 'externalTrafficPolicy', 'Cluster');
  if (type === 'NodePort' || type === 'LoadBalancer' || type === 'ClusterIP') setDefault(spec, 'internalTrafficPolicy', 'Cluster');
  if (type === 'LoadBalancer') setDefault(spec, 'allocateLoadBalancerNodePorts', true);
}

const sameIPs = (a: unknown, b: unknown): boolean => JSON.stringify(asArray(a) ?? []) === JSON.stringify(asArray(b) ?? []);

/** normalizeClusterIPs: derives `clusterIPs` from the singular `clusterIP` an older client may have sent alone. */
function normalizeClusterIPs(spec: JsonObject, oldSpec: JsonObject | undefined): void {
  const clusterIP = asString(spec['clusterIP']) ?? '';
  if (oldSpec === undefined) {
    if (clusterIP !== '' && (asArray(spec['clusterIPs']) ?? []).length === 0) spec['clusterIPs'] = [clusterIP];
    return;
  }
  const oldClusterIP = asString(oldSpec['clusterIP']) ?? '';
  if ((asArray(oldSpec['clusterIPs']) ?? []).length > 0 && (asArray(spec['clusterIPs']) ?? []).length === 0 && oldClusterIP === clusterIP) {
    spec['clusterIPs'] = oldSpec['clusterIPs'];
  }
  if (oldClusterIP === clusterIP || !sameIPs(spec['clusterIPs'], oldSpec['clusterIPs'])) return;
  // A changed (not cleared) clusterIP with untouched clusterIPs means the client meant the singular field.
  if (clusterIP === '') delete spec['clusterIPs'];
  else spec['clusterIPs'] = [clusterIP];
}

/** initIPFamilyFields on a single-stack IPv4 cluster; headless services without a selector ask for dual stack. */
function defaultIPFamilies(spec: JsonObject, oldSpec: JsonObject | undefined): void {
  if (spec['type'] === 'ExternalName') return;
  if (isAbsent(spec['ipFamilyPolicy']) && !isAbsent(oldSpec?.['ipFamilyPolicy'])) spec['ipFamilyPolicy'] = oldSpec?.['ipFamilyPolicy'];
  const headlessNoSelector = spec['clusterIP'] === 'None' && Object.keys(asObject(spec['selector']) ?? {}).length === 0;
  setDefault(spec, 'ipFamilyPolicy', headlessNoSelector ? 'RequireDualStack' : 'SingleStack');
  const families = asArray(spec['ipFamilies']) ?? [];
  if (families.length > 0) return;
  const ip = asString(spec['clusterIP']) ?? '';
  const first = ip.includes(':') ? 'IPv6' : 'IPv4';
  spec['ipFamilies'] = headlessNoSelector && spec['ipFamilyPolicy'] !== 'SingleStack' ? [first, first === 'IPv4' ? 'IPv6' : 'IPv4'] : [first];
}

const needsClusterIP = (spec: JsonObject): boolean => spec['type'] !== 'ExternalName';
const needsNodePorts = (spec: JsonObject): boolean => spec['type'] === 'NodePort' || spec['type'] === 'LoadBalancer';

/** patchAllocatedValues: values the client left out on update are taken from the stored Service. */
function keepAllocated(spec: JsonObject, oldSpec: JsonObject): void {
  if (needsClusterIP(oldSpec) && needsClusterIP(spec)) {
    if ((asString(spec['clusterIP']) ?? '') === '' && !isAbsent(oldSpec['clusterIP'])) spec['clusterIP'] = oldSpec['clusterIP'];
    if ((asArray(spec['clusterIPs']) ?? []).length === 0 && (asArray(oldSpec['clusterIPs']) ?? []).length > 0) spec['clusterIPs'] = oldSpec['clusterIPs'];
  }
  if (needsNodePorts(oldSpec) && needsNodePorts(spec)) {
    const oldPorts = objectsOf(oldSpec['ports']);
    const used = new Set(objectsOf(spec['ports']).map((p) => asNumber(p['nodePort']) ?? 0).filter((n) => n !== 0));
    const byName = new Map(oldPorts.map((p) => [asString(p['name']) ?? '', asNumber(p['nodePort']) ?? 0]));
    for (const port of objectsOf(spec['ports'])) {
      const previous = byName.get(asString(port['name']) ?? '') ?? 0;
      if ((asNumber(port['nodePort']) ?? 0) === 0 && previous !== 0 && !used.has(previous)) port['nodePort'] = previous;
    }
  }
  if (spec['type'] === 'LoadBalancer' && spec['externalTrafficPolicy'] === 'Local' && isAbsent(spec['healthCheckNodePort'])) {
    if (!isAbsent(oldSpec['healthCheckNodePort'])) spec['healthCheckNodePort'] = oldSpec['healthCheckNodePort'];
  }
}

/** All Service defaults; `oldSpec` is the stored spec on update. */
export function defaultService(svc: JsonObject, oldSpec: JsonObject | undefined): void {
  const spec = ensureObject(svc, 'spec');
  if (spec === undefined) return;
  defaultServiceSpec(spec);
  if (oldSpec !== undefined) keepAllocated(spec, oldSpec);
  normalizeClusterIPs(spec, oldSpec);
  defaultIPFamilies(spec, oldSpec);
}
