// The live tables the proxies read on every request, rebuilt from informer caches whenever an object changes:
// the ingress route table, each Service port's rotation over its ready endpoints, the listeners the service
// proxies should hold, and the ingress ConfigMap. Every rebuild reads whole cache state, never the event.
import type { ConfigMap, Endpoints, Service } from '../../api/core-v1.js';
import { keyOf, type ObjectKey } from '../../api/object-key.js';
import type { Ingress } from '../../api/networking-v1.js';
import type { Informer } from '../../control/informer.js';
import type { Rotation } from './forwarder.js';
import { DEFAULT_INGRESS_CONFIG, parseIngressConfig, type IngressConfig } from './plan/ingress-config.js';
import { computeRouteTable } from './plan/ingress-routes.js';
import { allRoutes, EMPTY_ROUTE_TABLE, type RouteTable } from './plan/route-types.js';
import { computeListeners, type ListenerBinding } from './plan/service-listeners.js';
import { allTargets, computeServiceTargets, portKey, type ServiceTargets } from './plan/service-targets.js';

/** The informers the tables follow. */
export interface NetworkInformers {
  readonly services: Informer<Service>;
  readonly endpoints: Informer<Endpoints>;
  readonly ingresses: Informer<Ingress>;
  /** Already scoped to the ingress ConfigMap's name (and namespace, if fixed). */
  readonly configMaps: Informer<ConfigMap>;
}

/** How to build the tables and whom to tell about changes. */
export interface NetworkTablesOptions {
  readonly ingressClass: string;
  /** Address NodePorts listen on. */
  readonly nodeHost: string;
  /** Called with every endpoint still in use after Endpoints change (to close pools of the others). */
  readonly onTargets?: (live: ReadonlySet<string>) => void;
  /** Called when the set of service listeners may have changed. */
  readonly onListeners?: (bindings: ReadonlyMap<string, ListenerBinding>) => void;
}

/** The tables, kept current by informer handlers. */
export class NetworkTables {
  routes: RouteTable = EMPTY_ROUTE_TABLE;
  config: IngressConfig = DEFAULT_INGRESS_CONFIG;
  listeners: ReadonlyMap<string, ListenerBinding> = new Map();
  /** Weight-split state per route (`Route.splitKey`), see plan/smooth-split.ts. */
  readonly splits = new Map<string, number>();
  private readonly targets = new Map<string, ServiceTargets>();
  private readonly rotations = new Map<string, Map<string, Rotation>>();
  private readonly unsubscribe: (() => void)[] = [];

  constructor(private readonly inf: NetworkInformers, private readonly opts: NetworkTablesOptions) {
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

  /** The rotation of a service port (by number or name); an empty one when unknown. */
  rotation(serviceKey: string, port: number | string): Rotation {
    return this.rotations.get(serviceKey)?.get(portKey(port)) ?? { targets: [], cursor: 0 };
  }

  /** Stops following the informers. */
  detach(): void {
    for (const u of this.unsubscribe.splice(0)) u();
  }

  private refreshService(key: ObjectKey): void {
    const svc = this.inf.services.get(key);
    const computed = svc === undefined ? new Map<string, readonly string[]>() : computeServiceTargets(svc, this.inf.endpoints.get(key));
    const old = this.rotations.get(key) ?? new Map<string, Rotation>();
    const next = new Map<string, Rotation>();
    for (const [pk, list] of computed) {
      const r = old.get(pk) ?? { targets: list, cursor: 0 };
      r.targets = list;
      next.set(pk, r);
    }
    // A request holding a removed rotation must not retry on endpoints that left.
    for (const [pk, r] of old) if (!next.has(pk)) r.targets = [];
    if (computed.size === 0) { this.targets.delete(key); this.rotations.delete(key); } else { this.targets.set(key, computed); this.rotations.set(key, next); }
    this.opts.onTargets?.(allTargets(this.targets.values()));
  }

  private refreshListeners(): void {
    this.listeners = computeListeners(this.inf.services.list(), this.opts.nodeHost);
    this.opts.onListeners?.(this.listeners);
  }

  private refreshRoutes(): void {
    this.routes = computeRouteTable(this.inf.ingresses.list(), this.opts.ingressClass);
    const live = new Set(allRoutes(this.routes).map((r) => r.splitKey));
    for (const k of this.splits.keys()) if (!live.has(k)) this.splits.delete(k);
  }

  private refreshConfig(): void {
    const oldest = [...this.inf.configMaps.list()].sort((a, b) => (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? ''))[0];
    this.config = parseIngressConfig(oldest?.data);
  }
}
