// Writes the kubeconfig `sluice up` hands to kubectl: one cluster, user and context named `sluice`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { stringify } from 'yaml';

export interface KubeconfigInput {
  server: string;
  caCertPem: string;
  token: string;
  name?: string;
  namespace?: string;
}

/** The kubeconfig document as an object. */
export function kubeconfigDocument(k: KubeconfigInput): Record<string, unknown> {
  const name = k.name ?? 'sluice';
  return {
    apiVersion: 'v1', kind: 'Config', preferences: {},
    clusters: [{ name, cluster: { server: k.server, 'certificate-authority-data': Buffer.from(k.caCertPem).toString('base64') } }],
    users: [{ name, user: { token: k.token } }],
    contexts: [{ name, context: { cluster: name, user: name, namespace: k.namespace ?? 'default' } }],
    'current-context': name,
  };
}

/** Writes the kubeconfig file (mode 0600) and returns its path. */
export function writeKubeconfig(path: string, k: KubeconfigInput): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, stringify(kubeconfigDocument(k)), { mode: 0o600 });
  return path;
}
