// Probe and lifecycle-handler validation (core validateProbe / validateHandler, 1.32).
import { fieldErr, type FieldError } from '../../../api/field-error.js';
import { child, invalidEach, nonNegative } from './_field.js';
import { asArray, asNumber, asObject, asString, isAbsent, objectsOf, type JsonObject } from './_json.js';
import { isHTTPHeaderName, isValidPortName, isValidPortNum } from './metadata.js';

/** ValidatePortNumOrName: an int-or-string port is a number in 1–65535 or an IANA port name. */
export function validatePortNumOrName(port: unknown, path: string): FieldError[] {
  if (typeof port === 'string') return invalidEach(path, port, isValidPortName(port));
  const n = asNumber(port) ?? 0;
  return invalidEach(path, n, isValidPortNum(n));
}

function validateHTTPGet(h: JsonObject, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if ((asString(h['path']) ?? '') === '') errs.push(fieldErr.required(child(path, 'path')));
  errs.push(...validatePortNumOrName(h['port'], child(path, 'port')));
  const scheme = asString(h['scheme']) ?? '';
  if (scheme !== 'HTTP' && scheme !== 'HTTPS') errs.push(fieldErr.notSupported(child(path, 'scheme'), scheme, ['HTTP', 'HTTPS']));
  for (const header of objectsOf(h['httpHeaders'])) {
    const name = asString(header['name']) ?? '';
    errs.push(...invalidEach(child(path, 'httpHeaders'), name, isHTTPHeaderName(name)));
  }
  return errs;
}

function validateAction(kind: string, action: JsonObject, path: string, gracePeriod: number | undefined): FieldError[] {
  switch (kind) {
    case 'exec': return (asArray(action['command']) ?? []).length === 0 ? [fieldErr.required(child(path, 'command'))] : [];
    case 'httpGet': return validateHTTPGet(action, path);
    case 'tcpSocket': return validatePortNumOrName(action['port'], child(path, 'port'));
    case 'grpc': return validatePortNumOrName(asNumber(action['port']) ?? 0, child(path, 'port'));
    default: return validateSleep(action, path, gracePeriod);
  }
}

function validateSleep(sleep: JsonObject, path: string, gracePeriod: number | undefined): FieldError[] {
  const seconds = asNumber(sleep['seconds']) ?? 0;
  if (gracePeriod === undefined || (seconds > 0 && seconds <= gracePeriod)) return [];
  // AllowPodLifecycleSleepActionZeroValue is an alpha gate (off) in 1.32, hence the long wording.
  return [fieldErr.invalid(path, seconds, `must be greater than 0 and less than terminationGracePeriodSeconds (${gracePeriod}). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.`)];
}

/** validateHandler: exactly one action; a second one is Forbidden, none is Required. */
export function validateHandler(handler: JsonObject, kinds: readonly string[], path: string, gracePeriod: number | undefined): FieldError[] {
  const errs: FieldError[] = [];
  let count = 0;
  for (const kind of kinds) {
    const action = asObject(handler[kind]);
    if (action === undefined) continue;
    if (count > 0) {
      errs.push(fieldErr.forbidden(child(path, kind), 'may not specify more than 1 handler type'));
      continue;
    }
    count++;
    errs.push(...validateAction(kind, action, child(path, kind), gracePeriod));
  }
  if (count === 0) errs.push(fieldErr.required(path, 'must specify a handler type'));
  return errs;
}

const PROBE_ACTIONS = ['exec', 'httpGet', 'tcpSocket', 'grpc'] as const;
const LIFECYCLE_ACTIONS = ['exec', 'httpGet', 'tcpSocket', 'sleep'] as const;

function validateProbe(probe: JsonObject, path: string, gracePeriod: number | undefined): FieldError[] {
  const errs = validateHandler(probe, PROBE_ACTIONS, path, gracePeriod);
  for (const f of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold']) {
    errs.push(...nonNegative(child(path, f), asNumber(probe[f])));
  }
  const tgps = asNumber(probe['terminationGracePeriodSeconds']);
  if (tgps !== undefined && tgps <= 0) errs.push(fieldErr.invalid(child(path, 'terminationGracePeriodSeconds'), tgps, 'must be greater than 0'));
  return errs;
}

/** The three probes of a container, with the per-kind rules (liveness/startup successThreshold must be 1). */
export function validateProbes(container: JsonObject, path: string, gracePeriod: number | undefined): FieldError[] {
  const errs: FieldError[] = [];
  for (const kind of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
    const probe = asObject(container[kind]);
    if (probe === undefined) continue;
    const p = child(path, kind);
    errs.push(...validateProbe(probe, p, gracePeriod));
    const success = asNumber(probe['successThreshold']) ?? 0;
    if (kind !== 'readinessProbe' && success !== 1) errs.push(fieldErr.invalid(child(p, 'successThreshold'), success, 'must be 1'));
    if (kind === 'readinessProbe' && !isAbsent(probe['terminationGracePeriodSeconds'])) {
      errs.push(fieldErr.invalid(child(p, 'terminationGracePeriodSeconds'), probe['terminationGracePeriodSeconds'], 'must not be set for readinessProbes'));
    }
  }
  return errs;
}

/** postStart / preStop handlers. */
export function validateLifecycle(lifecycle: unknown, path: string, gracePeriod: number | undefined): FieldError[] {
  const lc = asObject(lifecycle);
  if (lc === undefined) return [];
  const errs: FieldError[] = [];
  for (const hook of ['postStart', 'preStop'] as const) {
    const handler = asObject(lc[hook]);
    if (handler !== undefined) errs.push(...validateHandler(handler, LIFECYCLE_ACTIONS, child(path, hook), gracePeriod));
  }
  return errs;
}
