// The ingress's HTTPS listener: TLS terminated here, then the same request path as plain HTTP. The
// certificate is chosen by SNI from the `kubernetes.io/tls` Secret the Ingresses name for that host (read from
// the Secret informer, re-read when the Secret changes); without SNI, or for a host without a usable Secret,
// the default certificate answers (ingress-nginx's "fake certificate"). Served by the main process only.
import tls from 'node:tls';
import type { Secret } from '../../api/core-v1.js';
import { objectKey } from '../../api/object-key.js';
import type { Informer } from '../../control/informer.js';
import type { Logger } from '../../lib/log.js';
import { DEFAULT_LIMITS, listenRaw, serveHttp, type HttpListener } from './http1/http-listener.js';
import { handleIngressRequest, type IngressDeps } from './ingress-request.js';
import { certFor, type SecretRef, type TlsPlan } from './plan/ingress-tls.js';

/** PEM certificate chain and key. */
export interface CertificatePem {
  readonly certPem: string;
  readonly keyPem: string;
}

export interface IngressTlsOptions {
  readonly host: string;
  readonly port: number;
  readonly defaultCertificate: CertificatePem;
  readonly secrets: Informer<Secret>;
  readonly plan: () => TlsPlan;
  readonly log: Logger;
}

/** Secure contexts by Secret and resourceVersion, so a rotated certificate is picked up on its next handshake. */
class ContextCache {
  private readonly contexts = new Map<string, tls.SecureContext | undefined>();
  private readonly warned = new Set<string>();

  constructor(private readonly secrets: Informer<Secret>, private readonly log: Logger) {}

  get(ref: SecretRef): tls.SecureContext | undefined {
    const secret = this.secrets.get(objectKey(ref.namespace, ref.name));
    if (secret === undefined) { this.warnOnce(`${ref.namespace}/${ref.name}`, 'TLS secret not found'); return undefined; }
    const key = `${ref.namespace}/${ref.name}@${secret.metadata.resourceVersion ?? ''}`;
    if (this.contexts.has(key)) return this.contexts.get(key);
    let context: tls.SecureContext | undefined;
    try {
      const cert = Buffer.from(secret.data?.['tls.crt'] ?? '', 'base64').toString('utf8');
      const privateKey = Buffer.from(secret.data?.['tls.key'] ?? '', 'base64').toString('utf8');
      context = tls.createSecureContext({ cert, key: privateKey });
    } catch (e) {
      this.warnOnce(key, `TLS secret unusable: ${e instanceof Error ? e.message : String(e)}`);
    }
    for (const k of this.contexts.keys()) if (k.startsWith(`${ref.namespace}/${ref.name}@`)) this.contexts.delete(k);
    this.contexts.set(key, context);
    return context;
  }

  private warnOnce(key: string, message: string): void {
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.log.warn(`${message}; serving the default certificate`, { secret: key });
  }
}

/** Listens on `host:port` (0 = any free port) with TLS and serves the ingress there. */
export async function startIngressTlsListener(deps: IngressDeps, o: IngressTlsOptions): Promise<HttpListener> {
  const cache = new ContextCache(o.secrets, o.log);
  const server = tls.createServer({
    cert: o.defaultCertificate.certPem, key: o.defaultCertificate.keyPem,
    SNICallback: (servername, done) => {
      const ref = certFor(o.plan(), servername.toLowerCase());
      done(null, ref === undefined ? undefined : cache.get(ref));
    },
  });
  server.on('tlsClientError', () => undefined);
  const limits = { ...DEFAULT_LIMITS, bodyLimitBytes: () => deps.tables.config.proxyBodySizeBytes };
  await listenRaw(o.host, o.port, server);
  return serveHttp(server, (req, res) => handleIngressRequest(deps, req, res), limits, 'secureConnection');
}
