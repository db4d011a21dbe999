// The set of served resources: built-ins plus whatever CustomResourceDefinitions add at run time.
import type { ResourceDef } from './resource-def.js';
import { compareVersionPriority } from './version-order.js';
import type { ResourceKey } from '../../store/store.js';

const keyOf = (group: string, version: string, resource: string): string => `${group}/${version}/${resource}`;

/** Served resources, looked up by group/version/resource or by storage key. */
export class Registry {
  private readonly defs = new Map<string, ResourceDef>();
  private readonly bySource = new Map<string, ResourceDef[]>();
  private generation = 0;

  /** Adds the defs of one source (`builtin`, or a CRD name), replacing what that source served before. */
  setSource(source: string, defs: readonly ResourceDef[]): void {
    for (const d of this.bySource.get(source) ?? []) this.defs.delete(keyOf(d.group, d.version, d.resource));
    this.bySource.set(source, [...defs]);
    for (const d of defs) this.defs.set(keyOf(d.group, d.version, d.resource), d);
    this.generation++;
  }

  removeSource(source: string): void {
    this.setSource(source, []);
    this.bySource.delete(source);
  }

  lookup(group: string, version: string, resource: string): ResourceDef | undefined {
    return this.defs.get(keyOf(group, version, resource));
  }

  /** Every served def, grouped by group, preferred version first. */
  all(): ResourceDef[] {
    return [...this.defs.values()];
  }

  /** The served defs that share a storage resource (e.g. both Ingress versions). */
  byStorage(storage: ResourceKey): ResourceDef[] {
    return this.all().filter((d) => d.storage === storage);
  }

  /** The preferred served def of a storage resource (used by the garbage collector and CRD cleanup). */
  preferredFor(storage: ResourceKey): ResourceDef | undefined {
    return this.byStorage(storage).sort((a, b) => compareVersionPriority(a.version, b.version))[0];
  }

  /** Groups in discovery order (core first, then as added), each with versions most preferred first. */
  groups(): { group: string; versions: string[] }[] {
    const order: string[] = [];
    const versions = new Map<string, Set<string>>();
    for (const d of this.defs.values()) {
      if (!versions.has(d.group)) { versions.set(d.group, new Set()); order.push(d.group); }
      versions.get(d.group)?.add(d.version);
    }
    return order.map((group) => ({ group, versions: [...(versions.get(group) ?? [])].sort(compareVersionPriority) }));
  }

  /** Changes whenever the served set changes (discovery documents are cached on it). */
  revision(): number {
    return this.generation;
  }
}
