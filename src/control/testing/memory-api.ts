// A tiny in-memory Kubernetes REST API implementing Transport, for tests of the control runtime: GET
// (object, list with selectors and paging, watch), POST, PUT (incl. /status), PATCH (merge; strategic is
// treated as merge), DELETE, resourceVersions with optimistic concurrency, and 410 on too-old watches.
import { ApiError, alreadyExists, conflict, notFound, toApiError, toStatus } from '../../api/api-error.js';
import { parseFieldSelector } from '../../api/field-selector.js';
import { parseSelector } from '../../api/label-selector.js';
import { isJsonObject, type KubeObject, type ObjectMeta } from '../../api/meta.js';
import { rfc3339, systemClock, type Clock } from '../../lib/clock.js';
import { tryParseJson } from '../../lib/json.js';
import { deepFreeze } from '../../lib/deep-freeze.js';
import type { Transport, TransportRequest, TransportResponse } from '../transport.js';
import { applyMergePatch } from './merge-patch.js';
import { parseRoute, resourceKeyOf, type Route } from './route.js';
import { WatchHub, selects, type WatchFilter } from './watch-hub.js';

/** A test hook: return a response or an Error (a transport failure) to replace the normal handling. */
export type Interceptor = (req: TransportRequest) => TransportResponse | Error | undefined;

const encoder = new TextEncoder();

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> { yield bytes; }

function respond(status: number, body: unknown): TransportResponse {
  return { status, headers: { 'content-type': 'application/json' }, body: once(encoder.encode(JSON.stringify(body))) };
}

function objectKeyOf(namespace: string | undefined, name: string): string {
  return namespace === undefined || namespace === '' ? name : `${namespace}/${name}`;
}

/** The members of `meta` named in `keys` that are present (server-owned fields an update keeps). */
function pick(meta: ObjectMeta, keys: readonly (keyof ObjectMeta)[]): Partial<ObjectMeta> {
  return Object.fromEntries(keys.filter((k) => meta[k] !== undefined).map((k) => [k, meta[k]]));
}

/** The in-memory API server. */
export class MemoryApi implements Transport {
  /** Every request received, in order. */
  readonly requests: TransportRequest[] = [];
  intercept: Interceptor | undefined;
  private readonly objects = new Map<string, Map<string, KubeObject>>();
  private readonly hub = new WatchHub();
  private rv = 0;
  private uids = 0;

  constructor(private readonly clock: Clock = systemClock) {}

  async request(req: TransportRequest): Promise<TransportResponse> {
    this.requests.push(req);
    const hooked = this.intercept?.(req);
    if (hooked instanceof Error) throw hooked;
    if (hooked !== undefined) return hooked;
    try {
      return this.handle(req);
    } catch (e) {
      const err = toApiError(e);
      return respond(err.code, toStatus(err));
    }
  }

  /** The last committed resourceVersion. */
  currentRv(): number { return this.rv; }
  /** Forgets watch history: watches from older resourceVersions get 410 Expired. */
  compact(): void { this.hub.compact(this.rv); }
  /** Ends all open watch streams. */
  endWatches(): void { this.hub.endAll(); }
  openWatches(): number { return this.hub.openCount(); }

  private handle(req: TransportRequest): TransportResponse {
    const url = new URL(req.path, 'http://memory');
    const route = parseRoute(url.pathname);
    if (route === undefined) throw new ApiError('NotFound', `the server could not find the requested resource (${url.pathname})`);
    const q = url.searchParams;
    switch (req.method) {
      case 'GET':
        if (q.get('watch') === 'true') return this.watch(route, q, req.signal);
        return respond(200, route.name === undefined ? this.list(route, q) : this.stored(route));
      case 'POST': return respond(201, this.create(route, this.body(req), q.get('dryRun') === 'All'));
      case 'PUT': return respond(200, this.update(route, this.body(req)));
      case 'PATCH': return respond(200, this.patch(route, req));
      case 'DELETE': return respond(200, this.remove(route, req));
    }
  }

  private body(req: TransportRequest): KubeObject {
    const parsed = tryParseJson(req.body ?? '');
    if (!parsed.ok || !isJsonObject(parsed.value)) throw new ApiError('BadRequest', `invalid JSON body: ${parsed.ok ? 'not an object' : parsed.error}`);
    const v = parsed.value;
    const metadata = isJsonObject(v['metadata']) ? v['metadata'] : {};
    return { ...v, apiVersion: String(v['apiVersion'] ?? ''), kind: String(v['kind'] ?? ''), metadata: { ...metadata } };
  }

  private bucket(route: Route): Map<string, KubeObject> {
    const key = resourceKeyOf(route);
    const existing = this.objects.get(key);
    if (existing !== undefined) return existing;
    const created = new Map<string, KubeObject>();
    this.objects.set(key, created);
    return created;
  }

  private stored(route: Route, name = route.name ?? ''): KubeObject {
    const obj = this.bucket(route).get(objectKeyOf(route.namespace, name));
    if (obj === undefined) throw notFound(route.resource, route.group, name);
    return obj;
  }

  private matching(route: Route, q: URLSearchParams): KubeObject[] {
    const filter = this.filter(route, q);
    return [...this.bucket(route).entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, o]) => o).filter((o) => selects(filter, resourceKeyOf(route), o));
  }

  private filter(route: Route, q: URLSearchParams): WatchFilter {
    const f: WatchFilter = {
      resource: resourceKeyOf(route),
      labels: parseSelector(q.get('labelSelector') ?? ''), fields: parseFieldSelector(q.get('fieldSelector') ?? ''),
    };
    if (route.namespace !== undefined) f.namespace = route.namespace;
    return f;
  }

  private list(route: Route, q: URLSearchParams): unknown {
    const all = this.matching(route, q);
    const limit = Number(q.get('limit') ?? '0');
    const [rvText, offsetText] = (q.get('continue') ?? `${this.rv}:0`).split(':');
    const offset = Number(offsetText);
    const items = limit > 0 ? all.slice(offset, offset + limit) : all.slice(offset);
    const more = limit > 0 && offset + limit < all.length;
    const metadata = { resourceVersion: rvText, ...(more ? { continue: `${rvText}:${offset + limit}` } : {}) };
    return { apiVersion: route.group === '' ? route.version : `${route.group}/${route.version}`, kind: `${route.kind}List`, metadata, items };
  }

  private watch(route: Route, q: URLSearchParams, signal: AbortSignal | undefined): TransportResponse {
    const rvParam = q.get('resourceVersion');
    const fromRv = rvParam === null || rvParam === '' || rvParam === '0' ? undefined : Number(rvParam);
    const body = this.hub.open(this.filter(route, q), fromRv, this.matching(route, q), signal);
    return { status: 200, headers: { 'content-type': 'application/json' }, body };
  }

  private commit(route: Route, type: 'ADDED' | 'MODIFIED' | 'DELETED', obj: KubeObject): KubeObject {
    this.rv++;
    const stored = deepFreeze({ ...obj, metadata: { ...obj.metadata, resourceVersion: String(this.rv) } });
    const key = objectKeyOf(stored.metadata.namespace, stored.metadata.name ?? '');
    if (type === 'DELETED') this.bucket(route).delete(key);
    else this.bucket(route).set(key, stored);
    this.hub.record({ rv: this.rv, type, resource: resourceKeyOf(route), object: stored });
    return stored;
  }

  private create(route: Route, obj: KubeObject, dryRun: boolean): KubeObject {
    const meta = obj.metadata;
    const name = meta.name ?? (meta.generateName === undefined ? undefined : `${meta.generateName}${(++this.uids).toString(36)}`);
    if (name === undefined || name === '') throw new ApiError('Invalid', `${route.kind} is invalid: metadata.name: Required value`);
    if (this.bucket(route).has(objectKeyOf(route.namespace, name))) throw alreadyExists(route.resource, route.group, name);
    const apiVersion = route.group === '' ? route.version : `${route.group}/${route.version}`;
    const metadata = { ...meta, name, uid: `uid-${++this.uids}`, creationTimestamp: rfc3339(this.clock.now()), generation: 1,
      ...(route.namespace === undefined ? {} : { namespace: route.namespace }) };
    const full: KubeObject = { ...obj, apiVersion, kind: route.kind === 'Unknown' ? obj.kind : route.kind, metadata };
    return dryRun ? full : this.commit(route, 'ADDED', full);
  }

  private update(route: Route, obj: KubeObject): KubeObject {
    const current = this.stored(route);
    const rv = obj.metadata.resourceVersion;
    if (rv !== undefined && rv !== current.metadata.resourceVersion) throw conflict(route.resource, route.group, route.name ?? '');
    const next: KubeObject = route.subresource === 'status'
      ? { ...current, status: obj['status'] }
      : { ...obj, apiVersion: current.apiVersion, kind: current.kind, status: current['status'],
        metadata: { ...obj.metadata, ...pick(current.metadata, ['uid', 'creationTimestamp', 'namespace', 'generation']) } };
    return this.commit(route, 'MODIFIED', next);
  }

  private patch(route: Route, req: TransportRequest): KubeObject {
    const type = req.headers['Content-Type'] ?? '';
    if (type !== 'application/merge-patch+json' && type !== 'application/strategic-merge-patch+json') {
      throw new ApiError('UnsupportedMediaType', `the in-memory API does not support patches of type ${type}`);
    }
    const current = this.stored(route);
    const patched = applyMergePatch(current, this.body(req));
    if (!isJsonObject(patched) || !isJsonObject(patched['metadata'])) throw new ApiError('BadRequest', 'patch removed metadata');
    return this.update(route, { ...current, ...patched, metadata: { ...current.metadata, ...patched['metadata'] } });
  }

  private remove(route: Route, req: TransportRequest): unknown {
    const current = this.stored(route);
    const pre = tryParseJson(req.body ?? '{}');
    const preconditions = pre.ok && isJsonObject(pre.value) ? pre.value['preconditions'] : undefined;
    if (isJsonObject(preconditions) && preconditions['resourceVersion'] !== undefined && preconditions['resourceVersion'] !== current.metadata.resourceVersion) {
      throw conflict(route.resource, route.group, route.name ?? '', 'the resourceVersion in the precondition does not match');
    }
    this.commit(route, 'DELETED', current);
    return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 200 };
  }
}
