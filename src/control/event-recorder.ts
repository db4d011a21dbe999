// Records core/v1 Events about objects, as client-go's recorder does: a repeat of the same (object, type,
// reason, message) bumps `count` and `lastTimestamp` of the existing Event instead of creating another.
// Recording is fire-and-forget: failures are logged, never thrown into the controller.
import { isApiError } from '../api/api-error.js';
import type { Event, ObjectReference } from '../api/core-v1.js';
import type { KubeObject } from '../api/meta.js';
import { R } from '../api/resources.js';
import { rfc3339, systemClock, type Clock } from '../lib/clock.js';
import { logger, type Logger } from '../lib/log.js';
import type { KubeClient } from './client.js';

export type EventType = 'Normal' | 'Warning';

export interface EventRecorderOptions {
  /** `source.component` and `reportingComponent`, e.g. `deployment-controller`. */
  component: string;
  /** `reportingInstance` and `source.host` (default empty). */
  instance?: string;
  clock?: Clock;
  log?: Logger;
  /** How many distinct events are remembered for aggregation (default 4096, oldest forgotten first). */
  maxRemembered?: number;
}

interface Remembered {
  namespace: string;
  name: string;
  count: number;
}

/** Writes Events for one component. */
export class EventRecorder {
  private readonly clock: Clock;
  private readonly log: Logger;
  private readonly remembered = new Map<string, Remembered>();
  private readonly chains = new Map<string, Promise<void>>();
  private seq = 0;

  constructor(private readonly client: KubeClient, private readonly opts: EventRecorderOptions) {
    this.clock = opts.clock ?? systemClock;
    this.log = opts.log ?? logger(`events/${opts.component}`);
  }

  /** Records an event about `obj`; returns at once. Writes for the same event run in order. */
  event(obj: Readonly<KubeObject>, type: EventType, reason: string, message: string): void {
    const ref = referenceOf(obj);
    const key = JSON.stringify([ref.apiVersion, ref.kind, ref.namespace, ref.name, ref.uid, type, reason, message]);
    const nowMs = this.clock.now();
    const previous = this.chains.get(key) ?? Promise.resolve();
    const next = previous
      .then(() => this.write(key, ref, { type, reason, message }, nowMs))
      .catch((e: unknown) => this.log.warn('cannot record event', { object: `${ref.kind}/${ref.name}`, reason, error: e instanceof Error ? e : String(e) }))
      .finally(() => { if (this.chains.get(key) === next) this.chains.delete(key); });
    this.chains.set(key, next);
  }

  /** Resolves when every event recorded so far has been written (or failed). */
  async flush(): Promise<void> {
    while (this.chains.size > 0) await Promise.all(this.chains.values());
  }

  private async write(key: string, ref: ObjectReference, what: { type: EventType; reason: string; message: string }, nowMs: number): Promise<void> {
    const seen = this.remembered.get(key);
    if (seen !== undefined) {
      try {
        await this.client.patch(R.events, seen.namespace, seen.name, 'merge', { count: seen.count + 1, lastTimestamp: rfc3339(nowMs) });
        seen.count++;
        this.remember(key, seen);
        return;
      } catch (e) {
        // The event was garbage-collected (events expire after an hour by default): start a new one.
        if (!isApiError(e, 'NotFound')) throw e;
        this.remembered.delete(key);
      }
    }
    // Events about cluster-scoped objects live in `default`, as client-go puts them.
    const ev = this.build(ref, what, nowMs);
    const created = await this.client.create<Event>(R.events, ev);
    this.remember(key, { namespace: ev.metadata.namespace ?? 'default', name: created.metadata.name ?? ev.metadata.name ?? '', count: 1 });
  }

  private build(ref: ObjectReference, what: { type: EventType; reason: string; message: string }, nowMs: number): Event {
    const time = rfc3339(nowMs);
    // Unique per recorder: milliseconds scaled to nanoseconds plus a sequence number, in hex (client-go: name.<unix nanos hex>).
    const suffix = (BigInt(nowMs) * 1_000_000n + BigInt(this.seq++ % 1_000_000)).toString(16);
    return {
      apiVersion: 'v1', kind: 'Event',
      metadata: { name: `${ref.name ?? 'unknown'}.${suffix}`, namespace: ref.namespace ?? 'default' },
      involvedObject: ref, reason: what.reason, message: what.message, type: what.type,
      source: { component: this.opts.component, ...(this.opts.instance ? { host: this.opts.instance } : {}) },
      firstTimestamp: time, lastTimestamp: time, count: 1, eventTime: null,
      reportingComponent: this.opts.component, reportingInstance: this.opts.instance ?? '',
    };
  }

  private remember(key: string, r: Remembered): void {
    this.remembered.delete(key);
    this.remembered.set(key, r);
    const max = this.opts.maxRemembered ?? 4096;
    for (const oldest of this.remembered.keys()) {
      if (this.remembered.size <= max) break;
      this.remembered.delete(oldest);
    }
  }
}

/** The ObjectReference of an object as Events carry it (no namespace for cluster-scoped objects). */
export function referenceOf(obj: Readonly<KubeObject>): ObjectReference {
  const ref: ObjectReference = { kind: obj.kind, apiVersion: obj.apiVersion, name: obj.metadata.name ?? '' };
  if (obj.metadata.namespace !== undefined && obj.metadata.namespace !== '') ref.namespace = obj.metadata.namespace;
  if (obj.metadata.uid !== undefined) ref.uid = obj.metadata.uid;
  if (obj.metadata.resourceVersion !== undefined) ref.resourceVersion = obj.metadata.resourceVersion;
  return ref;
}
