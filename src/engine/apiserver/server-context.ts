// Everything the resource handlers share: the store, the served resources, time and identity sources,
// and the pod log source the kubelet provides.
import type { Clock } from '../../lib/clock.js';
import type { Store } from '../store/store.js';
import type { Registry } from './registry/registry.js';

/** Options for reading a container's log. */
export interface LogOptions {
  follow: boolean;
  tailLines?: number;
  previous: boolean;
  timestamps: boolean;
  sinceSeconds?: number;
  limitBytes?: number;
}

/** An open log: what is there now, and (when following) a subscription to what comes next. */
export interface LogStream {
  initial: string;
  /** Delivers further output; `onEnd` when the container stops. Returns a cancel function. */
  follow?(onChunk: (text: string) => void, onEnd: () => void): () => void;
}

/** Provided by the kubelet: reads container logs. Throws ApiError (BadRequest) when the container has not started. */
export interface PodLogSource {
  open(namespace: string, pod: string, container: string, opts: LogOptions): LogStream;
}

export interface ServerContext {
  store: Store;
  registry: Registry;
  clock: Clock;
  newUid(): string;
  /** Five lower-case alphanumerics for generateName. */
  randomSuffix(): string;
  logs?: PodLogSource;
}

/** Per-request state: warnings collected for the `Warning` header. */
export interface RequestScope {
  warnings: string[];
}

/** Formats collected warnings as the `Warning` header value (`299 - "text", 299 - "text"`). */
export function warningHeader(warnings: readonly string[]): Record<string, string> {
  const unique = [...new Set(warnings)];
  return unique.length === 0 ? {} : { warning: unique.map((w) => `299 - ${JSON.stringify(w)}`).join(', ') };
}
