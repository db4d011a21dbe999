// Pointing Services at revisions (rollout/service.go switchServiceSelector / ensureSVCTargets).
import { MANAGED_BY_ROLLOUTS_ANNOTATION, POD_TEMPLATE_HASH_LABEL } from '../../api/rollouts-constants.js';
import type { Service } from '../../api/core-v1.js';
import { type RolloutAction, type RolloutEvent, normal } from './actions.js';
import type { PlanInput } from './plan-input.js';
import { type RS, availableReplicas, isFullyAvailable, podHashOf } from './replica-set-counts.js';

/** The hash a Service currently selects ('' when none or no such Service). */
export function selectorHashOf(svc: Readonly<Service> | undefined): string {
  return svc?.spec.selector?.[POD_TEMPLATE_HASH_LABEL] ?? '';
}

/** The RS with the given pod-template hash. */
export function rsByHash(rss: readonly RS[], hash: string): RS | undefined {
  return hash === '' ? undefined : rss.find((rs) => podHashOf(rs) === hash);
}

/**
 * A selector switch, or nothing when the Service (known by name) already selects `hash` and is marked as managed
 * (an unmarked Service gets the managed-by annotation even when the hash is right, as switchServiceSelector does).
 */
export function switchSelector(inp: PlanInput, service: string, hash: string): RolloutAction[] {
  const svc = inp.snap.services[service];
  if (svc === undefined) return [];
  if (selectorHashOf(svc) === hash && svc.metadata.annotations?.[MANAGED_BY_ROLLOUTS_ANNOTATION] !== undefined) return [];
  return [{ op: 'setServiceSelector', service, hash }];
}

/**
 * Points `service` at `rs` if it is not already (ensureSVCTargets). With `checkAvailability`: a Service not yet
 * managed by a Rollout is adopted only once the RS is fully available, and no switch happens to an RS with no
 * available pod, so traffic never goes to nothing.
 */
export function ensureServiceTargets(inp: PlanInput, service: string | undefined, rs: RS | undefined, checkAvailability: boolean): RolloutAction[] {
  if (rs === undefined || service === undefined || service === '') return [];
  const svc = inp.snap.services[service];
  if (svc === undefined || selectorHashOf(svc) === podHashOf(rs)) return [];
  const managed = svc.metadata.annotations?.[MANAGED_BY_ROLLOUTS_ANNOTATION] !== undefined;
  if (checkAvailability && !managed && !isFullyAvailable(rs)) return [];
  if (checkAvailability && availableReplicas(rs) === 0) return [];
  return [{ op: 'setServiceSelector', service, hash: podHashOf(rs) }];
}

/** The selector a Service will have after `actions` run (for status written in the same reconcile). */
export function selectorAfter(inp: PlanInput, service: string | undefined, actions: readonly RolloutAction[]): string {
  if (service === undefined || service === '') return '';
  let hash = selectorHashOf(inp.snap.services[service]);
  for (const a of actions) if (a.op === 'setServiceSelector' && a.service === service) hash = a.hash;
  return hash;
}

/** `SwitchService` events for the selector switches among `actions` ("Switched selector for service 'x' from 'a' to 'b'"). */
export function switchServiceEvents(inp: PlanInput, actions: readonly RolloutAction[]): RolloutEvent[] {
  const out: RolloutEvent[] = [];
  for (const a of actions) {
    if (a.op !== 'setServiceSelector') continue;
    const from = selectorHashOf(inp.snap.services[a.service]);
    out.push(normal('SwitchService', `Switched selector for service '${a.service}' from '${from}' to '${a.hash}'`));
  }
  return out;
}
