// The canary Ingress Argo's NGINX router keeps beside each stable Ingress (rollout/trafficrouting/nginx/nginx.go):
// its name, its desired content, and the write (create, merge patch or nothing) that gets it there.
import type { Ingress, IngressRule } from '../../api/networking-v1.js';
import type { NginxTrafficRouting, Rollout } from '../../api/rollouts-v1alpha1.js';
import { mergePatchDiff } from '../../lib/merge-patch-diff.js';
import { isControlledBy, rolloutOwnerRef, servicesOf } from './plan-rollout-targets.js';

/** Default of `trafficRouting.nginx.annotationPrefix`. */
export const NGINX_ANNOTATION_PREFIX = 'nginx.ingress.kubernetes.io';
/** The ingress-class annotation copied from the stable Ingress (the only one that matters to ingress-nginx). */
export const INGRESS_CLASS_ANNOTATION = 'kubernetes.io/ingress.class';
const SUFFIX = '-canary';
const MAX_NAME = 253;

/**
 * `<rollout>-<stableIngress>-canary`, the prefix cut to 253 − 7 characters so the whole name fits 253
 * (ingressutil.GetCanaryIngressName). Rollout `demo`, ingress `web` → `demo-web-canary`.
 */
export function canaryIngressName(rolloutName: string, stableIngressName: string): string {
  return `${`${rolloutName}-${stableIngressName}`.slice(0, MAX_NAME - SUFFIX.length)}${SUFFIX}`;
}

/** The stable Ingress names of an nginx config: `stableIngresses` when set, else `[stableIngress]`. */
export function stableIngressNamesOf(cfg: Readonly<NginxTrafficRouting>): string[] {
  if (cfg.stableIngresses !== undefined) return [...cfg.stableIngresses];
  return cfg.stableIngress !== undefined && cfg.stableIngress !== '' ? [cfg.stableIngress] : [];
}

/** The canary Ingress for one stable Ingress at `weight`, or why there is none. */
export type DesiredCanaryIngress = { ok: true; ingress: Ingress } | { ok: false; reason: string };

/**
 * Builds the canary Ingress: TLS, `ingressClassName` and the `kubernetes.io/ingress.class` annotation copied; only
 * the rules with a path whose backend is the stable Service, those backends renamed to the canary Service; the
 * annotations `additionalIngressAnnotations` (prefixed), `canaryIngressAnnotations` (verbatim, overriding), then
 * `<prefix>/canary: "true"`, `<prefix>/canary-weight: "<weight>"` and, when maxTrafficWeight is set,
 * `<prefix>/canary-weight-total`. Owned by the Rollout (controller reference).
 */
export function planDesiredCanaryIngress(ro: Readonly<Rollout>, stable: Readonly<Ingress>, weight: number): DesiredCanaryIngress {
  const tr = ro.spec.strategy.canary?.trafficRouting;
  const cfg = tr?.nginx ?? {};
  const { stable: stableSvc, canary: canarySvc } = servicesOf(ro);
  const stableName = stable.metadata.name ?? '';
  const rules = canaryRules(stable.spec.rules ?? [], stableSvc, canarySvc);
  if (rules.length === 0) return { ok: false, reason: `Ingress "${stableName}" has no rule whose backend is service "${stableSvc}"` };
  const prefix = cfg.annotationPrefix ?? NGINX_ANNOTATION_PREFIX;
  const annotations: Record<string, string> = {};
  const ingressClass = stable.metadata.annotations?.[INGRESS_CLASS_ANNOTATION];
  if (ingressClass !== undefined) annotations[INGRESS_CLASS_ANNOTATION] = ingressClass;
  for (const [k, v] of Object.entries(cfg.additionalIngressAnnotations ?? {})) annotations[k.startsWith(prefix) ? k : `${prefix}/${k}`] = v;
  Object.assign(annotations, cfg.canaryIngressAnnotations ?? {});
  annotations[`${prefix}/canary`] = 'true';
  annotations[`${prefix}/canary-weight`] = String(weight);
  if (tr?.maxTrafficWeight !== undefined) annotations[`${prefix}/canary-weight-total`] = String(tr.maxTrafficWeight);
  const spec: Ingress['spec'] = {
    ...(stable.spec.ingressClassName !== undefined ? { ingressClassName: stable.spec.ingressClassName } : {}),
    ...(stable.spec.tls !== undefined ? { tls: structuredClone(stable.spec.tls) } : {}),
    rules,
  };
  const metadata = { name: canaryIngressName(ro.metadata.name ?? '', stableName), namespace: ro.metadata.namespace ?? '', annotations, ownerReferences: [rolloutOwnerRef(ro)] };
  return { ok: true, ingress: { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata, spec } };
}

// Every rule with a path to the stable Service is copied whole (its other paths included), the stable backends renamed.
function canaryRules(rules: readonly IngressRule[], stableSvc: string, canarySvc: string): IngressRule[] {
  const out: IngressRule[] = [];
  for (const rule of rules) {
    const copy = structuredClone(rule);
    let usesStable = false;
    for (const path of copy.http?.paths ?? []) {
      const svc = path.backend.service;
      if (svc === undefined || svc.name !== stableSvc) continue;
      path.backend.service = { ...svc, name: canarySvc };
      usesStable = true;
    }
    if (usesStable) out.push(copy);
  }
  return out;
}

/** What to do about the canary Ingress. `patch` is an RFC 7386 merge patch. */
export type CanaryIngressWrite =
  | { readonly op: 'create'; readonly ingress: Ingress }
  | { readonly op: 'patch'; readonly patch: Record<string, unknown> }
  | { readonly op: 'none' }
  | { readonly op: 'notOwned'; readonly reason: string };

/**
 * Create when absent; refuse one the Rollout does not control; else merge-patch the difference in annotations
 * (annotations others put on the canary Ingress are kept) and spec, or nothing when there is none.
 */
export function planCanaryIngressWrite(ro: Readonly<Rollout>, existing: Readonly<Ingress> | undefined, desired: Readonly<Ingress>): CanaryIngressWrite {
  if (existing === undefined) return { op: 'create', ingress: structuredClone(desired) };
  if (!isControlledBy(existing.metadata, ro)) {
    return { op: 'notOwned', reason: `Ingress "${existing.metadata.name ?? ''}" exists and is not controlled by rollout "${ro.metadata.name ?? ''}"` };
  }
  const current = existing.metadata.annotations ?? {};
  const annotations = mergePatchDiff(current, { ...current, ...desired.metadata.annotations });
  const spec = mergePatchDiff(existing.spec, desired.spec);
  if (annotations === undefined && spec === undefined) return { op: 'none' };
  return {
    op: 'patch',
    patch: { ...(annotations !== undefined ? { metadata: { annotations } } : {}), ...(spec !== undefined ? { spec } : {}) },
  };
}
