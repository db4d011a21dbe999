// What the ingress request path reads: routes, config, weight-split state and rotations. NetworkTables
// provides it from informers in the main process; SnapshotTables from snapshots in an ingress process.
import type { Rotation } from './forwarder.js';
import { DEFAULT_INGRESS_CONFIG, parseIngressConfig, type IngressConfig } from './plan/ingress-config.js';
import { computeRouteTable } from './plan/ingress-routes.js';
import { computeTlsPlan, EMPTY_TLS_PLAN, type TlsPlan } from './plan/ingress-tls.js';
import { allRoutes, EMPTY_ROUTE_TABLE, type RouteTable } from './plan/route-types.js';
import type { ServiceTargets } from './plan/service-targets.js';
import type { Ingress } from '../../api/networking-v1.js';
import { RotationTable } from './rotation-table.js';

/** The tables one ingress request needs. */
export interface IngressTables {
  readonly routes: RouteTable;
  readonly config: IngressConfig;
  /** Certificates per host and the locations that redirect HTTP to HTTPS. */
  readonly tls: TlsPlan;
  /** Weight-split state per route (`Route.splitKey`), see plan/smooth-split.ts. */
  readonly splits: Map<string, number>;
  rotation(serviceKey: string, port: number | string): Rotation;
}

/** Drops split state of routes that no longer exist. */
export function pruneSplits(splits: Map<string, number>, routes: RouteTable): void {
  const live = new Set(allRoutes(routes).map((r) => r.splitKey));
  for (const k of splits.keys()) if (!live.has(k)) splits.delete(k);
}

/** Tables fed by snapshots (the ingress processes). */
export class SnapshotTables implements IngressTables {
  routes: RouteTable = EMPTY_ROUTE_TABLE;
  config: IngressConfig = DEFAULT_INGRESS_CONFIG;
  tls: TlsPlan = EMPTY_TLS_PLAN;
  readonly splits = new Map<string, number>();
  readonly rotations = new RotationTable();
  private ingresses: readonly Ingress[] = [];
  private ingressClass = '';
  private configData: Readonly<Record<string, string>> | undefined;

  rotation(serviceKey: string, port: number | string): Rotation { return this.rotations.rotation(serviceKey, port); }

  setIngresses(ingresses: readonly Ingress[], ingressClass: string): void {
    this.routes = computeRouteTable(ingresses, ingressClass);
    pruneSplits(this.splits, this.routes);
    this.ingresses = ingresses;
    this.ingressClass = ingressClass;
    this.tls = computeTlsPlan(ingresses, ingressClass, this.configData);
  }

  setConfig(data: Readonly<Record<string, string>> | undefined): void {
    this.config = parseIngressConfig(data);
    this.configData = data;
    this.tls = computeTlsPlan(this.ingresses, this.ingressClass, data);
  }

  setTargets(serviceKey: string, targets: ServiceTargets | undefined): void { this.rotations.update(serviceKey, targets); }
}
