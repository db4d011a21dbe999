// The ingress listener: one HTTP/1.1 listener on the ingress port for every Ingress host and path.
import { DEFAULT_LIMITS, listenHttp, type HttpListener } from './http1/http-listener.js';
import { handleIngressRequest, type IngressDeps } from './ingress-request.js';

/** Listens on `host:port` (0 = any free port). Request bodies are limited by `proxy-body-size`. */
export function startIngressServer(deps: IngressDeps, host: string, port: number): Promise<HttpListener> {
  const limits = { ...DEFAULT_LIMITS, bodyLimitBytes: () => deps.tables.config.proxyBodySizeBytes };
  return listenHttp(host, port, (req, res) => handleIngressRequest(deps, req, res), limits);
}
