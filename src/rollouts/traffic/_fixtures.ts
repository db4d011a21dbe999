// Small builders for the router plan tests (private to this folder).
import type { Ingress } from '../../api/networking-v1.js';
import type { CanaryStrategy, Rollout, RolloutStatus } from '../../api/rollouts-v1alpha1.js';

/** A Rollout `rollout` in `default` (uid `uid-ro`) with a canary strategy: stable-service / canary-service unless given. */
export function rollout(canary: Partial<CanaryStrategy> = {}, status?: RolloutStatus): Rollout {
  return {
    apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout',
    metadata: { name: 'rollout', namespace: 'default', uid: 'uid-ro' },
    spec: {
      selector: { matchLabels: { app: 'demo' } },
      template: { metadata: { labels: { app: 'demo' } }, spec: { containers: [{ name: 'demo', image: 'demo:1' }] } },
      strategy: { canary: { stableService: 'stable-service', canaryService: 'canary-service', ...canary } },
    },
    ...(status !== undefined ? { status } : {}),
  };
}

/** Argo's nginx_test networkingIngress: host fakehost.example.com, path /foo to `service` port `port`. */
export function ingress(name: string, service: string, port = 80, extra: Partial<Ingress['spec']> = {}): Ingress {
  return {
    apiVersion: 'networking.k8s.io/v1', kind: 'Ingress',
    metadata: { name, namespace: 'default' },
    spec: {
      rules: [{ host: 'fakehost.example.com', http: { paths: [{ path: '/foo', pathType: 'ImplementationSpecific', backend: { service: { name: service, port: { number: port } } } }] } }],
      ...extra,
    },
  };
}

/** The controller owner reference the routers put on objects they create for `rollout()`. */
export const OWNER = { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', name: 'rollout', uid: 'uid-ro', controller: true, blockOwnerDeletion: true };
