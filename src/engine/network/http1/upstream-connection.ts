// One keep-alive HTTP/1.1 connection to an endpoint, carrying one request at a time. It reports every outcome
// to the request's exchange exactly once: a complete response, or a failure with the error code and whether
// the connection had served earlier requests (a reused connection closed under a request: see retry-policy.ts).
import net from 'node:net';
import type { ResponseHead } from './response-head.js';
import { ResponseParser, type ResponseSink } from './response-parser.js';

/** The request side of one exchange, as the connection reports to it. */
export interface UpstreamExchange {
  onHead(head: ResponseHead): void;
  /** Returns false to pause the connection until `resume()`. */
  onData(chunk: Buffer): boolean;
  onEnd(): void;
  /** `code`: an errno (`ECONNREFUSED`…) or CONNECT_TIMEOUT, READ_TIMEOUT, CLOSED, BAD_RESPONSE. */
  onFail(code: string, reusedConnection: boolean): void;
}

/** Where a connection goes back to. */
export interface ConnectionOwner {
  release(conn: UpstreamConnection, keepAlive: boolean): void;
  discard(conn: UpstreamConnection): void;
}

/** Timeouts of a connection. */
export interface ConnectionTimeouts {
  readonly connectTimeoutMs: number;
  readonly readTimeoutMs: number;
  readonly idleTimeoutMs: number;
}

/** A connection to one endpoint. */
export class UpstreamConnection implements ResponseSink {
  /** Responses completed on this connection. */
  served = 0;
  private readonly socket: net.Socket;
  private readonly parser = new ResponseParser(this);
  private exchange: UpstreamExchange | undefined;
  private connected = false;
  private closed = false;
  private timeoutMs: number;

  constructor(private readonly owner: ConnectionOwner, host: string, port: number, private readonly timeouts: ConnectionTimeouts) {
    this.socket = net.connect({ host, port, noDelay: true });
    this.timeoutMs = timeouts.connectTimeoutMs;
    this.socket.setTimeout(this.timeoutMs);
    this.socket.on('connect', () => { this.connected = true; this.setTimeout(this.timeouts.readTimeoutMs); });
    this.socket.on('data', (d: Buffer) => this.onSocketData(d));
    this.socket.on('end', () => this.onPeerClosed());
    this.socket.on('close', () => this.onPeerClosed());
    this.socket.on('error', (e: Error) => this.fail(errorCode(e)));
    this.socket.on('timeout', () => this.fail(this.connected ? 'READ_TIMEOUT' : 'CONNECT_TIMEOUT'));
  }

  /** Sends one request; the outcome goes to `exchange`. */
  send(exchange: UpstreamExchange, method: string, head: string, body: Buffer | null): void {
    this.exchange = exchange;
    this.parser.reset(method);
    if (this.connected) this.setTimeout(this.timeouts.readTimeoutMs);
    if (body === null || body.length === 0) { this.socket.write(head, 'latin1'); return; }
    this.socket.cork();
    this.socket.write(head, 'latin1');
    this.socket.write(body);
    this.socket.uncork();
  }

  /** Continues reading after `onData` returned false. */
  resume(): void { this.socket.resume(); }

  /** Drops the request in flight (the client went away); the connection is closed. */
  abort(): void {
    this.exchange = undefined;
    this.close();
  }

  /** Marks the connection idle: it closes itself after the idle timeout. */
  idle(): void { this.setTimeout(this.timeouts.idleTimeoutMs); }

  /** Closes the connection now. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.destroy();
    this.owner.discard(this);
  }

  head(h: ResponseHead): void { this.exchange?.onHead(h); }

  data(chunk: Buffer): void {
    if (this.exchange?.onData(chunk) === false) this.socket.pause();
  }

  end(keepAlive: boolean): void {
    const ex = this.exchange;
    this.exchange = undefined;
    this.served++;
    if (keepAlive && !this.closed) this.owner.release(this, true);
    else this.close();
    ex?.onEnd();
  }

  /** Sets the socket timeout only when it changes (read and idle timeouts are usually equal). */
  private setTimeout(ms: number): void {
    if (ms === this.timeoutMs) return;
    this.timeoutMs = ms;
    this.socket.setTimeout(ms);
  }

  private onSocketData(d: Buffer): void {
    if (this.exchange === undefined) { this.close(); return; }
    let error: string | undefined;
    try {
      error = this.parser.feed(d);
    } catch {
      // An exception on the client side of the exchange must not crash the process.
      error = 'exception while relaying the response';
    }
    if (error !== undefined) this.fail('BAD_RESPONSE');
  }

  private onPeerClosed(): void {
    if (this.exchange !== undefined && !this.parser.isDone() && this.parser.close()) return;
    this.fail('CLOSED');
  }

  private fail(code: string): void {
    const ex = this.exchange;
    this.exchange = undefined;
    this.close();
    ex?.onFail(code, this.served > 0);
  }
}

function errorCode(e: Error): string {
  const code: unknown = Reflect.get(e, 'code');
  return typeof code === 'string' ? code : 'CLOSED';
}
