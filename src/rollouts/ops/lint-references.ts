// The reference checks of `lint` (cmd/lint/lint.go): a Rollout is checked against the Services, Ingresses and
// AnalysisTemplates defined in the same file. References to objects the file does not define are not errors
// (they may live in another file); they are listed as notes.
import type { Service } from '../../api/core-v1.js';
import type { FieldError } from '../../api/field-error.js';
import { fieldErr } from '../../api/field-error.js';
import type { AnalysisTemplate, ClusterAnalysisTemplate, Rollout } from '../../api/rollouts-v1alpha1.js';
import { backgroundAnalysisOf, validateReferences } from '../plan/index.js';

/** The objects of one file the references may point at, by name. */
export interface FileObjects {
  services: Map<string, Service>;
  ingresses: Map<string, Record<string, unknown>>;
  analysisTemplates: Map<string, AnalysisTemplate>;
  clusterAnalysisTemplates: Map<string, ClusterAnalysisTemplate>;
}

/** The Services and AnalysisTemplates a Rollout names (in Argo's order, without duplicates). */
export function referencedNames(ro: Readonly<Rollout>): { services: string[]; templates: { name: string; cluster: boolean }[] } {
  const { canary, blueGreen } = ro.spec.strategy;
  const services = [blueGreen?.activeService, blueGreen?.previewService, canary?.stableService, canary?.canaryService, canary?.pingPong?.pingService, canary?.pingPong?.pongService];
  const analyses = [blueGreen?.prePromotionAnalysis, blueGreen?.postPromotionAnalysis, backgroundAnalysisOf(ro), ...(canary?.steps ?? []).map((s) => s.analysis)];
  const templates = new Map<string, { name: string; cluster: boolean }>();
  for (const a of analyses) for (const t of a?.templates ?? []) templates.set(`${t.clusterScope === true}/${t.templateName}`, { name: t.templateName, cluster: t.clusterScope === true });
  return { services: [...new Set(services.filter((s): s is string => s !== undefined && s !== ''))], templates: [...templates.values()] };
}

/** What the Rollout names and the file lacks: `Service "demo-preview"`, `AnalysisTemplate "pass"`. */
export function missingReferences(ro: Readonly<Rollout>, file: Readonly<FileObjects>): string[] {
  const refs = referencedNames(ro);
  const services = refs.services.filter((s) => !file.services.has(s)).map((s) => `Service "${s}"`);
  const templates = refs.templates
    .filter((t) => !(t.cluster ? file.clusterAnalysisTemplates : file.analysisTemplates).has(t.name))
    .map((t) => `${t.cluster ? 'ClusterAnalysisTemplate' : 'AnalysisTemplate'} "${t.name}"`);
  return [...services, ...templates];
}

function stubService(name: string): Service {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name }, spec: {} };
}

function stubTemplate<K extends 'AnalysisTemplate' | 'ClusterAnalysisTemplate'>(kind: K, name: string): { apiVersion: string; kind: K; metadata: { name: string }; spec: { metrics: [] } } {
  return { apiVersion: 'argoproj.io/v1alpha1', kind, metadata: { name }, spec: { metrics: [] } };
}

// A fresh manifest's managed-by annotation means nothing yet: drop it, as the controller has not claimed the Service.
function unclaimed(svc: Service): Service {
  const annotations = { ...(svc.metadata.annotations ?? {}) };
  delete annotations['argo-rollouts.argoproj.io/managed-by-rollouts'];
  return { ...svc, metadata: { ...svc.metadata, annotations } };
}

/** Errors about referenced objects the file defines: Service selectors, nested templates, Ingress rules. */
export function validateFileReferences(ro: Readonly<Rollout>, file: Readonly<FileObjects>): FieldError[] {
  const snap = { rollout: ro, otherRSs: [], analysisRuns: [], ...withStubs(ro, file) };
  return [...validateReferences(snap), ...validateIngresses(ro, file)];
}

/**
 * The file's objects as snapshot records, with a stand-in for each referenced object the file lacks (a Service
 * selecting nothing, a template without metrics), so only the objects present are really checked.
 */
export function withStubs(ro: Readonly<Rollout>, file: Readonly<FileObjects>): {
  services: Record<string, Service>; analysisTemplates: Record<string, AnalysisTemplate>; clusterAnalysisTemplates: Record<string, ClusterAnalysisTemplate>;
} {
  const refs = referencedNames(ro);
  const services: Record<string, Service> = {};
  for (const [name, svc] of file.services) services[name] = unclaimed(svc);
  for (const n of refs.services) services[n] ??= stubService(n);
  const analysisTemplates: Record<string, AnalysisTemplate> = Object.fromEntries(file.analysisTemplates);
  const clusterAnalysisTemplates: Record<string, ClusterAnalysisTemplate> = Object.fromEntries(file.clusterAnalysisTemplates);
  for (const t of refs.templates) {
    if (t.cluster) clusterAnalysisTemplates[t.name] ??= stubTemplate('ClusterAnalysisTemplate', t.name);
    else analysisTemplates[t.name] ??= stubTemplate('AnalysisTemplate', t.name);
  }
  return { services, analysisTemplates, clusterAnalysisTemplates };
}

function backendServices(ingress: Record<string, unknown>): string[] {
  const names: string[] = [];
  const spec = ingress['spec'];
  const rules: unknown = typeof spec === 'object' && spec !== null ? Reflect.get(spec, 'rules') : undefined;
  for (const rule of Array.isArray(rules) ? rules : []) {
    const http: unknown = typeof rule === 'object' && rule !== null ? Reflect.get(rule, 'http') : undefined;
    const paths: unknown = typeof http === 'object' && http !== null ? Reflect.get(http, 'paths') : undefined;
    for (const p of Array.isArray(paths) ? paths : []) {
      const backend: unknown = typeof p === 'object' && p !== null ? Reflect.get(p, 'backend') : undefined;
      if (typeof backend !== 'object' || backend === null) continue;
      const service: unknown = Reflect.get(backend, 'service');
      const v1Name: unknown = typeof service === 'object' && service !== null ? Reflect.get(service, 'name') : undefined;
      const legacyName: unknown = Reflect.get(backend, 'serviceName');
      if (typeof v1Name === 'string') names.push(v1Name);
      if (typeof legacyName === 'string') names.push(legacyName);
    }
  }
  return names;
}

/** NGINX / ALB: each stable Ingress the file defines needs a rule whose backend is the stable (or root) Service. */
function validateIngresses(ro: Readonly<Rollout>, file: Readonly<FileObjects>): FieldError[] {
  const canary = ro.spec.strategy.canary;
  const tr = canary?.trafficRouting;
  if (canary === undefined || tr === undefined) return [];
  const P = 'spec.strategy.canary.trafficRouting';
  const checks: [path: string, ingress: string, service: string][] = [];
  const stable = canary.stableService ?? '';
  if (tr.nginx?.stableIngress !== undefined) checks.push([`${P}.nginx.stableIngress`, tr.nginx.stableIngress, stable]);
  for (const i of tr.nginx?.stableIngresses ?? []) checks.push([`${P}.nginx.stableIngresses`, i, stable]);
  const albService = tr.alb?.rootService !== undefined && tr.alb.rootService !== '' ? tr.alb.rootService : stable;
  if (tr.alb?.ingress !== undefined) checks.push([`${P}.alb.ingress`, tr.alb.ingress, albService]);
  for (const i of tr.alb?.ingresses ?? []) checks.push([`${P}.alb.ingresses`, i, albService]);
  return checks.flatMap(([path, name, service]) => {
    const ingress = file.ingresses.get(name);
    if (ingress === undefined || backendServices(ingress).includes(service)) return [];
    return [fieldErr.invalid(path, name, `ingress \`${name}\` has no rules using service ${service} backend`)];
  });
}
