// Defaults of the kinds that need only a few lines each: Deployment, ReplicaSet, Namespace, Secret,
// Endpoints and CustomResourceDefinition (1.32 defaulting funcs and create-time strategy rules).
import { asArray, asObject, asString, ensureObject, objectsOf, setDefault, setDefaultString, type JsonObject } from './_json.js';
import { defaultPodTemplate } from './defaults-pod.js';

/** SetDefaults_Deployment: replicas 1, RollingUpdate 25%/25%, revisionHistoryLimit 10, progressDeadlineSeconds 600. */
export function defaultDeployment(d: JsonObject): void {
  const spec = ensureObject(d, 'spec');
  if (spec === undefined) return;
  setDefault(spec, 'replicas', 1);
  const strategy = ensureObject(spec, 'strategy');
  if (strategy !== undefined) {
    setDefaultString(strategy, 'type', 'RollingUpdate');
    const rollingUpdate = strategy['type'] === 'RollingUpdate' ? ensureObject(strategy, 'rollingUpdate') : undefined;
    if (rollingUpdate !== undefined) {
      setDefault(rollingUpdate, 'maxUnavailable', '25%');
      setDefault(rollingUpdate, 'maxSurge', '25%');
    }
  }
  setDefault(spec, 'revisionHistoryLimit', 10);
  setDefault(spec, 'progressDeadlineSeconds', 600);
  defaultPodTemplate(spec);
}

/** SetDefaults_ReplicaSet: replicas 1. */
export function defaultReplicaSet(rs: JsonObject): void {
  const spec = ensureObject(rs, 'spec');
  if (spec === undefined) return;
  setDefault(spec, 'replicas', 1);
  defaultPodTemplate(spec);
}

/**
 * Namespace: the `kubernetes.io/metadata.name` label always; on create phase Active and the `kubernetes`
 * finalizer; on update spec.finalizers and status stay as stored (they change through /finalize and /status).
 */
export function defaultNamespace(ns: JsonObject, old: JsonObject | undefined): void {
  const meta = ensureObject(ns, 'metadata');
  const name = asString(meta?.['name']) ?? '';
  if (meta !== undefined && name !== '') meta['labels'] = { ...(asObject(meta['labels']) ?? {}), 'kubernetes.io/metadata.name': name };
  if (old !== undefined) {
    ns['spec'] = old['spec'] ?? {};
    ns['status'] = old['status'] ?? { phase: 'Active' };
    return;
  }
  const spec = ensureObject(ns, 'spec');
  const finalizers = (asArray(spec?.['finalizers']) ?? []).filter((f) => typeof f === 'string');
  if (spec !== undefined && !finalizers.includes('kubernetes')) spec['finalizers'] = [...finalizers, 'kubernetes'];
  ns['status'] = { phase: 'Active' };
}

/** Secret: type Opaque; `stringData` is write-only and merged into base64 `data` (v1 conversion). */
export function defaultSecret(secret: JsonObject): void {
  setDefaultString(secret, 'type', 'Opaque');
  const stringData = asObject(secret['stringData']);
  if (stringData === undefined) return;
  const data: JsonObject = { ...(asObject(secret['data']) ?? {}) };
  for (const [k, v] of Object.entries(stringData)) if (typeof v === 'string') data[k] = Buffer.from(v, 'utf8').toString('base64');
  secret['data'] = data;
  delete secret['stringData'];
}

/** Endpoints: port protocol TCP. */
export function defaultEndpoints(ep: JsonObject): void {
  for (const subset of objectsOf(ep['subsets'])) for (const port of objectsOf(subset['ports'])) setDefaultString(port, 'protocol', 'TCP');
}

/** CustomResourceDefinition (apiextensions/v1): singular, listKind, conversion None, storedVersions. */
export function defaultCrd(crd: JsonObject): void {
  const spec = ensureObject(crd, 'spec');
  if (spec === undefined) return;
  const names = ensureObject(spec, 'names');
  const kind = asString(names?.['kind']) ?? '';
  if (names !== undefined) {
    setDefaultString(names, 'singular', kind.toLowerCase());
    if (kind !== '') setDefaultString(names, 'listKind', `${kind}List`);
  }
  setDefault(spec, 'conversion', { strategy: 'None' });
  const status = ensureObject(crd, 'status');
  const storage = objectsOf(spec['versions']).find((v) => v['storage'] === true);
  if (status !== undefined && (asArray(status['storedVersions']) ?? []).length === 0 && storage !== undefined) {
    status['storedVersions'] = [storage['name']];
  }
}
