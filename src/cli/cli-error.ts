// Every failure the CLI reports becomes ONE readable line (`error: …` on stderr, exit 1); never a stack trace for
// something the user can fix. `describeError` is the one place unknown errors become such lines.
import { isApiError } from '../api/api-error.js';

/** A user-facing failure whose message is printed as is. */
export class CliError extends Error {
  override readonly name = 'CliError';
}

/** What the error line may mention: the namespace asked about and the API server / kubeconfig in use. */
export interface ErrorScope {
  namespace?: string;
  server?: string;
  kubeconfig?: string;
}

const SINGULAR: Readonly<Record<string, string>> = {
  rollouts: 'rollout', analysisruns: 'analysisrun', analysistemplates: 'analysistemplate', experiments: 'experiment',
  clusteranalysistemplates: 'clusteranalysistemplate', replicasets: 'replicaset', deployments: 'deployment', podtemplates: 'podtemplate',
  services: 'service', pods: 'pod', namespaces: 'namespace',
};
const CLUSTER_SCOPED = new Set(['clusteranalysistemplates', 'namespaces', 'customresourcedefinitions']);
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'ECONNRESET', 'EAI_AGAIN', 'EPIPE']);

function codeOf(e: unknown): string {
  const code: unknown = typeof e === 'object' && e !== null ? Reflect.get(e, 'code') : undefined;
  return typeof code === 'string' ? code : '';
}

function via(scope: ErrorScope): string {
  return scope.kubeconfig !== undefined ? ` (kubeconfig: ${scope.kubeconfig})` : '';
}

function apiLine(e: Error & { reason: string; details?: { kind?: string; name?: string } | undefined }, scope: ErrorScope): string {
  const resource = e.details?.kind ?? '';
  if (e.reason === 'NotFound' && resource !== '' && e.details?.name !== undefined) {
    const what = `${Object.hasOwn(SINGULAR, resource) ? SINGULAR[resource] ?? resource : resource} "${e.details.name}" not found`;
    return CLUSTER_SCOPED.has(resource) || scope.namespace === undefined ? what : `${what} in namespace "${scope.namespace}"`;
  }
  if (e.reason === 'Unauthorized') return `the API server at ${scope.server ?? '?'} refused the credentials${via(scope)}: ${e.message}`;
  return `Error from server (${e.reason}): ${e.message}`;
}

/** The one-line message for anything thrown by a command. */
export function describeError(e: unknown, scope: ErrorScope = {}): string {
  if (isApiError(e)) return apiLine(e, scope);
  const code = codeOf(e);
  const message = e instanceof Error ? e.message : String(e);
  if (UNREACHABLE.has(code) || /^no response from .* within \d+ ms$/.test(message)) {
    return `cannot reach the Kubernetes API at ${scope.server ?? 'the configured server'}: is \`sluice up\` running?${via(scope)}`;
  }
  if (code.startsWith('CERT_') || code.includes('SELF_SIGNED') || code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' || code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return `cannot verify the certificate of the Kubernetes API at ${scope.server ?? '?'}: ${message}${via(scope)}`;
  }
  return (message.split('\n')[0] ?? message).replace(/^error:\s*/i, '');
}
