// ReplicaSet and Deployment rows, as the upstream printers write them.
import type { Deployment, ReplicaSet } from '../../../api/apps-v1.js';
import { isDeployment, isReplicaSet } from './kind-guards.js';
import { ageColumn, column, kindPrinter, nameCell, nameColumn, objectAge, templateColumns, type Printer, type TableCell } from './printer.js';
import { containerCells, formatLabelSelector, selectorString } from './selector-cells.js';

/** `kubectl get rs`: NAME DESIRED CURRENT READY AGE (+ CONTAINERS IMAGES SELECTOR). Desired defaults to 1. */
export const replicaSetPrinter: Printer = kindPrinter(
  [
    nameColumn,
    column('Desired', 'integer', 'Number of desired pods (spec.replicas).'),
    column('Current', 'integer', 'Number of pods the ReplicaSet has created (status.replicas).'),
    column('Ready', 'integer', 'Number of ready pods (status.readyReplicas).'),
    ageColumn,
    ...templateColumns,
  ],
  isReplicaSet,
  (rs: ReplicaSet, nowMs): TableCell[] => [
    nameCell(rs),
    rs.spec.replicas ?? 1,
    rs.status?.replicas ?? 0,
    rs.status?.readyReplicas ?? 0,
    objectAge(rs, nowMs),
    ...containerCells(rs.spec.template.spec.containers),
    formatLabelSelector(rs.spec.selector),
  ],
);

/**
 * `kubectl get deploy`: NAME READY UP-TO-DATE AVAILABLE AGE (+ CONTAINERS IMAGES SELECTOR).
 * Ready is `readyReplicas/replicas` (`3/3`); the selector is printed without the `<none>` placeholder.
 */
export const deploymentPrinter: Printer = kindPrinter(
  [
    nameColumn,
    column('Ready', 'string', 'Number of ready pods out of the desired number.'),
    column('Up-to-date', 'string', 'Number of pods running the current template (status.updatedReplicas).'),
    column('Available', 'string', 'Number of available pods (status.availableReplicas).'),
    ageColumn,
    ...templateColumns,
  ],
  isDeployment,
  (d: Deployment, nowMs): TableCell[] => [
    nameCell(d),
    `${d.status?.readyReplicas ?? 0}/${d.spec.replicas ?? 1}`,
    d.status?.updatedReplicas ?? 0,
    d.status?.availableReplicas ?? 0,
    objectAge(d, nowMs),
    ...containerCells(d.spec.template.spec.containers),
    selectorString(d.spec.selector) ?? '<invalid>',
  ],
);
