// Builds a RestClient for a real cluster from a kubeconfig (file, $KUBECONFIG, ~/.kube/config or the
// in-cluster service account), optionally for a named context.
import { KubeConfig } from '@kubernetes/client-node';
import { HttpsTransport, type HttpsTransportOptions } from './https-transport.js';
import { RestClient, type RestClientOptions } from './rest-client.js';

export interface KubeconfigClientOptions extends HttpsTransportOptions, RestClientOptions {
  /** Kubeconfig file; default: $KUBECONFIG, ~/.kube/config, then in-cluster config. */
  path?: string;
  /** Kubeconfig YAML text (instead of a file). */
  yaml?: string;
  /** Context to use instead of current-context. */
  context?: string;
}

/** A client for one kubeconfig context, with what callers need to know about that context. */
export interface KubeconfigClient {
  readonly client: RestClient;
  readonly transport: HttpsTransport;
  /** The context's namespace, or `default`. */
  readonly namespace: string;
  readonly context: string;
  readonly server: string;
  /** Closes idle connections. */
  close(): void;
}

/** Loads a kubeconfig and returns a client for the chosen context. */
export function clientFromKubeconfig(opts: KubeconfigClientOptions = {}): KubeconfigClient {
  const kc = loadKubeConfig(opts);
  const transport = new HttpsTransport(kc, opts);
  const contextName = kc.getCurrentContext();
  const namespace = kc.getContextObject(contextName)?.namespace ?? 'default';
  return {
    client: new RestClient(transport, opts), transport, namespace, context: contextName,
    server: transport.serverUrl, close: () => transport.close(),
  };
}

/** Loads the kubeconfig described by `opts` and selects the context. */
export function loadKubeConfig(opts: Pick<KubeconfigClientOptions, 'path' | 'yaml' | 'context'>): KubeConfig {
  const kc = new KubeConfig();
  if (opts.yaml !== undefined) kc.loadFromString(opts.yaml);
  else if (opts.path !== undefined) kc.loadFromFile(opts.path);
  else kc.loadFromDefault();
  if (opts.context !== undefined) {
    if (kc.getContextObject(opts.context) === null) {
      const known = kc.getContexts().map((c) => c.name).join(', ');
      throw new TypeError(`Cannot use context "${opts.context}": not found in kubeconfig (contexts: ${known || 'none'})`);
    }
    kc.setCurrentContext(opts.context);
  }
  return withPlainHttpAllowed(kc);
}

/**
 * client-node refuses `http://` servers unless insecure-skip-tls-verify is set, although TLS settings mean
 * nothing there (the embedded server on loopback may speak plain HTTP). Mark such clusters accordingly.
 */
function withPlainHttpAllowed(kc: KubeConfig): KubeConfig {
  const cluster = kc.getCurrentCluster();
  if (cluster === null || !cluster.server.startsWith('http:') || cluster.skipTLSVerify) return kc;
  const copy = new KubeConfig();
  copy.loadFromOptions({
    clusters: kc.getClusters().map((c) => (c.name === cluster.name ? { ...c, skipTLSVerify: true } : c)),
    users: kc.getUsers(), contexts: kc.getContexts(), currentContext: kc.getCurrentContext(),
  });
  return copy;
}
