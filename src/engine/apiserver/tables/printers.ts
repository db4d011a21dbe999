// The registry of built-in printers, by resource key (`group/plural`, bare plural for the core group).
import { createdAtPrinter } from './default-printers.js';
import { eventPrinter } from './event-printer.js';
import { jobPrinter } from './job-printer.js';
import { endpointsPrinter, ingressPrinter } from './network-printers.js';
import { nodePrinter } from './node-printer.js';
import { podPrinter } from './pod-printer.js';
import type { Printer } from './printer.js';
import { servicePrinter } from './service-printer.js';
import { configMapPrinter, leasePrinter, namespacePrinter, roleBindingPrinter, secretPrinter, serviceAccountPrinter } from './simple-printers.js';
import { deploymentPrinter, replicaSetPrinter } from './workload-printers.js';

const BUILT_IN: ReadonlyMap<string, Printer> = new Map([
  ['pods', podPrinter],
  ['services', servicePrinter],
  ['endpoints', endpointsPrinter],
  ['configmaps', configMapPrinter],
  ['secrets', secretPrinter],
  ['namespaces', namespacePrinter],
  ['events', eventPrinter],
  ['serviceaccounts', serviceAccountPrinter],
  ['nodes', nodePrinter],
  ['apps/deployments', deploymentPrinter],
  ['apps/replicasets', replicaSetPrinter],
  ['batch/jobs', jobPrinter],
  ['networking.k8s.io/ingresses', ingressPrinter],
  // The chapter's Ingress version: served from the same storage, printed the same way.
  ['extensions/ingresses', ingressPrinter],
  ['coordination.k8s.io/leases', leasePrinter],
  ['apiextensions.k8s.io/customresourcedefinitions', createdAtPrinter],
  ['rbac.authorization.k8s.io/roles', createdAtPrinter],
  ['rbac.authorization.k8s.io/clusterroles', createdAtPrinter],
  ['rbac.authorization.k8s.io/rolebindings', roleBindingPrinter],
  ['rbac.authorization.k8s.io/clusterrolebindings', roleBindingPrinter],
]);

/** The printer of a built-in resource, or undefined (custom resources register `crdPrinterFor` themselves). */
export function printerFor(resourceKey: string): Printer | undefined {
  return BUILT_IN.get(resourceKey);
}
