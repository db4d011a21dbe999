// Canary strategy validation (validation.go ValidateRolloutStrategyCanary), in Argo's order.
import type { FieldError } from '../../api/field-error.js';
import { fieldErr } from '../../api/field-error.js';
import type { CanaryStrategy, RolloutTrafficRouting } from '../../api/rollouts-v1alpha1.js';
import { gatewayAPIConfigOf } from '../../api/rollouts-gateway-api.js';
import { type RO, maxSurgeSpec, maxUnavailableSpec } from './rollout-defaults.js';
import { validateAntiAffinity, validateStep } from './validate-steps.js';
import { goIntOrString } from './validate-go-repr.js';

const P = 'spec.strategy';

/** Errors of a canary strategy: fenceposts, services, ping-pong, routing-only fields, then each step. */
export function validateCanaryStrategy(ro: RO, canary: Readonly<CanaryStrategy>): FieldError[] {
  const errs: FieldError[] = [];
  if (percentOrInt(maxSurgeSpec(ro)) === 0 && percentOrInt(maxUnavailableSpec(ro)) === 0) {
    errs.push(fieldErr.invalid(`${P}.maxSurge`, goIntOrString(canary.maxSurge ?? 0), 'MaxSurge and MaxUnavailable both can not be zero'));
  }
  if ((canary.canaryService ?? '') !== '' && canary.canaryService === canary.stableService) {
    errs.push(fieldErr.invalid(`${P}.stableService`, canary.stableService, 'This rollout uses the same service for the stable and canary services, but two different services are required.'));
  }
  errs.push(...validatePingPong(canary));
  if (requiresCanaryAndStableServices(canary)) {
    const msg = 'Canary service and Stable service must to be set to use Traffic Routing';
    if ((canary.stableService ?? '') === '') errs.push(fieldErr.invalid(`${P}.stableService`, canary.stableService ?? '', msg));
    if ((canary.canaryService ?? '') === '') errs.push(fieldErr.invalid(`${P}.canaryService`, canary.canaryService ?? '', msg));
  }
  errs.push(...validateRoutingOnlyFields(canary));
  // Sluice's routers do not alternate ping/pong Services: refuse rather than half-support it.
  if (canary.pingPong !== undefined) errs.push(fieldErr.forbidden(`${P}.pingPong`, 'ping-pong Services are not supported by Sluice'));
  (canary.steps ?? []).forEach((step, i) => errs.push(...validateStep(ro, canary, step, `${P}.steps[${i}]`)));
  return [...errs, ...validateAntiAffinity(canary.antiAffinity, `${P}.antiAffinity`)];
}

// Validation reads "25%" as 25 and a bare int-string with Atoi, like getIntOrPercentValue.
function percentOrInt(v: number | string): number {
  if (typeof v === 'number') return v;
  const digits = v.endsWith('%') ? v.slice(0, -1) : v;
  return /^-?\d+$/.test(digits) ? Number(digits) : 0;
}

function validatePingPong(canary: Readonly<CanaryStrategy>): FieldError[] {
  const pp = canary.pingPong;
  if (pp === undefined) return [];
  const tr = canary.trafficRouting;
  const errs: FieldError[] = [];
  if (tr !== undefined && tr.alb === undefined && tr.istio === undefined && Object.keys(tr.plugins ?? {}).length === 0) {
    errs.push(fieldErr.invalid(`${P}.trafficRouting.alb`, tr.alb, 'Ping-pong feature works with the ALB, Istio, and plugin-based traffic routers only'));
  }
  const msg = 'Ping service and Pong service must to be set to use Ping-Pong feature';
  if (pp.pingService === '') errs.push(fieldErr.invalid(`${P}.pingPong.pingService`, pp.pingService, msg));
  if (pp.pongService === '') errs.push(fieldErr.invalid(`${P}.pingPong.pongService`, pp.pongService, msg));
  if (pp.pingService === pp.pongService) errs.push(fieldErr.invalid(`${P}.pingPong.pingService`, pp.pingService, 'This rollout uses the same service for the ping and pong services, but two different services are required.'));
  if (tr?.alb !== undefined && (tr.alb.rootService ?? '') === '') {
    errs.push(fieldErr.invalid(`${P}.trafficRouting.alb.rootService`, '', 'Root service field is required for the configuration with ALB and ping-pong feature enabled'));
  }
  return errs;
}

/** Routers that split traffic between two Services need both (requireCanaryStableServices; Gateway API too). */
function requiresCanaryAndStableServices(canary: Readonly<CanaryStrategy>): boolean {
  const tr = canary.trafficRouting;
  if (tr === undefined) return false;
  return (tr.alb !== undefined && canary.pingPong === undefined)
    || (tr.istio !== undefined && tr.istio.destinationRule === undefined && canary.pingPong === undefined)
    || tr.smi !== undefined || tr.apisix !== undefined || tr.ambassador !== undefined || tr.nginx !== undefined
    || tr.appMesh !== undefined || tr.traefik !== undefined || tr.gatewayAPI !== undefined;
}

function validateRoutingOnlyFields(canary: Readonly<CanaryStrategy>): FieldError[] {
  const tr = canary.trafficRouting;
  const errs: FieldError[] = [];
  if (tr === undefined) {
    if (canary.scaleDownDelaySeconds !== undefined) errs.push(fieldErr.invalid(`${P}.scaleDownDelaySeconds`, canary.scaleDownDelaySeconds, 'Canary scaleDownDelaySeconds can only be used with traffic routing'));
    if (canary.dynamicStableScale === true) errs.push(fieldErr.invalid(`${P}.dynamicStableScale`, true, 'Canary dynamicStableScale can only be used with traffic routing'));
    return errs;
  }
  if (canary.scaleDownDelaySeconds !== undefined && canary.dynamicStableScale === true) {
    errs.push(fieldErr.invalid(`${P}.dynamicStableScale`, true, 'Canary dynamicStableScale cannot be used with scaleDownDelaySeconds'));
  }
  if (tr.maxTrafficWeight !== undefined && !supportsMaxTrafficWeight(tr)) {
    errs.push(fieldErr.invalid(`${P}.trafficRouting.maxTrafficWeight`, tr.maxTrafficWeight, 'Canary maxTrafficWeight in traffic routing only supported in Nginx and Plugins'));
  }
  return errs;
}

// Sluice's Gateway API router handles any maximum weight too (Argo: Nginx and plugins only).
function supportsMaxTrafficWeight(tr: Readonly<RolloutTrafficRouting>): boolean {
  return tr.nginx !== undefined || Object.keys(tr.plugins ?? {}).length > 0 || gatewayAPIConfigOf(tr) !== undefined;
}
