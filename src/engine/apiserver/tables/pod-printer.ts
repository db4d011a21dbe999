// `kubectl get pods`: NAME READY STATUS RESTARTS AGE (+ IP NODE NOMINATED NODE READINESS GATES).
import { isJsonObject } from '../../../api/meta.js';
import type { Pod, PodStatus } from '../../../api/core-v1.js';
import { isPod } from './kind-guards.js';
import { computePodSummary } from './pod-status.js';
import { ageColumn, column, kindPrinter, nameCell, nameColumn, objectAge, type Printer, type TableCell, type TableRowCondition } from './printer.js';

type PodStatusWithNomination = PodStatus & { nominatedNodeName?: string };

const columns = [
  nameColumn,
  column('Ready', 'string', 'Ready containers out of all containers (sidecars included).'),
  column('Status', 'string', 'Phase of the pod, or the reason of the container that explains it best.'),
  column('Restarts', 'string', 'Container restarts, with the time since the latest one.'),
  ageColumn,
  column('IP', 'string', 'IP address allocated to the pod (status.podIPs[0]).', { priority: 1 }),
  column('Node', 'string', 'Node the pod is bound to (spec.nodeName).', { priority: 1 }),
  column('Nominated Node', 'string', 'Node the scheduler nominated for preemption (status.nominatedNodeName).', { priority: 1 }),
  column('Readiness Gates', 'string', 'Readiness gates whose condition is True, out of all gates.', { priority: 1 }),
];

function podCells(pod: Pod, nowMs: number): TableCell[] {
  const s = computePodSummary(pod, nowMs);
  const status: PodStatusWithNomination = pod.status ?? {};
  // The v1→internal conversion fills podIPs from podIP, so an object carrying only podIP still shows it.
  const ip = status.podIPs?.[0]?.ip || status.podIP || '<none>';
  return [
    nameCell(pod), s.ready, s.status, s.restarts, objectAge(pod, nowMs),
    ip, pod.spec.nodeName || '<none>', status.nominatedNodeName || '<none>', readinessGatesCell(pod),
  ];
}

/** `true/total` over spec.readinessGates, using the first status condition of each gate's type; `<none>` without gates. */
function readinessGatesCell(pod: Pod): string {
  const gates = pod.spec['readinessGates'];
  if (!Array.isArray(gates) || gates.length === 0) return '<none>';
  const conditions = pod.status?.conditions ?? [];
  const passed = gates.filter((g: unknown) => {
    const type = isJsonObject(g) ? g['conditionType'] : undefined;
    return conditions.find((c) => c.type === type)?.status === 'True';
  }).length;
  return `${passed}/${gates.length}`;
}

/** Finished pods carry a Completed row condition, as upstream sets it. */
function podConditions(pod: Pod): TableRowCondition[] | undefined {
  switch (pod.status?.phase) {
    case 'Succeeded': return [{ type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' }];
    case 'Failed': return [{ type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' }];
    default: return undefined;
  }
}

/** Printer for `pods`. */
export const podPrinter: Printer = kindPrinter(columns, isPod, podCells, podConditions);
