// Request heads on both sides of the proxy: parsing what a client sent (RFC 9112, strictly: anything ambiguous
// about where the body ends is refused, as nginx refuses it) and serialising what goes upstream.
import { isToken } from './token.js';

/** How a request body is delimited. */
export type RequestBody = { readonly kind: 'none' } | { readonly kind: 'length'; readonly bytes: number } | { readonly kind: 'chunked' };

/** A parsed request head. */
export interface RequestHead {
  readonly method: string;
  readonly target: string;
  readonly http10: boolean;
  /** `[name, value, …]` as received (names keep their case, values trimmed). */
  readonly headers: string[];
  readonly body: RequestBody;
  /** The client allows another request on this connection after the response. */
  readonly keepAlive: boolean;
  readonly expectContinue: boolean;
}

/** A refused head: the status to answer with (the connection is then closed). */
export interface HeadError {
  readonly status: 400 | 501 | 505;
  readonly message: string;
}

const REQUEST_LINE = /^([!#$%&'*+\-.^_`|~0-9A-Za-z]+) (\S+) HTTP\/1\.([01])$/;
const NO_BODY: RequestBody = Object.freeze({ kind: 'none' });
const CHUNKED: RequestBody = Object.freeze({ kind: 'chunked' });

/** True when `v` holds a control character other than HTAB (`allowTab` false: HTAB too). */
function hasControl(v: string, allowTab: boolean): boolean {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if ((c < 32 && !(allowTab && c === 9)) || c === 127) return true;
  }
  return false;
}

function tokens(v: string): string[] {
  return v.toLowerCase().split(',').map((t) => t.trim()).filter((t) => t !== '');
}

function bodyOf(te: string[], cl: string[], http10: boolean): RequestBody | HeadError {
  if (te.length > 0) {
    if (http10) return { status: 400, message: 'Transfer-Encoding in an HTTP/1.0 request' };
    if (cl.length > 0) return { status: 400, message: 'both Content-Length and Transfer-Encoding' };
    const codings = te.flatMap(tokens);
    return codings.length === 1 && codings[0] === 'chunked' ? CHUNKED : { status: 501, message: `unsupported Transfer-Encoding "${te.join(', ')}"` };
  }
  if (cl.length === 0) return NO_BODY;
  if (cl.length > 1 || !/^\d{1,15}$/.test(cl[0] ?? '')) return { status: 400, message: `invalid Content-Length "${cl.join(', ')}"` };
  const bytes = Number(cl[0]);
  return bytes === 0 ? NO_BODY : { kind: 'length', bytes };
}

/**
 * Parses a request head (without its final empty line). Example: `GET /color HTTP/1.1\r\nHost: demo.info` → no
 * body, keep-alive. Refused: obs-fold lines, bad names or values, Content-Length together with
 * Transfer-Encoding, several Content-Length or Host fields, a missing Host in HTTP/1.1, codings other than chunked.
 */
export function parseRequestHead(text: string): RequestHead | HeadError {
  const lines = text.split('\r\n');
  const m = REQUEST_LINE.exec(lines[0] ?? '');
  if (m === null) return /^\S+ \S+ HTTP\/\d/.test(lines[0] ?? '') ? { status: 505, message: 'HTTP version not supported' } : { status: 400, message: 'invalid request line' };
  if (hasControl(m[2] ?? '', false)) return { status: 400, message: 'invalid request target' };
  const http10 = m[3] === '0';
  const headers: string[] = [];
  const te: string[] = [];
  const cl: string[] = [];
  let hosts = 0;
  let connection = '';
  let expect = '';
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon) : '';
    if (!isToken(name)) return { status: 400, message: `invalid header line "${line.slice(0, 40)}"` };
    const value = line.slice(colon + 1).trim();
    if (hasControl(value, true)) return { status: 400, message: `invalid value of header "${name}"` };
    headers.push(name, value);
    const n = name.length;
    switch (n === 17 || n === 14 || n === 4 || n === 10 || n === 6 ? name.toLowerCase() : '') {
      case 'transfer-encoding': te.push(value); break;
      case 'content-length': cl.push(value); break;
      case 'host': hosts++; break;
      case 'connection': connection += `,${value}`; break;
      case 'expect': expect = value.toLowerCase(); break;
    }
  }
  if (hosts > 1 || (hosts === 0 && !http10)) return { status: 400, message: hosts > 1 ? 'several Host headers' : 'missing Host header' };
  const body = bodyOf(te, cl, http10);
  if ('status' in body) return body;
  const conn = tokens(connection);
  const keepAlive = http10 ? conn.includes('keep-alive') : !conn.includes('close');
  return { method: m[1] ?? '', target: m[2] ?? '', http10, headers, body, keepAlive, expectContinue: expect === '100-continue' && body.kind !== 'none' };
}

/** The first value of a header (name in lower case), or undefined. */
export function headerValue(headers: readonly string[], lowerName: string): string | undefined {
  for (let i = 0; i + 1 < headers.length; i += 2) {
    const name = headers[i] ?? '';
    if (name.length === lowerName.length && name.toLowerCase() === lowerName) return headers[i + 1];
  }
  return undefined;
}

/** `GET /color HTTP/1.1\r\nhost: demo.info\r\n…\r\n\r\n`; a missing Host header becomes `host: <target>`. */
export function formatRequestHead(method: string, path: string, headers: readonly string[], target: string): string {
  let head = `${method} ${path} HTTP/1.1\r\n`;
  let hasHost = false;
  for (let i = 0; i + 1 < headers.length; i += 2) {
    const name = headers[i] ?? '';
    if (!hasHost && name.length === 4 && name.toLowerCase() === 'host') hasHost = true;
    head += `${name}: ${headers[i + 1] ?? ''}\r\n`;
  }
  if (!hasHost) head += `host: ${target}\r\n`;
  return head + '\r\n';
}
