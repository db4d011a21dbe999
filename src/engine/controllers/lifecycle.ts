// Store-level lifecycle controllers every embedded API server runs: garbage collection and namespace
// finalization.
import type { ServerContext } from '../apiserver/server-context.js';
import { startGarbageCollector } from './gc/garbage-collector.js';
import { startNamespaceFinalizer } from './namespace/namespace-finalizer.js';

/** Starts both; returns one stop function. */
export function startLifecycleControllers(ctx: ServerContext): () => void {
  const stops = [startGarbageCollector(ctx), startNamespaceFinalizer(ctx)];
  return () => { for (const s of stops) s(); };
}
