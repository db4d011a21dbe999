// Request → route, as nginx picks a server and a location: exact host, then the longest `*.suffix` wildcard,
// then the catch-all server; inside it an Exact path, then the longest Prefix (whole path elements: `/foo`
// matches `/foo` and `/foo/bar`, not `/foobar`), then the Ingress defaultBackend.
import type { HostRoutes, Route, RouteTable } from './route-types.js';

const SLASH = 47;

/** The server name of a `Host` header: lower case, without port or trailing dot (`Demo.Info:8080` → `demo.info`). */
export function requestHost(header: string | undefined): string {
  if (header === undefined || header === '') return '';
  let h = header;
  if (h.charCodeAt(0) === 91) {
    const close = h.indexOf(']');
    h = close < 0 ? h : h.slice(0, close + 1);
  } else {
    const colon = h.indexOf(':');
    if (colon >= 0) h = h.slice(0, colon);
  }
  if (h.endsWith('.')) h = h.slice(0, -1);
  return h.toLowerCase();
}

/**
 * The path nginx matches locations against: no query, `%XX` decoded, `//` merged, `.`/`..` resolved
 * (`/a/./b//../c?x=1` → `/a/c`). Plain paths are returned as they are.
 */
export function requestPath(url: string | undefined): string {
  if (url === undefined || url === '') return '/';
  const q = url.indexOf('?');
  let p = q < 0 ? url : url.slice(0, q);
  if (p.charCodeAt(0) !== SLASH) {
    // absolute-form request target (`http://host/path`)
    const scheme = p.indexOf('://');
    const slash = scheme < 0 ? -1 : p.indexOf('/', scheme + 3);
    p = slash < 0 ? '/' : p.slice(slash);
  }
  if (!/%|\/\/|\/\./.test(p)) return p;
  try {
    p = decodeURIComponent(p);
  } catch {
    // malformed escapes stay as they are, like nginx leaves an invalid %-sequence
  }
  return resolveDotSegments(p.replace(/\/{2,}/g, '/'));
}

/** RFC 3986 dot-segment removal on an absolute path: `/a/./b/../c` → `/a/c`, `/..` → `/`, `/a/..` → `/`. */
export function resolveDotSegments(path: string): string {
  const segments = path.split('/');
  const out: string[] = [''];
  for (let i = 1; i < segments.length; i++) {
    const seg = segments[i] ?? '';
    const last = i === segments.length - 1;
    if (seg === '..') {
      if (out.length > 1) out.pop();
      if (last) out.push('');
    } else if (seg === '.') {
      if (last) out.push('');
    } else {
      out.push(seg);
    }
  }
  return out.length === 1 ? '/' : out.join('/');
}

function serverFor(table: RouteTable, host: string): HostRoutes {
  const exact = table.hosts.get(host);
  if (exact !== undefined) return exact;
  for (const w of table.wildcards) if (host.endsWith(w.suffix)) return w.routes;
  return table.catchAll;
}

/** The location serving `path` within one server. */
export function matchPath(server: HostRoutes, path: string): Route | undefined {
  const exact = server.exact.get(path);
  if (exact !== undefined) return exact;
  for (const { prefix, route } of server.prefixes) {
    if (prefix === '' || path === prefix) return route;
    if (path.length > prefix.length && path.charCodeAt(prefix.length) === SLASH && path.startsWith(prefix)) return route;
  }
  return server.fallback;
}

/** The route for a request, or undefined (ingress-nginx's default backend answers 404). */
export function matchRoute(table: RouteTable, host: string, path: string): Route | undefined {
  return matchPath(serverFor(table, host), path);
}

/** True when some Ingress names `host` (ingress-nginx counts metrics only for such hosts). */
export function isKnownHost(table: RouteTable, host: string): boolean {
  return table.hosts.has(host) || table.wildcards.some((w) => host.endsWith(w.suffix));
}
