// Who may talk to the dashboard: requests must name the dashboard by a loopback or configured host (so a web
// page on another origin cannot reach it through DNS rebinding), and actions carry the bearer token.
import { timingSafeEqual } from 'node:crypto';

/** True when the Host header names this server: `localhost`, a loopback address or `allowedHost`, any port. */
export function isAllowedHost(hostHeader: string | undefined, allowedHost: string): boolean {
  if (hostHeader === undefined || hostHeader === '') return false;
  const host = hostHeader.startsWith('[') ? hostHeader.slice(1, hostHeader.indexOf(']')) : hostHeader.replace(/:\d+$/, '');
  return host === 'localhost' || host === allowedHost || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) || host === '::1';
}

/** True when `authorization` is `Bearer <token>` with exactly this token (compared in constant time). */
export function hasToken(authorization: string | undefined, token: string): boolean {
  const m = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  if (m?.[1] === undefined) return false;
  const given = Buffer.from(m[1]);
  const want = Buffer.from(token);
  return given.length === want.length && timingSafeEqual(given, want);
}
