// `kubectl get nodes`: NAME STATUS ROLES AGE VERSION
// (+ INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME). Node has no wire type in
// src/api, so the fields are read defensively.
import { isJsonObject, type KubeObject } from '../../../api/meta.js';
import { column, kindPrinter, nameCell, nameColumn, ageColumn, objectAge, type Printer, type TableCell } from './printer.js';

const ROLE_PREFIX = 'node-role.kubernetes.io/';
const ROLE_LABEL = 'kubernetes.io/role';

function field(obj: unknown, ...path: string[]): unknown {
  let cur = obj;
  for (const key of path) cur = isJsonObject(cur) ? cur[key] : undefined;
  return cur;
}

function text(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** The Status cell: `Ready`/`NotReady` from the Ready condition (`Unknown` without one), plus `SchedulingDisabled` when cordoned. */
export function nodeStatusCell(node: KubeObject): string {
  const conditions = field(node, 'status', 'conditions');
  const ready = Array.isArray(conditions) ? conditions.find((c: unknown) => field(c, 'type') === 'Ready') : undefined;
  const parts = [ready === undefined ? 'Unknown' : field(ready, 'status') === 'True' ? 'Ready' : 'NotReady'];
  if (field(node, 'spec', 'unschedulable') === true) parts.push('SchedulingDisabled');
  return parts.join(',');
}

/** The Roles cell: `node-role.kubernetes.io/<role>` keys and the `kubernetes.io/role` value, sorted; `<none>`. */
export function nodeRolesCell(node: KubeObject): string {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith(ROLE_PREFIX) && k.length > ROLE_PREFIX.length) roles.add(k.slice(ROLE_PREFIX.length));
    else if (k === ROLE_LABEL && v !== '') roles.add(v);
  }
  return roles.size === 0 ? '<none>' : [...roles].sort().join(',');
}

function addressOf(node: KubeObject, type: string): string {
  const addresses = field(node, 'status', 'addresses');
  const hit = Array.isArray(addresses) ? addresses.find((a: unknown) => field(a, 'type') === type) : undefined;
  return text(field(hit, 'address')) || '<none>';
}

function nodeCells(node: KubeObject, nowMs: number): TableCell[] {
  const info = (key: string): string => text(field(node, 'status', 'nodeInfo', key)) || '<unknown>';
  return [
    nameCell(node), nodeStatusCell(node), nodeRolesCell(node), objectAge(node, nowMs),
    text(field(node, 'status', 'nodeInfo', 'kubeletVersion')),
    addressOf(node, 'InternalIP'), addressOf(node, 'ExternalIP'), info('osImage'), info('kernelVersion'), info('containerRuntimeVersion'),
  ];
}

/** Printer for `nodes`. */
export const nodePrinter: Printer = kindPrinter(
  [
    nameColumn,
    column('Status', 'string', 'Readiness of the node, and whether it is cordoned.'),
    column('Roles', 'string', 'Roles from the node-role.kubernetes.io/ labels.'),
    ageColumn,
    column('Version', 'string', 'Kubelet version (status.nodeInfo.kubeletVersion).'),
    column('Internal-IP', 'string', 'First InternalIP address.', { priority: 1 }),
    column('External-IP', 'string', 'First ExternalIP address.', { priority: 1 }),
    column('OS-Image', 'string', 'Operating system image (status.nodeInfo.osImage).', { priority: 1 }),
    column('Kernel-Version', 'string', 'Kernel version (status.nodeInfo.kernelVersion).', { priority: 1 }),
    column('Container-Runtime', 'string', 'Container runtime and version (status.nodeInfo.containerRuntimeVersion).', { priority: 1 }),
  ],
  (o): o is KubeObject => o.kind === 'Node',
  nodeCells,
);
