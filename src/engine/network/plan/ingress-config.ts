// The ingress-nginx ConfigMap keys the Sluice ingress honours, with ingress-nginx's defaults. Other keys are
// ignored (timeouts and keep-alive are fixed: see forwarder.ts). Values are parsed as ingress-nginx parses them (Go booleans, integers, nginx sizes); a malformed
// value keeps the default.

/** Ingress settings from the controller ConfigMap. */
export interface IngressConfig {
  /** `allow-backend-server-header`: pass the backend's `Server` header instead of removing it. */
  readonly allowBackendServerHeader: boolean;
  /** `use-forwarded-headers`: trust incoming X-Forwarded-For/-Host/-Port/-Proto (we sit behind another proxy). */
  readonly useForwardedHeaders: boolean;
  /** `compute-full-forwarded-for`: append the peer to the incoming X-Forwarded-For (with use-forwarded-headers). */
  readonly computeFullForwardedFor: boolean;
  /** `generate-request-id`: make up an X-Request-ID when the client sent none. */
  readonly generateRequestId: boolean;
  /** `proxy-body-size` in bytes; 0 = unlimited. Larger request bodies get 413. */
  readonly proxyBodySizeBytes: number;
  /** `proxy-next-upstream-tries`: attempts per request, first one included (0 = unlimited, capped here at 10). */
  readonly nextUpstreamTries: number;
  /** `retry-non-idempotent`: also retry POST/PATCH/LOCK after they may have reached a backend. */
  readonly retryNonIdempotent: boolean;
}

/** ingress-nginx's defaults. */
export const DEFAULT_INGRESS_CONFIG: IngressConfig = Object.freeze({
  allowBackendServerHeader: false, useForwardedHeaders: false, computeFullForwardedFor: false, generateRequestId: true,
  proxyBodySizeBytes: 1024 * 1024, nextUpstreamTries: 3, retryNonIdempotent: false,
});

const TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

function bool(v: string | undefined, d: boolean): boolean {
  if (v === undefined) return d;
  return TRUE.has(v) ? true : FALSE.has(v) ? false : d;
}

function int(v: string | undefined, d: number): number {
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : d;
}

/** nginx size syntax: `1m` → 1048576, `8k` → 8192, `512` → 512, `0` → 0 (unlimited); undefined when malformed. */
export function parseNginxSize(v: string): number | undefined {
  const m = /^(\d+)([kKmMgG]?)$/.exec(v.trim());
  if (m === null) return undefined;
  const unit = (m[2] ?? '').toLowerCase();
  const scale = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  return Number(m[1]) * scale;
}

/** The config from a ConfigMap's `data` (undefined → all defaults). */
export function parseIngressConfig(data: Readonly<Record<string, string>> | undefined): IngressConfig {
  const d = DEFAULT_INGRESS_CONFIG;
  if (data === undefined) return d;
  const tries = int(data['proxy-next-upstream-tries'], d.nextUpstreamTries);
  return {
    allowBackendServerHeader: bool(data['allow-backend-server-header'], d.allowBackendServerHeader),
    useForwardedHeaders: bool(data['use-forwarded-headers'], d.useForwardedHeaders),
    computeFullForwardedFor: bool(data['compute-full-forwarded-for'], d.computeFullForwardedFor),
    generateRequestId: bool(data['generate-request-id'], d.generateRequestId),
    proxyBodySizeBytes: parseNginxSize(data['proxy-body-size'] ?? '') ?? d.proxyBodySizeBytes,
    nextUpstreamTries: tries === 0 ? 10 : Math.min(tries, 10),
    retryNonIdempotent: bool(data['retry-non-idempotent'], d.retryNonIdempotent),
  };
}
