// Reads a request body into memory before it is forwarded, as nginx does by default (proxy_request_buffering):
// a complete body can be sent again to another endpoint, and a slow client never holds a backend connection.

/** What reading produced: no body at all, the bytes, a body over the limit (413), or a client that went away. */
export type BodyResult = { readonly body: Buffer | null } | { readonly error: 'tooLarge' | 'aborted' };

interface BodySource {
  readonly headers: { readonly 'content-length'?: string | undefined; readonly 'transfer-encoding'?: string | undefined };
  on(event: 'data', fn: (chunk: Buffer) => void): unknown;
  on(event: 'end' | 'aborted' | 'close', fn: () => void): unknown;
  on(event: 'error', fn: (e: Error) => void): unknown;
  readonly complete: boolean;
}

const NO_BODY: BodyResult = Object.freeze({ body: null });
const EMPTY_BODY: BodyResult = Object.freeze({ body: Buffer.alloc(0) });

/**
 * Reads the body of `req` (limit in bytes, 0 = unlimited) and calls `done` once. Requests without
 * Content-Length or Transfer-Encoding have no body and are answered synchronously.
 */
export function readRequestBody(req: BodySource, limitBytes: number, done: (r: BodyResult) => void): void {
  const length = req.headers['content-length'];
  if (length === undefined && req.headers['transfer-encoding'] === undefined) { done(NO_BODY); return; }
  if (length === '0') { done(EMPTY_BODY); return; }
  if (limitBytes > 0 && length !== undefined && Number(length) > limitBytes) { done({ error: 'tooLarge' }); return; }
  const chunks: Buffer[] = [];
  let size = 0;
  let settled = false;
  const settle = (r: BodyResult): void => {
    if (settled) return;
    settled = true;
    done(r);
  };
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (limitBytes > 0 && size > limitBytes) settle({ error: 'tooLarge' });
    else chunks.push(chunk);
  });
  req.on('end', () => settle({ body: chunks.length === 1 && chunks[0] !== undefined ? chunks[0] : Buffer.concat(chunks) }));
  req.on('error', () => settle({ error: 'aborted' }));
  req.on('close', () => { if (!req.complete) settle({ error: 'aborted' }); });
}
