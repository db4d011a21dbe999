// Records every watch event of some resources in one list ordered by resourceVersion (one counter across the
// store), so a test can ask "what did X look like just before Y changed".
import type { KubeObject, WatchEvent } from '../../src/api/meta.js';
import type { ResourceType } from '../../src/api/resources.js';
import type { KubeClient } from '../../src/control/client.js';

export interface Recorded { type: WatchEvent['type']; kind: string; rv: number; object: KubeObject }

export interface Recorder {
  events: Recorded[];
  stop(): void;
}

/** Watches each resource in `namespace` from now on (after a synthetic ADDED of what exists). */
export function record(client: KubeClient, namespace: string, types: readonly ResourceType[]): Recorder {
  const events: Recorded[] = [];
  const abort = new AbortController();
  for (const t of types) {
    void (async () => {
      try {
        for await (const e of client.watch(t, namespace, { resourceVersion: '0' }, abort.signal)) {
          if (e.type === 'BOOKMARK' || e.type === 'ERROR') continue;
          events.push({ type: e.type, kind: t.kind, rv: Number(e.object.metadata.resourceVersion ?? 0), object: e.object });
          events.sort((a, b) => a.rv - b.rv);
        }
      } catch { /* stopped */ }
    })();
  }
  return { events, stop: () => abort.abort() };
}

/** The last recorded state of the named object strictly before resourceVersion `rv`. */
export function stateBefore(events: readonly Recorded[], kind: string, name: string, rv: number): KubeObject | undefined {
  let last: KubeObject | undefined;
  for (const e of events) {
    if (e.rv >= rv) break;
    if (e.kind === kind && e.object.metadata.name === name) last = e.object;
  }
  return last;
}
