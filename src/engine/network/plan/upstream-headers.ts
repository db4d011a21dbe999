// The headers a request carries upstream, and which response headers come back, as ingress-nginx sets them:
// hop-by-hop headers never cross; the ingress sets Host, X-Request-ID, X-Real-IP and the X-Forwarded-* family
// itself (trusting the client's X-Forwarded-* only with `use-forwarded-headers`); a service proxy is
// transparent apart from hop-by-hop headers.
import type { IngressConfig } from './ingress-config.js';

/** What the ingress knows about the client side of one request. */
export interface ClientView {
  /** Headers as received, `[name, value, name, value, …]`. */
  readonly rawHeaders: readonly string[];
  /** Lower-cased single values of the headers the ingress reads (Node's `req.headers`). */
  readonly host: string | undefined;
  readonly xForwardedFor: string | undefined;
  readonly xForwardedHost: string | undefined;
  readonly xForwardedPort: string | undefined;
  readonly xForwardedProto: string | undefined;
  readonly xRequestId: string | undefined;
  /** The peer address of the client socket. */
  readonly remoteAddress: string;
  /** The port the ingress accepted the request on. */
  readonly serverPort: number;
  readonly scheme: 'http' | 'https';
}

const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade'];
// `Expect: 100-continue` was answered by the listener already; the body is buffered before forwarding.
const SERVICE_DROP = new Set([...HOP_BY_HOP, 'content-length', 'expect']);
const INGRESS_DROP = new Set([...SERVICE_DROP, 'proxy', 'host', 'x-request-id', 'x-real-ip', 'x-forwarded-for', 'x-forwarded-host',
  'x-forwarded-port', 'x-forwarded-proto', 'x-forwarded-scheme', 'x-scheme', 'x-original-forwarded-for', 'x-original-forwarded-host']);
const RESPONSE_DROP = new Set(HOP_BY_HOP);

/** `::ffff:127.0.0.1` → `127.0.0.1` (nginx shows IPv4 peers as IPv4). */
export function plainAddress(address: string): string {
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}

function firstListItem(v: string): string {
  const comma = v.indexOf(',');
  return (comma < 0 ? v : v.slice(0, comma)).trim();
}

function copyExcept(raw: readonly string[], drop: ReadonlySet<string>, out: string[]): void {
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] ?? '';
    if (!drop.has(name.toLowerCase())) out.push(name, raw[i + 1] ?? '');
  }
}

/** Headers for a service proxy: the client's, minus hop-by-hop ones, with the buffered body's length. */
export function computeServiceUpstreamHeaders(raw: readonly string[], bodyLength: number | undefined): string[] {
  const out: string[] = [];
  copyExcept(raw, SERVICE_DROP, out);
  if (bodyLength !== undefined) out.push('content-length', String(bodyLength));
  return out;
}

/**
 * Headers for an ingress upstream request, and the X-Request-ID used. Without use-forwarded-headers a client
 * at 10.0.0.9 asking for `demo.info:8080` on port 8080 yields X-Real-IP and X-Forwarded-For `10.0.0.9`,
 * X-Forwarded-Host `demo.info:8080`, X-Forwarded-Port `8080`, X-Forwarded-Proto `http`; with it, a client
 * header `X-Forwarded-For: 1.2.3.4, 10.0.0.1` makes the real IP `1.2.3.4` (every proxy is trusted, as with
 * ingress-nginx's default proxy-real-ip-cidr 0.0.0.0/0).
 */
export function computeIngressUpstreamHeaders(c: ClientView, cfg: IngressConfig, newRequestId: () => string,
  bodyLength: number | undefined): { headers: string[]; requestId: string } {
  const peer = plainAddress(c.remoteAddress);
  const trusted = cfg.useForwardedHeaders;
  const xff = c.xForwardedFor !== undefined && c.xForwardedFor !== '' ? c.xForwardedFor : undefined;
  const realIp = trusted && xff !== undefined ? firstListItem(xff) : peer;
  const forwardedFor = trusted && cfg.computeFullForwardedFor ? (xff === undefined ? peer : `${xff}, ${peer}`) : realIp;
  const host = trusted && c.xForwardedHost !== undefined && c.xForwardedHost !== '' ? firstListItem(c.xForwardedHost) : (c.host ?? '');
  const port = trusted && c.xForwardedPort !== undefined && c.xForwardedPort !== '' ? c.xForwardedPort : String(c.serverPort);
  const proto = trusted && c.xForwardedProto !== undefined && c.xForwardedProto !== '' ? c.xForwardedProto : c.scheme;
  const requestId = c.xRequestId !== undefined && c.xRequestId !== '' ? c.xRequestId : cfg.generateRequestId ? newRequestId() : '';
  const out: string[] = host === '' ? [] : ['host', host];
  copyExcept(c.rawHeaders, INGRESS_DROP, out);
  if (requestId !== '') out.push('x-request-id', requestId);
  out.push('x-real-ip', realIp, 'x-forwarded-for', forwardedFor);
  if (host !== '') out.push('x-forwarded-host', host);
  out.push('x-forwarded-port', port, 'x-forwarded-proto', proto, 'x-forwarded-scheme', proto, 'x-scheme', proto);
  if (xff !== undefined) out.push('x-original-forwarded-for', xff);
  if (bodyLength !== undefined) out.push('content-length', String(bodyLength));
  return { headers: out, requestId };
}

// Lengths of the response header names that may be dropped: te, server, trailer/upgrade, connection/keep-alive,
// proxy-connection, transfer-encoding. Other names are kept without lower-casing them.
const DROP_LENGTHS = new Set([2, 6, 7, 10, 16, 17]);

/** True when a response header is passed to the client (`name` in any case). */
export function isForwardedResponseHeader(name: string, allowBackendServerHeader: boolean): boolean {
  if (!DROP_LENGTHS.has(name.length)) return true;
  const lower = name.toLowerCase();
  if (RESPONSE_DROP.has(lower)) return false;
  return allowBackendServerHeader || lower !== 'server';
}
