// Parses the head of an HTTP/1.x response (status line and header fields, RFC 9112) and decides how its body
// is delimited (RFC 9112 §6.3) and whether the connection can carry another request afterwards.
import { isToken } from './token.js';

/** How the body of a response ends. */
export type BodyFraming =
  | { readonly kind: 'none' }
  | { readonly kind: 'length'; readonly bytes: number }
  | { readonly kind: 'chunked' }
  | { readonly kind: 'close' };

/** A parsed response head. */
export interface ResponseHead {
  readonly status: number;
  readonly statusText: string;
  /** `[name, value, name, value, …]` as received (names keep their case). */
  readonly headers: string[];
  readonly framing: BodyFraming;
  /** False when the connection must be closed after this response. */
  readonly keepAlive: boolean;
}

const STATUS_LINE = /^HTTP\/1\.([01]) (\d{3})(?: (.*))?$/;

/** `HTTP/1.1 200 OK` → [minor version, status, reason]; the common shape without a regular expression. */
function parseStatusLine(line: string): [minor: string, status: number, reason: string] | undefined {
  const c = line.charCodeAt(12);
  if (line.startsWith('HTTP/1.') && line.charCodeAt(8) === 32 && (line.length === 12 || c === 32)) {
    const status = Number(line.slice(9, 12));
    const minor = line.charAt(7);
    if (Number.isInteger(status) && status >= 100 && (minor === '0' || minor === '1')) return [minor, status, line.slice(13)];
  }
  const m = STATUS_LINE.exec(line);
  return m === null ? undefined : [m[1] ?? '1', Number(m[2]), m[3] ?? ''];
}
const NONE: BodyFraming = Object.freeze({ kind: 'none' });
const CHUNKED: BodyFraming = Object.freeze({ kind: 'chunked' });
const CLOSE: BodyFraming = Object.freeze({ kind: 'close' });

function hasToken(list: string, token: string): boolean {
  if (!list.includes(',')) return list.trim().toLowerCase() === token;
  return list.toLowerCase().split(',').some((t) => t.trim() === token);
}

function framingOf(status: number, headRequest: boolean, te: string | undefined, cl: string | undefined): BodyFraming | string {
  if (headRequest || status < 200 || status === 204 || status === 304) return NONE;
  if (te !== undefined) {
    const codings = te.toLowerCase().split(',').map((t) => t.trim());
    return codings[codings.length - 1] === 'chunked' ? CHUNKED : CLOSE;
  }
  if (cl === undefined) return CLOSE;
  // Repeated values ("5, 5") are allowed when they agree.
  const values = cl.includes(',') ? [...new Set(cl.split(',').map((v) => v.trim()))] : [cl];
  const v = values[0] ?? '';
  if (values.length !== 1 || !/^\d{1,15}$/.test(v)) return `invalid Content-Length "${cl}"`;
  const bytes = Number(v);
  return bytes === 0 ? NONE : { kind: 'length', bytes };
}

/**
 * Parses `text` (the head without its final empty line). Example: `HTTP/1.1 200 OK\r\nContent-Length: 6` → status
 * 200, framing length 6, keep-alive; `HTTP/1.0 200 OK` without `Connection: keep-alive` → close-delimited, no reuse.
 * Returns an error message for a head that is not HTTP/1.x.
 */
export function parseResponseHead(text: string, headRequest: boolean): ResponseHead | string {
  const lines = text.split('\r\n');
  const m = parseStatusLine(lines[0] ?? '');
  if (m === undefined) return `invalid status line "${(lines[0] ?? '').slice(0, 60)}"`;
  const http10 = m[0] === '0';
  const status = m[1];
  const headers: string[] = [];
  let te: string | undefined;
  let cl: string | undefined;
  let connection = '';
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon) : '';
    if (!isToken(name)) return `invalid header line "${line.slice(0, 60)}"`;
    const value = line.slice(colon + 1).trim();
    headers.push(name, value);
    // Only three names matter here; compare lengths before lower-casing.
    const n = name.length;
    const lower = n === 17 || n === 14 || n === 10 ? name.toLowerCase() : '';
    if (lower === 'transfer-encoding') te = te === undefined ? value : `${te}, ${value}`;
    else if (lower === 'content-length') cl = cl === undefined ? value : `${cl}, ${value}`;
    else if (lower === 'connection') connection = connection === '' ? value : `${connection}, ${value}`;
  }
  const framing = framingOf(status, headRequest, te, cl);
  if (typeof framing === 'string') return framing;
  const keepAlive = framing.kind !== 'close' && (http10 ? hasToken(connection, 'keep-alive') : connection === '' || !hasToken(connection, 'close'));
  return { status, statusText: m[2], headers, framing, keepAlive };
}
