// Reading an AnalysisRun for a reconcile: from the informer cache, or from the object our last status write
// returned when the cache has not caught up with it yet (client-go's mutation cache, which also compares
// resourceVersions as integers). Without this a reconcile right after a write could see the old status and
// record a provider outcome twice or lose one.
import type { ObjectKey } from '../../api/object-key.js';
import type { AnalysisRun } from '../../api/rollouts-analysis.js';
import { deepFreeze } from '../../lib/deep-freeze.js';

/** True when resourceVersion `a` is newer than `b` (both decimal, as every Kubernetes API server writes them). */
export function isNewerVersion(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined || !/^\d+$/.test(a) || !/^\d+$/.test(b)) return false;
  return BigInt(a) > BigInt(b);
}

/** Objects this controller wrote, kept until the informer shows them (or something newer). */
export class WrittenRuns {
  private readonly written = new Map<ObjectKey, Readonly<AnalysisRun>>();

  /** Remembers the object a write returned. */
  remember(key: ObjectKey, run: AnalysisRun): void {
    this.written.set(key, deepFreeze(run));
  }

  /** The freshest view of a run: the cached one unless our own write is newer and of the same object. */
  observe(key: ObjectKey, cached: Readonly<AnalysisRun> | undefined): Readonly<AnalysisRun> | undefined {
    const mine = this.written.get(key);
    if (mine === undefined) return cached;
    if (cached === undefined || cached.metadata.uid !== mine.metadata.uid || !isNewerVersion(mine.metadata.resourceVersion, cached.metadata.resourceVersion)) {
      this.written.delete(key);
      return cached;
    }
    return mine;
  }

  /** Forgets a run (deleted). */
  forget(key: ObjectKey): void {
    this.written.delete(key);
  }
}
