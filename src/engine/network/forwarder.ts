// Forwards one buffered request to a backend's endpoints and streams the answer back, repeating the request on
// another endpoint when an attempt fails before any response byte reached the client (plan/retry-policy.ts).
import type { ClientResponse } from './http1/client-response.js';
import { formatRequestHead } from './http1/request-head.js';
import type { ResponseHead } from './http1/response-head.js';
import type { UpstreamConnection, UpstreamExchange } from './http1/upstream-connection.js';
import { pickTarget } from './plan/pick-target.js';
import { canRetry, classifyUpstreamError, failureStatus } from './plan/retry-policy.js';
import { isForwardedResponseHeader } from './plan/upstream-headers.js';
import { sendError } from './send-error.js';
import type { UpstreamPools } from './upstream-pools.js';

/** A backend's ready endpoints and where its round-robin continues; updated in place as Endpoints change. */
export interface Rotation {
  targets: readonly string[];
  cursor: number;
}

/** The upstream request and how failures are handled. */
export interface ForwardSpec {
  readonly method: string;
  readonly path: string;
  readonly headers: string[];
  readonly body: Buffer | null;
  readonly maxTries: number;
  readonly retryNonIdempotent: boolean;
  readonly allowBackendServerHeader: boolean;
}

/** Called once per request: the status the client got (499: it went away) and the time spent upstream. */
export type ForwardDone = (status: number, upstreamSeconds: number | undefined) => void;

const NO_TARGETS: readonly string[] = [];

class Exchange implements UpstreamExchange {
  private tried: string[] | undefined;
  private attempts = 0;
  private status = 0;
  private responseStarted = false;
  private finished = false;
  private clientGone = false;
  private conn: UpstreamConnection | undefined;
  private upstreamStartMs = 0;
  private current = '';
  /** Body bytes still expected when the backend sent Content-Length (-1: unknown). */
  private remaining = -1;
  private ended = false;

  constructor(private readonly pools: UpstreamPools, private readonly res: ClientResponse, private readonly spec: ForwardSpec,
    private readonly rotation: Rotation, private readonly done: ForwardDone) {
    res.onClose(() => {
      if (this.finished) return;
      this.clientGone = true;
      this.conn?.abort();
      this.finish(499);
    });
  }

  attempt(): void {
    const picked = pickTarget(this.rotation.targets, this.rotation.cursor, this.tried ?? NO_TARGETS);
    if (picked === undefined) { this.reply(this.attempts === 0 ? 503 : 502); return; }
    this.rotation.cursor = picked.cursor;
    this.current = picked.target;
    if (this.attempts === 0) this.upstreamStartMs = performance.now();
    this.attempts++;
    const s = this.spec;
    this.conn = this.pools.get(picked.target).acquire();
    this.conn.send(this, s.method, formatRequestHead(s.method, s.path, s.headers, picked.target), s.body);
  }

  onHead(h: ResponseHead): void {
    const out: string[] = [];
    const raw = h.headers;
    for (let i = 0; i + 1 < raw.length; i += 2) {
      const name = raw[i] ?? '';
      if (isForwardedResponseHeader(name, this.spec.allowBackendServerHeader)) out.push(name, raw[i + 1] ?? '');
    }
    this.status = h.status;
    this.responseStarted = true;
    if (h.framing.kind === 'length') this.remaining = h.framing.bytes;
    this.res.writeHead(h.status, h.statusText, out);
  }

  onData(chunk: Buffer): boolean {
    if (this.clientGone) return true;
    if (chunk.length === this.remaining) {
      // The whole (rest of the) body: headers and body leave in one write.
      this.ended = true;
      this.res.end(chunk);
      return true;
    }
    if (this.remaining > 0) this.remaining -= chunk.length;
    const ok = this.res.write(chunk);
    if (!ok) this.res.onDrain(() => this.conn?.resume());
    return ok;
  }

  onEnd(): void {
    this.conn = undefined;
    if (!this.ended) this.res.end();
    this.finish(this.status);
  }

  onFail(code: string, reusedConnection: boolean): void {
    this.conn = undefined;
    if (this.clientGone) return;
    if (this.responseStarted) {
      this.res.destroy();
      this.finish(this.status);
      return;
    }
    (this.tried ??= []).push(this.current);
    const failure = classifyUpstreamError(code);
    const s = this.spec;
    if (canRetry({ method: s.method, failure, responseStarted: false, attempts: this.attempts, maxTries: s.maxTries, retryNonIdempotent: s.retryNonIdempotent, reusedConnection })) {
      this.attempt();
      return;
    }
    this.reply(failureStatus(failure));
  }

  private reply(status: number): void {
    sendError(this.res, status);
    this.finish(status);
  }

  private finish(status: number): void {
    if (this.finished) return;
    this.finished = true;
    this.done(status, this.attempts === 0 ? undefined : (performance.now() - this.upstreamStartMs) / 1000);
  }
}

/** Sends `spec` to the rotation's endpoints and the answer to `res`; `done` is called exactly once. */
export function forward(pools: UpstreamPools, res: ClientResponse, spec: ForwardSpec, rotation: Rotation, done: ForwardDone): void {
  new Exchange(pools, res, spec, rotation, done).attempt();
}
