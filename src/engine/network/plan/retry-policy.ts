// When a failed upstream attempt may be repeated on another endpoint, after nginx's `proxy_next_upstream error
// timeout` with `proxy_next_upstream_tries`: only before any response byte reached the client; any method when
// the connection could not be made (nothing was sent); otherwise idempotent methods (nginx never repeats
// POST, LOCK or PATCH once sent, unless `retry-non-idempotent` is set).
//
// One addition to nginx: a non-idempotent request whose reused keep-alive connection was closed or reset
// before any response byte is repeated too, as browsers do (Chromium's ShouldResendRequest). That is the race
// of a backend closing its idle connections at SIGTERM just as a request is written to one: the backend never
// read the request. The price: a backend that crashes while handling a POST on a reused connection may see the
// POST twice.

/** What went wrong with one upstream attempt. */
export type UpstreamFailure = 'connect' | 'reset' | 'timeout' | 'other';

const CONNECT = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL', 'ENOTFOUND', 'EAI_AGAIN', 'CONNECT_TIMEOUT']);
const RESET = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'CLOSED']);
const TIMEOUT = new Set(['READ_TIMEOUT', 'ETIMEDOUT']);

/**
 * Classifies an upstream error code: Node's errno codes and the connection's own (`CONNECT_TIMEOUT` → connect,
 * `CLOSED` — the endpoint closed the connection before the response was complete — → reset, `READ_TIMEOUT` →
 * timeout, `BAD_RESPONSE` → other).
 */
export function classifyUpstreamError(code: string | undefined): UpstreamFailure {
  if (code === undefined) return 'other';
  if (CONNECT.has(code)) return 'connect';
  if (RESET.has(code)) return 'reset';
  if (TIMEOUT.has(code)) return 'timeout';
  return 'other';
}

/** nginx's idempotency rule: everything but POST, LOCK and PATCH. */
export function isIdempotent(method: string): boolean {
  return method !== 'POST' && method !== 'PATCH' && method !== 'LOCK';
}

/** One failed attempt, as the retry decision sees it. */
export interface FailedAttempt {
  readonly method: string;
  readonly failure: UpstreamFailure;
  /** True once response headers went to the client: nothing can be repeated then. */
  readonly responseStarted: boolean;
  /** Attempts made so far, the failed one included. */
  readonly attempts: number;
  readonly maxTries: number;
  readonly retryNonIdempotent: boolean;
  /** True when the attempt went out on a keep-alive connection that had served earlier requests. */
  readonly reusedConnection: boolean;
}

/** True when the request should go to another endpoint (see the file comment). */
export function canRetry(a: FailedAttempt): boolean {
  if (a.responseStarted || a.attempts >= a.maxTries) return false;
  switch (a.failure) {
    case 'connect': return true;
    case 'reset': return a.retryNonIdempotent || isIdempotent(a.method) || a.reusedConnection;
    case 'timeout': return a.retryNonIdempotent || isIdempotent(a.method);
    case 'other': return false;
  }
}

/** The status a client gets when no attempt succeeded: 504 after a timeout, else 502 (nginx's choice). */
export function failureStatus(failure: UpstreamFailure): 502 | 504 {
  return failure === 'timeout' ? 504 : 502;
}
