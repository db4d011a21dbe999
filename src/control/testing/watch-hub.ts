// The in-memory API's watch side: a log of committed changes and the open watch streams. A watch from a
// resourceVersion older than the last compaction gets an ERROR event with 410 Expired, as real servers send.
import { ApiError, toStatus } from '../../api/api-error.js';
import { matchesFields, type FieldRequirement } from '../../api/field-selector.js';
import { matchesRequirements, type Requirement } from '../../api/label-selector.js';
import type { KubeObject } from '../../api/meta.js';
import { Channel } from './channel.js';

/** One committed change. */
export interface LoggedEvent {
  readonly rv: number;
  readonly type: 'ADDED' | 'MODIFIED' | 'DELETED';
  readonly resource: string;
  readonly object: KubeObject;
}

/** What a watch selects. */
export interface WatchFilter {
  resource: string;
  namespace?: string;
  labels: readonly Requirement[];
  fields: readonly FieldRequirement[];
}

interface Watcher {
  readonly filter: WatchFilter;
  readonly channel: Channel<Uint8Array>;
}

const encoder = new TextEncoder();

function line(type: string, object: unknown): Uint8Array {
  return encoder.encode(`${JSON.stringify({ type, object })}\n`);
}

/** True when `obj` of `resource` is selected by `f`. */
export function selects(f: WatchFilter, resource: string, obj: KubeObject): boolean {
  if (resource !== f.resource) return false;
  if (f.namespace !== undefined && obj.metadata.namespace !== f.namespace) return false;
  return matchesRequirements(f.labels, obj.metadata.labels) && matchesFields(f.fields, obj);
}

/** Event log plus open watches. */
export class WatchHub {
  private log: LoggedEvent[] = [];
  private compactedRv = 0;
  private readonly watchers = new Set<Watcher>();

  /** Appends a change and delivers it to matching watches. */
  record(ev: LoggedEvent): void {
    this.log.push(ev);
    for (const w of this.watchers) if (selects(w.filter, ev.resource, ev.object)) w.channel.push(line(ev.type, ev.object));
  }

  /**
   * Opens a watch. `fromRv` undefined: synthetic ADDED for `current`, then live changes. Otherwise every
   * change after `fromRv`, then live ones; 410 Expired (as an ERROR event) if that history was compacted.
   */
  open(filter: WatchFilter, fromRv: number | undefined, current: readonly KubeObject[], signal?: AbortSignal): Channel<Uint8Array> {
    const channel = new Channel<Uint8Array>();
    if (fromRv !== undefined && fromRv < this.compactedRv) {
      const err = new ApiError('Expired', `too old resource version: ${fromRv} (${this.compactedRv})`);
      channel.push(line('ERROR', toStatus(err)));
      channel.close();
      return channel;
    }
    if (fromRv === undefined) for (const obj of current) channel.push(line('ADDED', obj));
    else for (const ev of this.log) if (ev.rv > fromRv && selects(filter, ev.resource, ev.object)) channel.push(line(ev.type, ev.object));
    const watcher = { filter, channel };
    this.watchers.add(watcher);
    const end = (): void => { this.watchers.delete(watcher); channel.close(); };
    signal?.addEventListener('abort', end, { once: true });
    return channel;
  }

  /** Forgets history up to `currentRv`: watches from older versions now get 410 Expired. */
  compact(currentRv: number): void {
    this.log = [];
    this.compactedRv = currentRv;
  }

  /** Ends every open watch stream, as a server does when its watch timeout passes. */
  endAll(): void {
    for (const w of this.watchers) w.channel.close();
    this.watchers.clear();
  }

  /** Number of open watch streams. */
  openCount(): number { return this.watchers.size; }
}
