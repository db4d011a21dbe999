// The Lease used for leader election (coordination.k8s.io/v1) and the one decision about it: may this
// candidate take or renew the lease now? Expiry is judged by when *we* last saw the lease change, not by the
// holder's timestamps, so clock skew between candidates does not matter (as in client-go).
import { isApiError } from '../api/api-error.js';
import type { KubeObject } from '../api/meta.js';
import { R } from '../api/resources.js';
import type { KubeClient } from './client.js';

/** coordination.k8s.io/v1 LeaseSpec. Times are MicroTime (`2025-01-01T00:00:00.000000Z`). */
export interface LeaseSpec {
  holderIdentity?: string | null;
  leaseDurationSeconds?: number | null;
  acquireTime?: string | null;
  renewTime?: string | null;
  leaseTransitions?: number | null;
}

/** coordination.k8s.io/v1 Lease. */
export interface Lease extends KubeObject {
  spec?: LeaseSpec;
}

/** metav1.MicroTime: RFC 3339 with microseconds. */
export function microTime(ms: number): string {
  return new Date(ms).toISOString().replace(/Z$/, '000Z');
}

/**
 * The spec to write to hold the lease at `nowMs`, or undefined while another holder's lease runs. With a
 * 15 s lease last seen changing at 0: held at 14 999, takeable at 15 000. An empty holder (released) is
 * takeable at once.
 */
export function computeLeaseClaim(current: Readonly<LeaseSpec> | undefined, identity: string, observedAtMs: number,
  nowMs: number, leaseDurationMs: number): LeaseSpec | undefined {
  const holder = current?.holderIdentity ?? '';
  const ours = holder === identity;
  const heldForMs = (current?.leaseDurationSeconds ?? leaseDurationMs / 1000) * 1000;
  if (holder !== '' && !ours && observedAtMs + heldForMs > nowMs) return undefined;
  const now = microTime(nowMs);
  const transitions = current?.leaseTransitions ?? 0;
  return {
    holderIdentity: identity,
    leaseDurationSeconds: Math.ceil(leaseDurationMs / 1000),
    acquireTime: ours ? (current?.acquireTime ?? now) : now,
    renewTime: now,
    leaseTransitions: current === undefined ? 0 : ours ? transitions : transitions + 1,
  };
}

/** Reads and writes one Lease for one candidate. */
export class LeaseLock {
  private observedSpec = '';
  private observedAtMs = 0;
  private holder = '';

  constructor(private readonly client: KubeClient, readonly namespace: string, readonly name: string, readonly identity: string) {}

  /** The holder seen at the last attempt ('' when none). */
  currentHolder(): string { return this.holder; }

  /** Takes or renews the lease; true when we hold it. Rejects on API or transport failures (e.g. Conflict). */
  async tryAcquireOrRenew(nowMs: number, leaseDurationMs: number): Promise<boolean> {
    let current: Lease;
    try {
      current = await this.client.get<Lease>(R.leases, this.namespace, this.name);
    } catch (e) {
      if (!isApiError(e, 'NotFound')) throw e;
      const spec = computeLeaseClaim(undefined, this.identity, nowMs, nowMs, leaseDurationMs);
      const lease: Lease = { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: this.name, namespace: this.namespace }, ...(spec ? { spec } : {}) };
      await this.client.create(R.leases, lease);
      this.observe(spec, nowMs);
      return true;
    }
    this.observe(current.spec, nowMs);
    const spec = computeLeaseClaim(current.spec, this.identity, this.observedAtMs, nowMs, leaseDurationMs);
    if (spec === undefined) return false;
    await this.client.update<Lease>(R.leases, { ...current, spec });
    this.observe(spec, nowMs);
    return true;
  }

  /** Gives the lease up if we hold it: empty holder, 1 s duration, so others take it at once. */
  async release(nowMs: number): Promise<void> {
    const current = await this.client.get<Lease>(R.leases, this.namespace, this.name);
    if ((current.spec?.holderIdentity ?? '') !== this.identity) return;
    const now = microTime(nowMs);
    const spec: LeaseSpec = { holderIdentity: '', leaseDurationSeconds: 1, acquireTime: now, renewTime: now, leaseTransitions: current.spec?.leaseTransitions ?? 0 };
    await this.client.update<Lease>(R.leases, { ...current, spec });
    this.observe(spec, nowMs);
  }

  private observe(spec: Readonly<LeaseSpec> | undefined, nowMs: number): void {
    const text = JSON.stringify(spec ?? {});
    this.holder = spec?.holderIdentity ?? '';
    if (text === this.observedSpec) return;
    this.observedSpec = text;
    this.observedAtMs = nowMs;
  }
}
