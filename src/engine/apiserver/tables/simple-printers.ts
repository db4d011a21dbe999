// Printers whose rows are the name, one or two fields and the age: configmaps, secrets, namespaces,
// serviceaccounts, leases, role bindings.
import { isJsonObject, type KubeObject } from '../../../api/meta.js';
import type { ConfigMap, Namespace, Secret } from '../../../api/core-v1.js';
import { isConfigMap, isNamespace, isSecret } from './kind-guards.js';
import { ageColumn, column, kindPrinter, nameCell, nameColumn, objectAge, type Printer, type TableCell } from './printer.js';

const ofKind = (kind: string) => (o: KubeObject): o is KubeObject => o.kind === kind;

function keyCount(map: Readonly<Record<string, string>> | undefined): number {
  return Object.keys(map ?? {}).length;
}

/** `kubectl get cm`: NAME DATA AGE; Data counts the keys of data and binaryData. */
export const configMapPrinter: Printer = kindPrinter(
  [nameColumn, column('Data', 'string', 'Number of keys in data and binaryData.'), ageColumn],
  isConfigMap,
  (cm: ConfigMap, nowMs): TableCell[] => [nameCell(cm), keyCount(cm.data) + keyCount(cm.binaryData), objectAge(cm, nowMs)],
);

/** `kubectl get secrets`: NAME TYPE DATA AGE; a missing type is the API default `Opaque`. */
export const secretPrinter: Printer = kindPrinter(
  [nameColumn, column('Type', 'string', 'Kind of secret (type).'), column('Data', 'string', 'Number of keys in data.'), ageColumn],
  isSecret,
  (s: Secret, nowMs): TableCell[] => [nameCell(s), s.type ?? 'Opaque', keyCount(s.data), objectAge(s, nowMs)],
);

/** `kubectl get ns`: NAME STATUS AGE; a missing phase is the API default `Active`. */
export const namespacePrinter: Printer = kindPrinter(
  [nameColumn, column('Status', 'string', 'Phase of the namespace (status.phase).'), ageColumn],
  isNamespace,
  (ns: Namespace, nowMs): TableCell[] => [nameCell(ns), ns.status?.phase ?? 'Active', objectAge(ns, nowMs)],
);

/** `kubectl get sa`: NAME SECRETS AGE; Secrets counts the `secrets` references. */
export const serviceAccountPrinter: Printer = kindPrinter(
  [nameColumn, column('Secrets', 'string', 'Number of secrets referenced by the service account.'), ageColumn],
  ofKind('ServiceAccount'),
  (sa, nowMs): TableCell[] => {
    const secrets = sa['secrets'];
    return [nameCell(sa), Array.isArray(secrets) ? secrets.length : 0, objectAge(sa, nowMs)];
  },
);

/** `kubectl get lease`: NAME HOLDER AGE; Holder is spec.holderIdentity, empty when unheld. */
export const leasePrinter: Printer = kindPrinter(
  [nameColumn, column('Holder', 'string', 'Identity of the current holder (spec.holderIdentity).'), ageColumn],
  ofKind('Lease'),
  (lease, nowMs): TableCell[] => {
    const spec = lease['spec'];
    const holder = isJsonObject(spec) && typeof spec['holderIdentity'] === 'string' ? spec['holderIdentity'] : '';
    return [nameCell(lease), holder, objectAge(lease, nowMs)];
  },
);

function subjectNames(binding: KubeObject, kind: string): string {
  const subjects = binding['subjects'];
  if (!Array.isArray(subjects)) return '';
  return subjects.filter((s) => isJsonObject(s) && s['kind'] === kind)
    .map((s) => (isJsonObject(s) ? (kind === 'ServiceAccount' ? `${String(s['namespace'] ?? '')}/${String(s['name'] ?? '')}` : String(s['name'] ?? '')) : ''))
    .join(', ');
}

/** `kubectl get rolebindings|clusterrolebindings`: NAME ROLE AGE, wide USERS GROUPS SERVICEACCOUNTS. */
export const roleBindingPrinter: Printer = {
  columns: [nameColumn, column('Role', 'string', 'The role this binding grants (roleRef kind/name).'), ageColumn,
    column('Users', 'string', 'Users in the binding.', { priority: 1 }), column('Groups', 'string', 'Groups in the binding.', { priority: 1 }),
    column('ServiceAccounts', 'string', 'ServiceAccounts in the binding.', { priority: 1 })],
  cells: (b, nowMs): TableCell[] => {
    const ref = b['roleRef'];
    const role = isJsonObject(ref) ? `${String(ref['kind'] ?? '')}/${String(ref['name'] ?? '')}` : '';
    return [nameCell(b), role, objectAge(b, nowMs), subjectNames(b, 'User'), subjectNames(b, 'Group'), subjectNames(b, 'ServiceAccount')];
  },
};
