// The built-in resources the embedded API server serves, with the names kubectl expects in discovery.
import { defineResource, type ResourceDef } from './resource-def.js';

const REPLICAS_SCALE = { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas', labelSelectorPath: '.status.selector' };
const READ_ONLY_VERBS = ['get', 'list', 'watch'];

/** Every built-in def, without behaviour hooks (those are attached by the composition root). */
export function builtinResources(): ResourceDef[] {
  return [
    defineResource({ group: '', version: 'v1', resource: 'namespaces', kind: 'Namespace', namespaced: false, shortNames: ['ns'], hasStatus: true, extraSubresources: ['finalize'] }),
    defineResource({ group: '', version: 'v1', resource: 'pods', kind: 'Pod', shortNames: ['po'], categories: ['all'], hasStatus: true, extraSubresources: ['log', 'eviction'] }),
    defineResource({ group: '', version: 'v1', resource: 'services', kind: 'Service', shortNames: ['svc'], categories: ['all'], hasStatus: true }),
    defineResource({ group: '', version: 'v1', resource: 'endpoints', kind: 'Endpoints', singular: 'endpoints', listKind: 'EndpointsList', shortNames: ['ep'] }),
    defineResource({ group: '', version: 'v1', resource: 'configmaps', kind: 'ConfigMap', shortNames: ['cm'] }),
    defineResource({ group: '', version: 'v1', resource: 'secrets', kind: 'Secret' }),
    defineResource({ group: '', version: 'v1', resource: 'events', kind: 'Event', shortNames: ['ev'] }),
    defineResource({ group: '', version: 'v1', resource: 'serviceaccounts', kind: 'ServiceAccount', shortNames: ['sa'] }),
    defineResource({ group: '', version: 'v1', resource: 'nodes', kind: 'Node', namespaced: false, shortNames: ['no'], hasStatus: true, verbs: READ_ONLY_VERBS }),
    defineResource({ group: 'apps', version: 'v1', resource: 'deployments', kind: 'Deployment', shortNames: ['deploy'], categories: ['all'], hasStatus: true, scale: REPLICAS_SCALE }),
    defineResource({ group: 'apps', version: 'v1', resource: 'replicasets', kind: 'ReplicaSet', shortNames: ['rs'], categories: ['all'], hasStatus: true, scale: REPLICAS_SCALE }),
    defineResource({ group: 'batch', version: 'v1', resource: 'jobs', kind: 'Job', categories: ['all'], hasStatus: true }),
    defineResource({ group: 'networking.k8s.io', version: 'v1', resource: 'ingresses', kind: 'Ingress', shortNames: ['ing'], hasStatus: true }),
    defineResource({
      group: 'extensions', version: 'v1beta1', resource: 'ingresses', kind: 'Ingress', shortNames: ['ing'], hasStatus: true,
      storage: 'networking.k8s.io/ingresses', storageVersion: 'networking.k8s.io/v1',
      deprecationWarning: 'extensions/v1beta1 Ingress is deprecated in v1.14+, unavailable in v1.22+; use networking.k8s.io/v1 Ingress',
    }),
    defineResource({ group: 'coordination.k8s.io', version: 'v1', resource: 'leases', kind: 'Lease' }),
    // RBAC objects are stored and shown (install manifests carry them); the embedded server has one admin token
    // and does not enforce them.
    defineResource({ group: 'rbac.authorization.k8s.io', version: 'v1', resource: 'roles', kind: 'Role' }),
    defineResource({ group: 'rbac.authorization.k8s.io', version: 'v1', resource: 'rolebindings', kind: 'RoleBinding' }),
    defineResource({ group: 'rbac.authorization.k8s.io', version: 'v1', resource: 'clusterroles', kind: 'ClusterRole', namespaced: false }),
    defineResource({ group: 'rbac.authorization.k8s.io', version: 'v1', resource: 'clusterrolebindings', kind: 'ClusterRoleBinding', namespaced: false }),
    defineResource({
      group: 'apiextensions.k8s.io', version: 'v1', resource: 'customresourcedefinitions', kind: 'CustomResourceDefinition',
      namespaced: false, shortNames: ['crd', 'crds'], hasStatus: true,
    }),
  ];
}
