// One HTTP request for the web and Prometheus providers (undici): an overall timeout, optional TLS verification
// skipping (`insecure`), redirects followed as Go's http.Client does (up to 10), a bounded body, and failures worded
// like Go's net/http (`Get "http://x": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`).
import { Agent, interceptors, request, type Dispatcher } from 'undici';

/** A request to send. */
export interface HttpCall {
  readonly method: string;
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly timeoutMs: number;
  readonly insecure?: boolean;
  readonly signal: AbortSignal;
}

/** The status and text of a response. */
export interface HttpReply {
  readonly status: number;
  readonly body: string;
}

/** Largest response body read (a metric endpoint answering with more is an error). */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

const redirects = interceptors.redirect({ maxRedirections: 10 });
const secure: Dispatcher = new Agent().compose(redirects);
const insecure: Dispatcher = new Agent({ connect: { rejectUnauthorized: false } }).compose(redirects);

/** Go's http error prefix: `Get "url"`, `Post "url"`. */
function op(method: string, url: string): string {
  return `${method.charAt(0).toUpperCase()}${method.slice(1).toLowerCase()} ${JSON.stringify(url)}`;
}

function reason(e: unknown, timedOut: boolean, callerAborted: boolean): string {
  if (timedOut) return 'context deadline exceeded (Client.Timeout exceeded while awaiting headers)';
  if (callerAborted) return 'context canceled';
  if (e instanceof Error) {
    const code = 'code' in e && typeof e.code === 'string' ? e.code : '';
    if (code === 'ECONNREFUSED') return `dial tcp: ${e.message.replace(/^connect /, 'connect: ')}`;
    return e.message;
  }
  return String(e);
}

async function readBounded(body: AsyncIterable<unknown>): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += b.length;
    if (size > MAX_BODY_BYTES) throw new Error(`response body larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(b);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Sends the request; rejects with an Error worded like Go's `*url.Error` on any transport failure. */
export async function httpRequest(c: HttpCall): Promise<HttpReply> {
  try {
    new URL(c.url);
  } catch {
    throw new Error(`parse ${JSON.stringify(c.url)}: invalid URL`);
  }
  const timeout = AbortSignal.timeout(Math.max(1, c.timeoutMs));
  const signal = AbortSignal.any([c.signal, timeout]);
  try {
    const res = await request(c.url, {
      method: c.method, signal, dispatcher: c.insecure === true ? insecure : secure,
      ...(c.headers !== undefined ? { headers: { ...c.headers } } : {}), ...(c.body !== undefined ? { body: c.body } : {}),
    });
    return { status: res.statusCode, body: await readBounded(res.body) };
  } catch (e) {
    throw new Error(`${op(c.method, c.url)}: ${reason(e, timeout.aborted, c.signal.aborted)}`, { cause: e });
  }
}
