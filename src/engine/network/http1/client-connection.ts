// One client connection of a proxy listener: reads a request head (strictly parsed), buffers the body, hands
// the request to the handler and waits for its response before reading the next one (pipelined requests wait
// in the buffer). Keep-alive idle timeout 75 s and header/body timeout 60 s, as nginx's defaults.
import type { Socket } from 'node:net';
import { ChunkedDecoder } from './chunked-decoder.js';
import { ClientResponse, type ResponseOwner } from './client-response.js';
import type { ClientRequest, ListenerLimits, RequestHandler, TakenOver } from './client-request.js';
import { headerValue, parseRequestHead, type RequestHead } from './request-head.js';

/** The empty line that ends a head. */
const HEAD_END = Buffer.from('\r\n\r\n', 'latin1');

type State = 'head' | 'body' | 'busy' | 'closed';

const CONTINUE = 'HTTP/1.1 100 Continue\r\n\r\n';

/** `Upgrade`'s value when the request asks to switch protocols (GET, HTTP/1.1, `Connection: upgrade`). */
function upgradeOf(head: RequestHead): string | undefined {
  if (head.method !== 'GET' || head.http10) return undefined;
  const upgrade = headerValue(head.headers, 'upgrade');
  const connection = headerValue(head.headers, 'connection');
  if (upgrade === undefined || upgrade === '' || connection === undefined) return undefined;
  return connection.split(',').some((t) => t.trim().toLowerCase() === 'upgrade') ? upgrade : undefined;
}

/** The per-connection state machine. */
export class ClientConnection implements ResponseOwner {
  private state: State = 'head';
  private buf: Buffer | undefined;
  private head: RequestHead | undefined;
  private bodyParts: Buffer[] = [];
  private bodyRemaining = 0;
  private chunked: ChunkedDecoder | undefined;
  private bodySize = 0;
  private response: ClientResponse | undefined;
  private driving = false;
  private draining = false;
  private readonly remoteAddress: string;
  private readonly localPort: number;
  private timeoutMs: number;

  constructor(readonly socket: Socket, private readonly handler: RequestHandler, private readonly limits: ListenerLimits) {
    this.remoteAddress = socket.remoteAddress ?? '';
    this.localPort = socket.localPort ?? 0;
    socket.setNoDelay(true);
    this.timeoutMs = limits.readTimeoutMs;
    socket.setTimeout(this.timeoutMs);
    socket.on('data', (d: Buffer) => { this.buf = this.buf === undefined ? d : Buffer.concat([this.buf, d]); this.drive(); });
    socket.on('timeout', () => { if (this.state !== 'busy') socket.destroy(); });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => { this.state = 'closed'; this.response?.clientClosed(); });
  }

  /** True between requests with nothing buffered: safe to close. */
  isIdle(): boolean { return this.state === 'head' && this.buf === undefined; }

  /** Stops keeping the connection alive (the listener is closing): closes it now if idle, else after the response. */
  drain(): void {
    this.draining = true;
    if (this.isIdle()) this.socket.destroy();
  }

  responseDone(keepAlive: boolean): void {
    this.response = undefined;
    if (!keepAlive || this.head?.keepAlive !== true || this.draining || this.state === 'closed') {
      this.state = 'closed';
      this.socket.end();
      return;
    }
    this.state = 'head';
    this.head = undefined;
    this.setTimeout(this.buf === undefined ? this.limits.idleTimeoutMs : this.limits.readTimeoutMs);
    this.socket.resume();
    if (!this.driving && this.buf !== undefined) this.drive();
  }

  private drive(): void {
    this.driving = true;
    try {
      while (this.buf !== undefined && (this.state === 'head' || this.state === 'body')) {
        if (this.state === 'head' ? !this.readHead() : !this.readBody()) break;
      }
      // A client pipelining far ahead is paused until the response in flight is done.
      if (this.state === 'busy' && (this.buf?.length ?? 0) > this.limits.maxHeadBytes) this.socket.pause();
    } finally {
      this.driving = false;
    }
  }

  /** Consumes a head from the buffer; false when more bytes are needed. */
  private readHead(): boolean {
    let buf = this.buf ?? Buffer.alloc(0);
    let start = 0;
    while (buf[start] === 13 || buf[start] === 10) start++;
    if (start > 0) { buf = buf.subarray(start); this.buf = buf.length === 0 ? undefined : buf; }
    const end = buf.indexOf(HEAD_END);
    if (end < 0) {
      if (buf.length > this.limits.maxHeadBytes) this.reject(431, 'request head too large');
      return false;
    }
    if (end > this.limits.maxHeadBytes) { this.reject(431, 'request head too large'); return false; }
    const head = parseRequestHead(buf.toString('latin1', 0, end));
    this.buf = buf.length > end + 4 ? buf.subarray(end + 4) : undefined;
    if ('status' in head) { this.reject(head.status, head.message); return false; }
    this.head = head;
    return this.startBody(head);
  }

  private startBody(head: RequestHead): boolean {
    const limit = this.limits.bodyLimitBytes();
    if (head.body.kind === 'none') { this.dispatch(null); return true; }
    if (head.body.kind === 'length' && limit > 0 && head.body.bytes > limit) { this.reject(413, 'request body too large'); return false; }
    this.bodyParts = [];
    this.bodySize = 0;
    this.bodyRemaining = head.body.kind === 'length' ? head.body.bytes : 0;
    this.chunked = head.body.kind === 'chunked' ? new ChunkedDecoder() : undefined;
    this.state = 'body';
    if (head.expectContinue && this.buf === undefined) this.socket.write(CONTINUE, 'latin1');
    return true;
  }

  /** Consumes body bytes from the buffer; false when more are needed (or the request failed). */
  private readBody(): boolean {
    const buf = this.buf ?? Buffer.alloc(0);
    this.buf = undefined;
    if (this.chunked === undefined) {
      const take = Math.min(this.bodyRemaining, buf.length);
      this.bodyParts.push(buf.subarray(0, take));
      this.bodyRemaining -= take;
      if (take < buf.length) this.buf = buf.subarray(take);
      if (this.bodyRemaining > 0) return false;
    } else {
      const r = this.chunked.feed(buf, (c) => { this.bodyParts.push(c); this.bodySize += c.length; });
      if (r.state === 'error') { this.reject(400, r.message); return false; }
      const limit = this.limits.bodyLimitBytes();
      if (limit > 0 && this.bodySize > limit) { this.reject(413, 'request body too large'); return false; }
      if (r.state === 'more') return false;
      if (r.rest > 0) this.buf = buf.subarray(buf.length - r.rest);
    }
    this.chunked = undefined;
    const parts = this.bodyParts;
    this.bodyParts = [];
    this.dispatch(parts.length === 1 && parts[0] !== undefined ? parts[0] : Buffer.concat(parts));
    return true;
  }

  private dispatch(body: Buffer | null): void {
    const head = this.head;
    if (head === undefined) return;
    // While busy a timeout is ignored (the upstream read timeout covers the wait); the timer is not touched,
    // which spares two timer updates per request.
    this.state = 'busy';
    const headers = head.headers;
    const req: ClientRequest = {
      method: head.method, url: head.target, http10: head.http10, headers, body,
      header: (name) => headerValue(headers, name), remoteAddress: this.remoteAddress, localPort: this.localPort,
      upgrade: upgradeOf(head), takeover: () => this.takeover(),
    };
    const res = new ClientResponse(this, head.method === 'HEAD', head.http10, head.keepAlive && !this.draining);
    this.response = res;
    try {
      this.handler(req, res);
    } catch {
      // A handler bug must not take the listener down: answer 500 (or cut the response) and close.
      if (res.headersSent) res.destroy();
      else { res.writeHead(500, '', ['content-length', '0', 'connection', 'close']); res.end(); }
    }
  }

  /** Hands the socket over (protocol upgrade): no more HTTP parsing, timeouts or keep-alive handling here. */
  private takeover(): TakenOver {
    this.state = 'closed';
    this.response = undefined;
    // Paused until the tunnel listens: bytes the client sends meanwhile wait in the socket.
    this.socket.pause();
    this.socket.removeAllListeners('data');
    this.socket.removeAllListeners('timeout');
    this.socket.setTimeout(0);
    const rest = this.buf;
    this.buf = undefined;
    return { socket: this.socket, rest };
  }

  private setTimeout(ms: number): void {
    if (ms === this.timeoutMs) return;
    this.timeoutMs = ms;
    this.socket.setTimeout(ms);
  }

  /** Answers a request that cannot be served with `status` and closes the connection. */
  private reject(status: number, message: string): void {
    const body = `${status} ${message}\n`;
    const res = new ClientResponse(this, false, false, false);
    this.state = 'busy';
    this.buf = undefined;
    res.writeHead(status, '', ['content-type', 'text/plain', 'content-length', String(Buffer.byteLength(body))]);
    res.end(body);
  }
}
