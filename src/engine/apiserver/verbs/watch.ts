// Watch streams: newline-delimited JSON events, synthetic ADDED for resourceVersion 0/absent, selector
// moves turned into ADDED/DELETED, ERROR 410 for a too-old resourceVersion, bookmarks and timeouts.
import { isApiError, toApiError, toStatus } from '../../../api/api-error.js';
import type { KubeObject } from '../../../api/meta.js';
import type { StoreEvent } from '../../store/store.js';
import type { ApiRequest, ApiResponse, StreamSink } from '../http-types.js';
import type { ResourceDef } from '../registry/resource-def.js';
import { includeObjectOf, objectJson, tableJson, wantsTable, type IncludeObject } from '../render.js';
import type { ServerContext } from '../server-context.js';
import { selectorsOf, selects, type Selectors } from './read.js';

const BOOKMARK_INTERVAL_MS = 60_000;

interface WatchParams {
  def: ResourceDef;
  namespace: string | undefined;
  sel: Selectors;
  table: boolean;
  includeObject: IncludeObject;
  rv: string;
  timeoutMs: number | undefined;
  bookmarks: boolean;
}

function eventLine(ctx: ServerContext, p: WatchParams, type: string, obj: KubeObject): string {
  const object = p.table
    ? tableJson(p.def, [obj], ctx.clock.now(), obj.metadata.resourceVersion ?? '', undefined, p.includeObject)
    : objectJson(ctx, p.def, obj);
  return `{"type":"${type}","object":${object}}\n`;
}

/** Maps a store event to the watch event this watcher sees (or none), honouring namespace and selectors. */
function translate(p: WatchParams, e: StoreEvent): 'ADDED' | 'MODIFIED' | 'DELETED' | undefined {
  if (p.def.namespaced && p.namespace !== undefined && (e.object.metadata.namespace ?? '') !== p.namespace) return undefined;
  const now = selects(p.def, p.sel, e.object);
  if (e.type !== 'MODIFIED' || e.prev === undefined) return now ? e.type : undefined;
  const before = selects(p.def, p.sel, e.prev);
  if (now && before) return 'MODIFIED';
  if (now) return 'ADDED';
  return before ? 'DELETED' : undefined;
}

function startStream(ctx: ServerContext, p: WatchParams, sink: StreamSink): () => void {
  let fromRv: number;
  if (p.rv === '' || p.rv === '0') {
    for (const o of ctx.store.list(p.def.storage, p.def.namespaced ? p.namespace : undefined)) {
      if (selects(p.def, p.sel, o)) sink.write(eventLine(ctx, p, 'ADDED', o));
    }
    fromRv = ctx.store.currentRv();
  } else {
    fromRv = Number(p.rv);
  }
  let unsubscribe: () => void;
  try {
    unsubscribe = ctx.store.watch(fromRv, (e) => {
      const type = translate(p, e);
      if (type) sink.write(eventLine(ctx, p, type, e.object));
    }, p.def.storage);
  } catch (e) {
    const err = isApiError(e, 'Expired') ? e : toApiError(e);
    sink.write(`{"type":"ERROR","object":${JSON.stringify(toStatus(err))}}\n`);
    sink.end();
    return () => undefined;
  }
  const timers: NodeJS.Timeout[] = [];
  if (p.timeoutMs !== undefined) timers.push(setTimeout(() => { unsubscribe(); sink.end(); }, p.timeoutMs));
  if (p.bookmarks) {
    const apiVersion = p.def.group === '' ? p.def.version : `${p.def.group}/${p.def.version}`;
    timers.push(setInterval(() => {
      const object = { kind: p.def.kind, apiVersion, metadata: { resourceVersion: String(ctx.store.currentRv()) } };
      sink.write(`{"type":"BOOKMARK","object":${JSON.stringify(object)}}\n`);
    }, BOOKMARK_INTERVAL_MS));
  }
  return () => { unsubscribe(); for (const t of timers) clearTimeout(t); };
}

/** GET …?watch=true */
export function watchObjects(ctx: ServerContext, def: ResourceDef, req: ApiRequest, namespace: string | undefined): ApiResponse {
  const timeout = req.query.get('timeoutSeconds');
  const params: WatchParams = {
    def, namespace, sel: selectorsOf(req.query),
    table: wantsTable(req.headers['accept']),
    includeObject: includeObjectOf(req.query),
    rv: req.query.get('resourceVersion') ?? '',
    timeoutMs: timeout ? Number(timeout) * 1000 : undefined,
    bookmarks: req.query.get('allowWatchBookmarks') === 'true',
  };
  return {
    status: 200,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-cache, private' },
    stream: (sink) => startStream(ctx, params, sink),
  };
}
