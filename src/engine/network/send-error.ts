// The small pages the proxies answer with when they cannot forward (nginx answers likewise).
import { STATUS_CODES } from 'node:http';
import type { ClientResponse } from './http1/client-response.js';

/** Answers `status` with a short HTML page (or `body` as plain text), plus `headers`, unless headers already went out. */
export function sendError(res: ClientResponse, status: number, body?: string, headers: readonly string[] = []): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const reason = STATUS_CODES[status] ?? 'Error';
  const text = body ?? `<html>\n<head><title>${status} ${reason}</title></head>\n<body>\n<center><h1>${status} ${reason}</h1></center>\n<hr><center>sluice</center>\n</body>\n</html>\n`;
  res.writeHead(status, reason, ['content-type', body === undefined ? 'text/html' : 'text/plain', 'content-length', String(Buffer.byteLength(text)), ...headers]);
  res.end(text);
}
