// Server-sent events from an async generator: the first value opens the stream (so a failure before it can still
// be answered with a status code), every value is one `update` event, the end of the source is a `gone` event,
// a comment every 20 s keeps idle connections open, and the client going away stops the source.
import type { IncomingMessage, ServerResponse } from 'node:http';

const KEEPALIVE_MS = 20_000;

/** Streams `source(signal)` to `res`; `onEarlyError` answers when the source fails before its first value. */
export async function streamEvents<T>(req: IncomingMessage, res: ServerResponse, source: (signal: AbortSignal) => AsyncIterable<T | undefined>,
  onEarlyError: (e: unknown) => void): Promise<void> {
  const abort = new AbortController();
  req.on('close', () => abort.abort());
  let open = false;
  let timer: NodeJS.Timeout | undefined;
  try {
    for await (const value of source(abort.signal)) {
      if (!open) {
        res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
        timer = setInterval(() => res.write(': keep-alive\n\n'), KEEPALIVE_MS);
        open = true;
      }
      res.write(value === undefined ? 'event: gone\ndata: {}\n\n' : `event: update\ndata: ${JSON.stringify(value)}\n\n`);
      if (abort.signal.aborted) break;
    }
    if (open) res.end();
    else if (!abort.signal.aborted) onEarlyError(new Error('the source ended before its first value'));
  } catch (e) {
    if (!open) onEarlyError(e);
    else res.end(`event: failed\ndata: ${JSON.stringify({ error: e instanceof Error ? e.message : String(e) })}\n\n`);
  } finally {
    if (timer !== undefined) clearInterval(timer);
    abort.abort();
  }
}
