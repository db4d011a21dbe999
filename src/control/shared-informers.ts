// One informer per resource, namespace and selector, shared by every controller in the process, so two
// controllers reading pods hold one cache and one watch between them.
import type { KubeObject } from '../api/meta.js';
import type { ResourceType } from '../api/resources.js';
import type { KubeClient } from './client.js';
import { Informer, type InformerOptions } from './informer.js';

/** What identifies a shared informer besides its resource. */
export interface InformerScope {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
}

/** Options applied to every informer the factory creates. */
export type SharedInformerOptions = Omit<InformerOptions, keyof InformerScope>;

/** The part of an informer the factory drives, whatever its object type. */
interface Lifecycle {
  start(): void;
  synced(): Promise<boolean>;
  stop(): Promise<void>;
}

/** A factory and registry of shared informers. */
export class SharedInformers {
  // Values are Informer<T> for varying T; `unknown` here, narrowed back with instanceof on lookup.
  private readonly informers = new Map<string, unknown>();
  private readonly running: Lifecycle[] = [];
  private started = false;

  constructor(private readonly client: KubeClient, private readonly opts: SharedInformerOptions = {}) {}

  /** The shared informer for `t` in `scope`, created on first use (and started if the factory runs). */
  informer<T extends KubeObject = KubeObject>(t: ResourceType, scope: InformerScope = {}): Informer<T> {
    const key = scopeKey(t, scope);
    const existing = this.informers.get(key);
    // instanceof yields the class with its type argument open; every informer under this key holds `t`.
    if (existing instanceof Informer) return existing;
    const created = new Informer<T>(this.client, t, { ...this.opts, ...scope });
    this.informers.set(key, created);
    this.running.push(created);
    if (this.started) created.start();
    return created;
  }

  /** Starts every informer created so far and any created later. */
  start(): void {
    this.started = true;
    for (const inf of this.running) inf.start();
  }

  /** Resolves true once every informer has synced, false if any stopped first. */
  async synced(): Promise<boolean> {
    const results = await Promise.all(this.running.map((inf) => inf.synced()));
    return results.every((r) => r);
  }

  /** Stops every informer. */
  async stop(): Promise<void> {
    this.started = false;
    await Promise.all(this.running.map((inf) => inf.stop()));
  }
}

function scopeKey(t: ResourceType, scope: InformerScope): string {
  const ns = t.namespaced ? (scope.namespace ?? '') : '';
  return [t.group, t.version, t.resource, ns, scope.labelSelector ?? '', scope.fieldSelector ?? ''].join('|');
}
