// KubeClient over a Transport: Kubernetes REST paths and query parameters, JSON bodies, metav1.Status
// errors turned into ApiError, and watch streams decoded into events.
import { fromStatus } from '../api/api-error.js';
import type { KubeList, KubeObject, WatchEvent } from '../api/meta.js';
import { resourcePath, type ResourceType } from '../api/resources.js';
import { tryParseJson } from '../lib/json.js';
import { abortable } from './abortable.js';
import type { DeleteOptions, KubeClient, ListOptions, PatchType, WatchOptions, WriteOptions } from './client.js';
import { jsonDocuments } from './json-stream.js';
import { readText, type Transport, type TransportRequest, type TransportResponse } from './transport.js';
import { decodeList, decodeObject, decodeWatchEvent } from './wire-decode.js';

/** Content-Type of each patch type. */
export const PATCH_CONTENT_TYPES: Readonly<Record<PatchType, string>> = {
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
  json: 'application/json-patch+json',
  apply: 'application/apply-patch+yaml',
};

type QueryValue = string | number | boolean | undefined;

/** Appends the defined parameters to `path` as a query string (`?a=1&b=x`). */
export function withQuery(path: string, params: Readonly<Record<string, QueryValue>>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) q.append(k, String(v));
  const s = q.toString();
  return s === '' ? path : `${path}${path.includes('?') ? '&' : '?'}${s}`;
}

function writeQuery(opts: WriteOptions | undefined): Record<string, QueryValue> {
  return { dryRun: opts?.dryRun === true ? 'All' : undefined, fieldManager: opts?.fieldManager, fieldValidation: opts?.fieldValidation };
}

export interface RestClientOptions {
  /** Sent as User-Agent (default `sluice`). */
  userAgent?: string;
  /** Field manager used for server-side apply when the call names none (default `sluice`). */
  fieldManager?: string;
}

/** The HTTP client for any Kubernetes API server (real or embedded), over a Transport. */
export class RestClient implements KubeClient {
  private readonly userAgent: string;
  private readonly fieldManager: string;

  constructor(private readonly transport: Transport, opts: RestClientOptions = {}) {
    this.userAgent = opts.userAgent ?? 'sluice';
    this.fieldManager = opts.fieldManager ?? 'sluice';
  }

  async get<T extends KubeObject = KubeObject>(t: ResourceType, namespace: string | undefined, name: string): Promise<T> {
    return decodeObject<T>(t, await this.json('GET', resourcePath(t, namespace, name)));
  }

  async list<T extends KubeObject = KubeObject>(t: ResourceType, namespace?: string, opts: ListOptions = {}): Promise<KubeList<T>> {
    const path = withQuery(resourcePath(t, namespace), {
      labelSelector: opts.labelSelector, fieldSelector: opts.fieldSelector, resourceVersion: opts.resourceVersion,
      limit: opts.limit, continue: opts.continue,
    });
    return decodeList<T>(t, await this.json('GET', path));
  }

  async create<T extends KubeObject = KubeObject>(t: ResourceType, obj: T, opts?: WriteOptions): Promise<T> {
    const path = withQuery(resourcePath(t, obj.metadata.namespace), writeQuery(opts));
    return decodeObject<T>(t, await this.json('POST', path, JSON.stringify(obj)));
  }

  async update<T extends KubeObject = KubeObject>(t: ResourceType, obj: T, opts?: WriteOptions): Promise<T> {
    const path = withQuery(resourcePath(t, obj.metadata.namespace, nameOf(obj)), writeQuery(opts));
    return decodeObject<T>(t, await this.json('PUT', path, JSON.stringify(obj)));
  }

  async updateStatus<T extends KubeObject = KubeObject>(t: ResourceType, obj: T): Promise<T> {
    const path = resourcePath(t, obj.metadata.namespace, nameOf(obj), 'status');
    return decodeObject<T>(t, await this.json('PUT', path, JSON.stringify(obj)));
  }

  async patch<T extends KubeObject = KubeObject>(t: ResourceType, namespace: string | undefined, name: string, type: PatchType,
    patch: unknown, opts?: WriteOptions & { subresource?: 'status' | 'scale' }): Promise<T> {
    const query = writeQuery(opts);
    // The server rejects an apply patch without a field manager.
    if (type === 'apply' && query['fieldManager'] === undefined) query['fieldManager'] = this.fieldManager;
    const path = withQuery(resourcePath(t, namespace, name, opts?.subresource), query);
    // JSON is YAML, so an apply patch is sent as JSON text under the YAML content type.
    const body = JSON.stringify(patch);
    return decodeObject<T>(t, await this.json('PATCH', path, body, PATCH_CONTENT_TYPES[type]));
  }

  async delete(t: ResourceType, namespace: string | undefined, name: string, opts: DeleteOptions = {}): Promise<void> {
    const body = JSON.stringify({ kind: 'DeleteOptions', apiVersion: 'v1', ...opts });
    await this.send('DELETE', resourcePath(t, namespace, name), body);
  }

  async evictPod(namespace: string, name: string): Promise<void> {
    const body = JSON.stringify({ apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name, namespace } });
    await this.send('POST', `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(name)}/eviction`, body);
  }

  async *watch<T extends KubeObject = KubeObject>(t: ResourceType, namespace: string | undefined, opts: WatchOptions,
    signal: AbortSignal): AsyncGenerator<WatchEvent<T>> {
    const path = withQuery(resourcePath(t, namespace), {
      watch: true, labelSelector: opts.labelSelector, fieldSelector: opts.fieldSelector,
      resourceVersion: opts.resourceVersion, allowWatchBookmarks: opts.allowWatchBookmarks, timeoutSeconds: opts.timeoutSeconds,
    });
    let res: TransportResponse;
    try {
      res = await this.send('GET', path, undefined, undefined, signal);
    } catch (e) {
      if (signal.aborted) return;
      throw e;
    }
    try {
      for await (const text of abortable(jsonDocuments(res.body), signal)) {
        const decoded = decodeWatchEvent<T>(t, parseJson(text));
        if (decoded.kind === 'error') throw statusError(decoded.status);
        yield decoded.event;
      }
    } catch (e) {
      if (signal.aborted) return;
      throw e;
    }
  }

  async raw(path: string, signal?: AbortSignal): Promise<string> {
    return readText(await this.send('GET', path, undefined, undefined, signal, '*/*'));
  }

  private async json(method: TransportRequest['method'], path: string, body?: string, contentType?: string): Promise<unknown> {
    return parseJson(await readText(await this.send(method, path, body, contentType)));
  }

  /** Sends one request; a non-2xx response becomes the ApiError its Status body describes. */
  private async send(method: TransportRequest['method'], path: string, body?: string, contentType?: string,
    signal?: AbortSignal, accept = 'application/json'): Promise<TransportResponse> {
    const headers: Record<string, string> = { Accept: accept, 'User-Agent': this.userAgent };
    const req: TransportRequest = { method, path, headers };
    if (body !== undefined) {
      headers['Content-Type'] = contentType ?? 'application/json';
      req.body = body;
    }
    if (signal !== undefined) req.signal = signal;
    const res = await this.transport.request(req);
    if (res.status >= 200 && res.status < 300) return res;
    const text = await readText(res);
    const parsed = tryParseJson(text);
    const message = text.trim();
    throw fromStatus(parsed.ok ? parsed.value : message === '' ? {} : { message }, res.status);
  }
}

function nameOf(obj: KubeObject): string {
  const name = obj.metadata.name;
  if (name === undefined || name === '') throw new TypeError(`Cannot write ${obj.kind}: metadata.name is required`);
  return name;
}

function parseJson(text: string): unknown {
  const parsed = tryParseJson(text);
  if (!parsed.ok) throw new TypeError(`Cannot decode response: ${parsed.error}`);
  return parsed.value;
}

/** The ApiError carried by an ERROR watch event (410 Expired when the resourceVersion is too old). */
function statusError(status: unknown): Error {
  const code = typeof status === 'object' && status !== null && 'code' in status && typeof status.code === 'number' ? status.code : 500;
  return fromStatus(status, code);
}
