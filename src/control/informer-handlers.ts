// Event handlers of an informer: registered per kind of change and called in registration order. A handler
// that throws is logged and skipped, so one faulty controller cannot stop the others' events.
import type { Logger } from '../lib/log.js';

export type AddHandler<T> = (obj: T) => void;
export type UpdateHandler<T> = (oldObj: T, newObj: T) => void;
export type DeleteHandler<T> = (obj: T) => void;

/** The three handler lists of one informer. */
export class HandlerSet<T> {
  private readonly adds = new Set<AddHandler<T>>();
  private readonly updates = new Set<UpdateHandler<T>>();
  private readonly deletes = new Set<DeleteHandler<T>>();

  constructor(private readonly log: Logger) {}

  onAdd(fn: AddHandler<T>): () => void {
    this.adds.add(fn);
    return () => { this.adds.delete(fn); };
  }

  onUpdate(fn: UpdateHandler<T>): () => void {
    this.updates.add(fn);
    return () => { this.updates.delete(fn); };
  }

  onDelete(fn: DeleteHandler<T>): () => void {
    this.deletes.add(fn);
    return () => { this.deletes.delete(fn); };
  }

  emitAdd(obj: T): void {
    for (const fn of this.adds) this.call('add', () => fn(obj));
  }

  emitUpdate(oldObj: T, newObj: T): void {
    for (const fn of this.updates) this.call('update', () => fn(oldObj, newObj));
  }

  emitDelete(obj: T): void {
    for (const fn of this.deletes) this.call('delete', () => fn(obj));
  }

  private call(what: string, fn: () => void): void {
    try {
      fn();
    } catch (e) {
      this.log.error(`${what} handler threw`, { error: e instanceof Error ? e : String(e) });
    }
  }
}
