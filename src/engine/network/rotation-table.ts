// Each service port's rotation over its ready endpoints, updated in place as Endpoints change so requests
// holding a rotation see the change (and never retry on an endpoint that left).
import type { Rotation } from './forwarder.js';
import { allTargets, portKey, type ServiceTargets } from './plan/service-targets.js';

/** Rotations by service and port. */
export class RotationTable {
  private readonly rotations = new Map<string, Map<string, Rotation>>();
  private readonly targets = new Map<string, ServiceTargets>();

  /** The rotation of a service port (by number or name); an empty one when unknown. */
  rotation(serviceKey: string, port: number | string): Rotation {
    return this.rotations.get(serviceKey)?.get(portKey(port)) ?? { targets: [], cursor: 0 };
  }

  /** Replaces the targets of one service (undefined or empty: the service has none). */
  update(serviceKey: string, computed: ServiceTargets | undefined): void {
    const old = this.rotations.get(serviceKey) ?? new Map<string, Rotation>();
    const next = new Map<string, Rotation>();
    for (const [pk, list] of computed ?? []) {
      const r = old.get(pk) ?? { targets: list, cursor: 0 };
      r.targets = list;
      next.set(pk, r);
    }
    for (const [pk, r] of old) if (!next.has(pk)) r.targets = [];
    if (computed === undefined || computed.size === 0) {
      this.targets.delete(serviceKey);
      this.rotations.delete(serviceKey);
    } else {
      this.targets.set(serviceKey, computed);
      this.rotations.set(serviceKey, next);
    }
  }

  /** Every endpoint of every service. */
  allTargets(): Set<string> { return allTargets(this.targets.values()); }

  /** Every service's targets (for a snapshot sent to an ingress process). */
  entries(): [string, ServiceTargets][] { return [...this.targets]; }
}
