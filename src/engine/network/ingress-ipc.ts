// Messages between the main process and the ingress processes that share the ingress port. The main process
// owns the informers and sends what the tables are built from; ingress processes answer metrics requests.
import { isJsonObject } from '../../api/meta.js';
import type { Ingress } from '../../api/networking-v1.js';
import type { PoolSettings } from './http1/upstream-pool.js';
import type { ControllerLabels, Series } from './request-metrics.js';

/** Main → ingress process. `init` comes with the listening socket. */
export type ToIngressProcess =
  | { readonly op: 'init'; readonly ingressClass: string; readonly pool: PoolSettings; readonly controller: ControllerLabels; readonly httpsPort: number | null }
  | { readonly op: 'ingresses'; readonly items: Ingress[] }
  | { readonly op: 'targets'; readonly serviceKey: string; readonly targets: [string, string[]][] | null }
  | { readonly op: 'config'; readonly data: Record<string, string> | null }
  | { readonly op: 'metrics'; readonly id: number }
  | { readonly op: 'stop'; readonly graceMs: number };

/** Ingress process → main. */
export type FromIngressProcess = { readonly op: 'ready' } | { readonly op: 'metrics'; readonly id: number; readonly series: Series[] };

const isString = (x: unknown): x is string => typeof x === 'string';
const isNumber = (x: unknown): x is number => typeof x === 'number';

function isStringRecord(x: unknown): x is Record<string, string> {
  return isJsonObject(x) && Object.values(x).every(isString);
}

function isIngress(x: unknown): x is Ingress {
  return isJsonObject(x) && x['kind'] === 'Ingress' && isJsonObject(x['metadata']) && isJsonObject(x['spec']);
}

function isTargets(x: unknown): x is [string, string[]][] {
  return Array.isArray(x) && x.every((e) => Array.isArray(e) && isString(e[0]) && Array.isArray(e[1]) && e[1].every(isString));
}

function isHistogram(x: unknown): x is Series['requestTime'] {
  return isJsonObject(x) && Array.isArray(x['buckets']) && x['buckets'].every(isNumber) && isNumber(x['sum']) && isNumber(x['count']);
}

function isSeries(x: unknown): x is Series {
  return isJsonObject(x) && isStringRecord(x['labels']) && isNumber(x['requests']) && isHistogram(x['requestTime']) && isHistogram(x['responseTime']);
}

function isPoolSettings(x: unknown): x is PoolSettings {
  return isJsonObject(x) && ['connectTimeoutMs', 'readTimeoutMs', 'idleTimeoutMs', 'maxIdle'].every((k) => isNumber(x[k]));
}

function isControllerLabels(x: unknown): x is ControllerLabels {
  return isJsonObject(x) && ['controller_class', 'controller_namespace', 'controller_pod'].every((k) => isString(x[k]));
}

/** Decodes a message from the main process (undefined: not one). */
export function decodeToIngressProcess(m: unknown): ToIngressProcess | undefined {
  if (!isJsonObject(m)) return undefined;
  switch (m['op']) {
    case 'init': return isString(m['ingressClass']) && isPoolSettings(m['pool']) && isControllerLabels(m['controller']) && (m['httpsPort'] === null || isNumber(m['httpsPort']))
      ? { op: 'init', ingressClass: m['ingressClass'], pool: m['pool'], controller: m['controller'], httpsPort: m['httpsPort'] } : undefined;
    case 'ingresses': return Array.isArray(m['items']) && m['items'].every(isIngress) ? { op: 'ingresses', items: m['items'] } : undefined;
    case 'targets': return isString(m['serviceKey']) && (m['targets'] === null || isTargets(m['targets'])) ? { op: 'targets', serviceKey: m['serviceKey'], targets: m['targets'] } : undefined;
    case 'config': return m['data'] === null || isStringRecord(m['data']) ? { op: 'config', data: m['data'] } : undefined;
    case 'metrics': return isNumber(m['id']) ? { op: 'metrics', id: m['id'] } : undefined;
    case 'stop': return isNumber(m['graceMs']) ? { op: 'stop', graceMs: m['graceMs'] } : undefined;
    default: return undefined;
  }
}

/** Decodes a message from an ingress process (undefined: not one). */
export function decodeFromIngressProcess(m: unknown): FromIngressProcess | undefined {
  if (!isJsonObject(m)) return undefined;
  if (m['op'] === 'ready') return { op: 'ready' };
  if (m['op'] === 'metrics' && isNumber(m['id']) && Array.isArray(m['series']) && m['series'].every(isSeries)) return { op: 'metrics', id: m['id'], series: m['series'] };
  return undefined;
}
