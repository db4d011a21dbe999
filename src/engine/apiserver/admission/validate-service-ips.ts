// Service cluster IP and IP family rules (core ValidateServiceClusterIPsRelatedFields and
// validateUpgradeDowngradeClusterIPs, 1.32). Allocation itself is the server's job.
import { isIP } from 'node:net';
import { fieldErr, type FieldError } from '../../../api/field-error.js';
import { index } from './_field.js';
import { asArray, asString, isAbsent, type JsonObject } from './_json.js';

const FAMILY_POLICIES = ['PreferDualStack', 'RequireDualStack', 'SingleStack'];
const FAMILIES = ['IPv4', 'IPv6'];

function strings(v: unknown): string[] {
  return (asArray(v) ?? []).filter((x): x is string => typeof x === 'string');
}

/** clusterIP and clusterIPs[0] must agree (the strategy keeps them in step for clients that send one). */
function clusterIPSync(spec: JsonObject): FieldError[] {
  const ips = strings(spec['clusterIPs']);
  const clusterIP = asString(spec['clusterIP']) ?? '';
  if (clusterIP !== '' && ips.length === 0) return [fieldErr.required('spec.clusterIPs')];
  if (clusterIP !== '' && ips[0] !== clusterIP) return [fieldErr.invalid('spec.clusterIPs', ips, 'first value must match `clusterIP`')];
  if (clusterIP === '' && ips.length > 0) return [fieldErr.invalid('spec.clusterIPs', ips, 'must be empty when `clusterIP` is not specified')];
  return [];
}

function validateClusterIPs(spec: JsonObject): FieldError[] {
  const ips = strings(spec['clusterIPs']);
  const errs: FieldError[] = [];
  ips.forEach((ip, i) => {
    if (i === 0 && ip === 'None') {
      if (ips.length > 1) errs.push(fieldErr.invalid('spec.clusterIPs', ips, "'None' must be the first and only value"));
      return;
    }
    if (isIP(ip) === 0) errs.push(fieldErr.invalid(index('spec.clusterIPs', i), ip, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'));
  });
  if (ips.length > 2) errs.push(fieldErr.invalid('spec.clusterIPs', ips, 'may only hold up to 2 values'));
  return errs;
}

/** ipFamilyPolicy / ipFamilies values and the cluster IP list (not checked for ExternalName services). */
export function validateServiceIPs(spec: JsonObject, type: string): FieldError[] {
  if (type === 'ExternalName') return [];
  const errs = clusterIPSync(spec);
  const families = strings(spec['ipFamilies']);
  const seen = new Set<string>();
  families.forEach((f, i) => {
    if (!FAMILIES.includes(f)) errs.push(fieldErr.notSupported(index('spec.ipFamilies', i), f, FAMILIES));
    if (seen.has(f)) errs.push(fieldErr.duplicate(index('spec.ipFamilies', i), f));
    seen.add(f);
  });
  const policy = spec['ipFamilyPolicy'];
  if (!isAbsent(policy) && !FAMILY_POLICIES.some((p) => p === policy)) errs.push(fieldErr.notSupported('spec.ipFamilyPolicy', policy, FAMILY_POLICIES));
  return [...errs, ...validateClusterIPs(spec)];
}

const headless = (ips: string[]): boolean => ips.length === 1 && ips[0] === 'None';

/** Cluster IPs may not change once set; a secondary one may be released only with ipFamilyPolicy SingleStack. */
export function validateServiceUpdateIPs(spec: JsonObject, oldSpec: JsonObject): FieldError[] {
  if (spec['type'] === 'ExternalName' || oldSpec['type'] === 'ExternalName') return [];
  const next = strings(spec['clusterIPs']);
  const prev = strings(oldSpec['clusterIPs']);
  if (headless(next) && headless(prev)) return [];
  const changed = (i: number): FieldError => fieldErr.invalid(index('spec.clusterIPs', i), next, 'may not change once set');
  if (next.length === prev.length) return prev.flatMap((ip, i) => (ip !== next[i] ? [changed(i)] : []));
  const errs: FieldError[] = [];
  if (next.length === 0) errs.push(fieldErr.invalid('spec.clusterIPs[0]', next, 'primary clusterIP can not be unset'));
  if (prev.length > 0 && next.length > 0 && next[0] !== prev[0]) errs.push(changed(0));
  if (next.length < prev.length && next.length === 1 && spec['ipFamilyPolicy'] !== 'SingleStack') {
    errs.push(fieldErr.invalid('spec.ipFamilyPolicy', spec['ipFamilyPolicy'] ?? null, "must be set to 'SingleStack' when releasing the secondary clusterIP"));
  }
  return errs;
}
