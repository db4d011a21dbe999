// The small HTML pages the proxies answer with when they cannot forward (nginx answers likewise).
import { STATUS_CODES, type ServerResponse } from 'node:http';

/** Answers `status` with a short HTML page unless headers already went out; `body` replaces the page. */
export function sendError(res: ServerResponse, status: number, body?: string, close = false): void {
  if (res.headersSent || res.destroyed) {
    if (!res.writableEnded) res.end();
    return;
  }
  const reason = STATUS_CODES[status] ?? 'Error';
  const text = body ?? `<html>\n<head><title>${status} ${reason}</title></head>\n<body>\n<center><h1>${status} ${reason}</h1></center>\n<hr><center>sluice</center>\n</body>\n</html>\n`;
  const headers: Record<string, string | number> = { 'content-type': body === undefined ? 'text/html' : 'text/plain', 'content-length': Buffer.byteLength(text) };
  if (close) headers['connection'] = 'close';
  res.writeHead(status, headers);
  res.end(text);
}
