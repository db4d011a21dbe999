// The live tables the proxies read on every request, rebuilt from informer caches whenever an object changes:
// the ingress route table, each Service port's rotation over its ready endpoints, the listeners the service
// proxies should hold, and the ingress ConfigMap. Every rebuild reads whole cache state, never the event.
import type { ConfigMap, Endpoints, Service } from '../../api/core-v1.js';
import { keyOf, type ObjectKey } from '../../api/object-key.js';
import type { Ingress } from '../../api/networking-v1.js';
import type { Informer } from '../../control/informer.js';
import type { Rotation } from './forwarder.js';
import { pruneSplits, type IngressTables } from './ingress-tables.js';
import { DEFAULT_INGRESS_CONFIG, parseIngressConfig, type IngressConfig } from './plan/ingress-config.js';
import { computeRouteTable } from './plan/ingress-routes.js';
import { computeTlsPlan, EMPTY_TLS_PLAN, type TlsPlan } from './plan/ingress-tls.js';
import { EMPTY_ROUTE_TABLE, type RouteTable } from './plan/route-types.js';
import { computeListeners, type ListenerBinding } from './plan/service-listeners.js';
import { computeServiceTargets, type ServiceTargets } from './plan/service-targets.js';
import { RotationTable } from './rotation-table.js';

/** The informers the tables follow. */
export interface NetworkInformers {
  readonly services: Informer<Service>;
  readonly endpoints: Informer<Endpoints>;
  readonly ingresses: Informer<Ingress>;
  /** Already scoped to the ingress ConfigMap's name (and namespace, if fixed). */
  readonly configMaps: Informer<ConfigMap>;
}

/** Whom to tell about changes (service proxies, connection pools, ingress processes). */
export interface TableListeners {
  /** Every endpoint still in use, after Endpoints change (to close pools of the others). */
  onTargets?(live: ReadonlySet<string>): void;
  /** One service's new targets (undefined: it has none). */
  onServiceTargets?(serviceKey: string, targets: ServiceTargets | undefined): void;
  onListeners?(bindings: ReadonlyMap<string, ListenerBinding>): void;
  onIngresses?(ingresses: readonly Ingress[]): void;
  onConfig?(data: Readonly<Record<string, string>> | undefined): void;
}

/** How to build the tables. */
export interface NetworkTablesOptions extends TableListeners {
  readonly ingressClass: string;
  /** Address NodePorts listen on. */
  readonly nodeHost: string;
}

/** The tables, kept current by informer handlers. */
export class NetworkTables implements IngressTables {
  routes: RouteTable = EMPTY_ROUTE_TABLE;
  config: IngressConfig = DEFAULT_INGRESS_CONFIG;
  configData: Readonly<Record<string, string>> | undefined;
  tls: TlsPlan = EMPTY_TLS_PLAN;
  listeners: ReadonlyMap<string, ListenerBinding> = new Map();
  readonly splits = new Map<string, number>();
  readonly rotations = new RotationTable();
  private readonly unsubscribe: (() => void)[] = [];
  private readonly listenersOf: TableListeners[] = [];

  constructor(private readonly inf: NetworkInformers, private readonly opts: NetworkTablesOptions) {
    this.listenersOf.push(opts);
    const onService = (s: Service): void => { this.refreshService(keyOf(s)); this.refreshListeners(); };
    const onEndpoints = (e: Endpoints): void => this.refreshService(keyOf(e));
    const onIngress = (): void => this.refreshRoutes();
    const onConfig = (): void => this.refreshConfig();
    this.unsubscribe.push(
      inf.services.onAdd(onService), inf.services.onUpdate((_o, s) => onService(s)), inf.services.onDelete(onService),
      inf.endpoints.onAdd(onEndpoints), inf.endpoints.onUpdate((_o, e) => onEndpoints(e)), inf.endpoints.onDelete(onEndpoints),
      inf.ingresses.onAdd(onIngress), inf.ingresses.onUpdate(onIngress), inf.ingresses.onDelete(onIngress),
      inf.configMaps.onAdd(onConfig), inf.configMaps.onUpdate(onConfig), inf.configMaps.onDelete(onConfig),
    );
    this.refreshRoutes();
    this.refreshConfig();
    this.refreshListeners();
  }

  rotation(serviceKey: string, port: number | string): Rotation { return this.rotations.rotation(serviceKey, port); }

  /** The Ingresses the route table is built from. */
  ingresses(): Ingress[] { return this.inf.ingresses.list(); }

  /** Adds a listener for later changes. */
  subscribe(l: TableListeners): void { this.listenersOf.push(l); }

  /** Stops following the informers. */
  detach(): void {
    for (const u of this.unsubscribe.splice(0)) u();
  }

  private refreshService(key: ObjectKey): void {
    const svc = this.inf.services.get(key);
    const computed = svc === undefined ? undefined : computeServiceTargets(svc, this.inf.endpoints.get(key));
    this.rotations.update(key, computed);
    const live = this.rotations.allTargets();
    for (const l of this.listenersOf) { l.onServiceTargets?.(key, computed); l.onTargets?.(live); }
  }

  private refreshListeners(): void {
    this.listeners = computeListeners(this.inf.services.list(), this.opts.nodeHost);
    for (const l of this.listenersOf) l.onListeners?.(this.listeners);
  }

  private refreshRoutes(): void {
    const ingresses = this.inf.ingresses.list();
    this.routes = computeRouteTable(ingresses, this.opts.ingressClass);
    pruneSplits(this.splits, this.routes);
    this.tls = computeTlsPlan(ingresses, this.opts.ingressClass, this.configData);
    for (const l of this.listenersOf) l.onIngresses?.(ingresses);
  }

  private refreshConfig(): void {
    const oldest = [...this.inf.configMaps.list()].sort((a, b) => (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? ''))[0];
    this.configData = oldest?.data;
    this.config = parseIngressConfig(oldest?.data);
    this.tls = computeTlsPlan(this.inf.ingresses.list(), this.opts.ingressClass, oldest?.data);
    for (const l of this.listenersOf) l.onConfig?.(oldest?.data);
  }
}
