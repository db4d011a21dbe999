// The response side of one client request on a raw connection: writes the head and the body with the framing
// the client can read (the backend's Content-Length when it gave one, else chunked for HTTP/1.1, else until
// close), coalescing head and first body bytes into one write.
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';

/** What the connection needs to hear back from its response. */
export interface ResponseOwner {
  readonly socket: Socket;
  /** The response is complete; `keepAlive`: the connection may serve another request. */
  responseDone(keepAlive: boolean): void;
}

let cachedDate = '';
let cachedDateSecond = -1;

/** The Date header value, recomputed at most once per second. */
function httpDate(): string {
  const second = Math.floor(Date.now() / 1000);
  if (second !== cachedDateSecond) {
    cachedDateSecond = second;
    cachedDate = new Date(second * 1000).toUTCString();
  }
  return cachedDate;
}

/** One response to a client. */
export class ClientResponse {
  headersSent = false;
  private head: string | undefined;
  private chunked = false;
  private bodyless = false;
  private finished = false;
  private closeFns: (() => void)[] | undefined;

  constructor(private readonly owner: ResponseOwner, private readonly headRequest: boolean, private readonly http10: boolean, private keepAlive: boolean) {}

  /** Status line and headers (hop-by-hop ones already removed); sent with the first body bytes or at `end`. */
  writeHead(status: number, statusText: string, headers: readonly string[]): void {
    if (this.headersSent) return;
    this.headersSent = true;
    this.bodyless = this.headRequest || status < 200 || status === 204 || status === 304;
    let lines = `HTTP/1.1 ${status} ${statusText === '' ? (STATUS_CODES[status] ?? '') : statusText}\r\n`;
    let hasLength = false;
    let hasDate = false;
    for (let i = 0; i + 1 < headers.length; i += 2) {
      const name = headers[i] ?? '';
      const lower = name.length === 14 || name.length === 4 ? name.toLowerCase() : '';
      if (lower === 'content-length') hasLength = true;
      else if (lower === 'date') hasDate = true;
      lines += `${name}: ${headers[i + 1] ?? ''}\r\n`;
    }
    if (!hasDate) lines += `date: ${httpDate()}\r\n`;
    if (!this.bodyless && !hasLength) {
      if (this.http10) this.keepAlive = false;
      else { this.chunked = true; lines += 'transfer-encoding: chunked\r\n'; }
    }
    if (!this.keepAlive) lines += 'connection: close\r\n';
    else if (this.http10) lines += 'connection: keep-alive\r\n';
    this.head = lines + '\r\n';
  }

  /** Writes body bytes; false when the client is slow (wait for `onDrain`). */
  write(chunk: Buffer): boolean {
    if (this.finished) return true;
    const s = this.owner.socket;
    if (this.bodyless || chunk.length === 0) { this.flushHead(); return !s.writableNeedDrain; }
    if (!this.chunked && this.head !== undefined) {
      // Head and body in one buffer: one write, cheaper than a corked writev of two.
      const head = this.head;
      this.head = undefined;
      const out = Buffer.allocUnsafe(head.length + chunk.length);
      out.write(head, 0, 'latin1');
      chunk.copy(out, head.length);
      return s.write(out);
    }
    s.cork();
    this.flushHead();
    if (this.chunked) s.write(`${chunk.length.toString(16)}\r\n`, 'latin1');
    s.write(chunk);
    if (this.chunked) s.write('\r\n', 'latin1');
    s.uncork();
    return !s.writableNeedDrain;
  }

  /** Ends the response, optionally with a last piece of body. */
  end(chunk?: Buffer | string): void {
    if (this.finished) return;
    if (!this.headersSent) this.writeHead(200, '', []);
    const s = this.owner.socket;
    s.cork();
    if (chunk !== undefined && chunk.length > 0) this.write(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    else this.flushHead();
    if (this.chunked && !this.bodyless) s.write('0\r\n\r\n', 'latin1');
    s.uncork();
    this.finished = true;
    this.owner.responseDone(this.keepAlive);
  }

  /** Cuts the connection (a failure after the head went out). */
  destroy(): void {
    this.finished = true;
    this.owner.socket.destroy();
  }

  /** Calls `fn` if the client goes away before the response ends. */
  onClose(fn: () => void): void { (this.closeFns ??= []).push(fn); }

  /** Calls `fn` once the client has read what is buffered. */
  onDrain(fn: () => void): void { this.owner.socket.once('drain', fn); }

  /** The connection closed: tells `onClose` listeners when the response was not finished. */
  clientClosed(): void {
    if (this.finished) return;
    this.finished = true;
    for (const fn of this.closeFns ?? []) fn();
  }

  private flushHead(): void {
    if (this.head === undefined) return;
    this.owner.socket.write(this.head, 'latin1');
    this.head = undefined;
  }
}
