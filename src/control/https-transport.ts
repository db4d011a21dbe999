// Transport to a real API server, configured from a kubeconfig by @kubernetes/client-node's KubeConfig:
// CA, client certificates, bearer tokens and exec/auth-provider plugins come from `applyToHTTPSOptions`,
// asked afresh for every request so rotated tokens are picked up. Connections are kept alive.
import http from 'node:http';
import https from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';
import type { Transport, TransportRequest, TransportResponse } from './transport.js';

export interface HttpsTransportOptions {
  /** Time allowed until response headers arrive (default 30 000 ms); the body of a watch may take forever. */
  headersTimeoutMs?: number;
}

type TlsMaterial = Pick<https.AgentOptions, 'ca' | 'cert' | 'key' | 'pfx' | 'passphrase' | 'rejectUnauthorized' | 'servername'>;

/** HTTP(S) transport for one kubeconfig context. */
export class HttpsTransport implements Transport {
  private readonly server: URL;
  private agent: http.Agent | undefined;
  private agentTls = '';

  constructor(private readonly kubeConfig: KubeConfig, private readonly opts: HttpsTransportOptions = {}) {
    const cluster = kubeConfig.getCurrentCluster();
    if (cluster === null) throw new TypeError(`Cannot connect: kubeconfig context "${kubeConfig.getCurrentContext()}" has no cluster`);
    this.server = new URL(cluster.server);
    if (this.server.protocol !== 'https:' && this.server.protocol !== 'http:') {
      throw new TypeError(`Cannot connect to "${cluster.server}": the server URL must start with https:// or http://`);
    }
  }

  /** The API server's base URL. */
  get serverUrl(): string { return this.server.toString(); }

  async request(req: TransportRequest): Promise<TransportResponse> {
    const options: https.RequestOptions = { method: req.method, headers: {} };
    await this.kubeConfig.applyToHTTPSOptions(options);
    const headers = { ...flattenHeaders(options.headers), ...req.headers };
    if (req.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(req.body));
    const base = this.server.pathname.replace(/\/+$/, '');
    const requestOptions: https.RequestOptions = {
      protocol: this.server.protocol, hostname: this.server.hostname.replace(/^\[|\]$/g, ''), port: this.server.port,
      path: base + req.path, method: req.method, headers, agent: this.agentFor(options),
    };
    if (options.auth !== undefined && options.auth !== null) requestOptions.auth = options.auth;
    if (req.signal !== undefined) requestOptions.signal = req.signal;
    return this.send(requestOptions, req.body);
  }

  /** Closes idle kept-alive connections. */
  close(): void {
    this.agent?.destroy();
    this.agent = undefined;
  }

  private send(options: https.RequestOptions, body: string | undefined): Promise<TransportResponse> {
    const lib = this.server.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      const req = lib.request(options, (res) => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, headers: flattenHeaders(res.headers), body: chunksOf(res) });
      });
      const timeoutMs = this.opts.headersTimeoutMs ?? 30_000;
      const timer = setTimeout(() => req.destroy(new Error(`no response from ${this.server.host} within ${timeoutMs} ms`)), timeoutMs);
      req.on('error', (e) => { clearTimeout(timer); reject(e); });
      req.end(body);
    });
  }

  /** A keep-alive agent for the TLS material; rebuilt when it changes (an exec plugin rotating certificates). */
  private agentFor(options: https.RequestOptions): http.Agent {
    const tls: TlsMaterial = {};
    if (options.ca !== undefined) tls.ca = options.ca;
    if (options.cert !== undefined) tls.cert = options.cert;
    if (options.key !== undefined) tls.key = options.key;
    if (options.pfx !== undefined) tls.pfx = options.pfx;
    if (options.passphrase !== undefined) tls.passphrase = options.passphrase;
    if (options.rejectUnauthorized !== undefined) tls.rejectUnauthorized = options.rejectUnauthorized;
    if (options.servername !== undefined) tls.servername = options.servername;
    const fingerprint = JSON.stringify(tls);
    if (this.agent !== undefined && fingerprint === this.agentTls) return this.agent;
    this.agent?.destroy();
    this.agentTls = fingerprint;
    this.agent = this.server.protocol === 'https:' ? new https.Agent({ keepAlive: true, ...tls }) : new http.Agent({ keepAlive: true });
    return this.agent;
  }
}

function flattenHeaders(h: http.OutgoingHttpHeaders | http.IncomingHttpHeaders | readonly string[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (h === undefined || isStringArray(h)) return out;
  for (const [k, v] of Object.entries(h)) {
    if (v === undefined) continue;
    out[k] = Array.isArray(v) ? v.join(', ') : String(v);
  }
  return out;
}

function isStringArray(h: unknown): h is readonly string[] {
  return Array.isArray(h);
}

async function* chunksOf(res: http.IncomingMessage): AsyncGenerator<Uint8Array> {
  for await (const chunk of res) {
    if (chunk instanceof Uint8Array) yield chunk;
    else if (typeof chunk === 'string') yield Buffer.from(chunk);
  }
}
