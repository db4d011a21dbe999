// The in-process adapter of the client port: requests go straight to the API handler, no sockets.
import type { Transport, TransportRequest, TransportResponse } from '../../control/transport.js';
import type { ApiHandler, ApiResponse } from './http-types.js';

async function* streamOf(r: Extract<ApiResponse, { stream: unknown }>, signal: AbortSignal | undefined): AsyncIterable<Uint8Array> {
  const queue: Uint8Array[] = [];
  let ended = false;
  let wake: (() => void) | undefined;
  const notify = (): void => { const w = wake; wake = undefined; w?.(); };
  const cancel = r.stream({
    write: (chunk) => { queue.push(Buffer.from(chunk)); notify(); },
    end: () => { ended = true; notify(); },
  });
  const onAbort = (): void => { ended = true; notify(); };
  signal?.addEventListener('abort', onAbort);
  try {
    for (;;) {
      const next = queue.shift();
      if (next) { yield next; continue; }
      if (ended) return;
      await new Promise<void>((resolve) => { wake = resolve; });
    }
  } finally {
    cancel();
    signal?.removeEventListener('abort', onAbort);
  }
}

/** A Transport that calls the handler in-process, as the given user. */
export function localTransport(handler: ApiHandler, user = 'system:sluice'): Transport {
  return {
    async request(req: TransportRequest): Promise<TransportResponse> {
      const url = new URL(req.path, 'http://local');
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) headers[k.toLowerCase()] = v;
      const res = await handler({
        method: req.method, path: url.pathname, query: url.searchParams, headers,
        body: req.body === undefined ? undefined : Buffer.from(req.body), user,
      });
      if ('body' in res) {
        const bytes = typeof res.body === 'string' ? Buffer.from(res.body) : res.body;
        return { status: res.status, headers: res.headers, body: (async function* () { yield bytes; })() };
      }
      return { status: res.status, headers: res.headers, body: streamOf(res, req.signal) };
    },
  };
}
